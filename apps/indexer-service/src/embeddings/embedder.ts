/**
 * Turns texts into vectors for semantic search. `model` is stored with every vector, so a change of model
 * (or of its dimensions) makes the stored vectors stale and forces them to be embedded again.
 */
export interface Embedder {
  /** Identifies the model and its output, e.g. `local:use-lite-512` or `openai:text-embedding-3-small`. */
  readonly model: string;
  readonly dimensions: number;
  /** Most texts one call to the model takes; `embed` splits longer lists itself. */
  readonly batchSize: number;
  /** One L2-normalized vector of `dimensions` floats per text, in the order of `texts`. */
  embed(texts: string[]): Promise<Float32Array[]>;
}

/** Injection token of the configured Embedder (EmbeddingsModule). */
export const EMBEDDER = Symbol('EMBEDDER');

/** Runs `embedBatch` over `texts` in slices of `batchSize`, one slice at a time, keeping the order. */
export async function embedInBatches(
  texts: readonly string[],
  batchSize: number,
  embedBatch: (batch: string[]) => Promise<Float32Array[]>,
): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += batchSize) {
    const batch = texts.slice(i, i + batchSize);
    const vectors = await embedBatch(batch);
    if (vectors.length !== batch.length)
      throw new Error(`the embedder returned ${vectors.length} vectors for ${batch.length} texts`);
    out.push(...vectors);
  }
  return out;
}
