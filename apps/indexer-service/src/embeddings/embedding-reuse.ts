import { createHash } from 'node:crypto';

/** A text to embed for a product, with the hash of exactly that text. */
export interface EmbeddingDoc {
  productId: number;
  contentHash: string;
  text: string;
}

export interface EmbeddingPlan {
  /** The documents whose stored vector is missing or of another text, one per product (the last given wins). */
  toEmbed: EmbeddingDoc[];
  /** The distinct texts of `toEmbed` by hash: products with the same text share one model call. */
  texts: Map<string, string>;
  /** Products whose stored vector is of the same text: nothing to do. */
  unchanged: number[];
}

/** The hash stored with a vector: SHA-256 of the text the embedder read, hex. */
export function embeddingTextHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Which documents need the model: those without a stored vector for the current model, or with one of
 * another text (`stored` maps product id to the content hash stored with its vector, for the current model).
 */
export function planEmbeddings(docs: readonly EmbeddingDoc[], stored: ReadonlyMap<number, string>): EmbeddingPlan {
  const latest = new Map<number, EmbeddingDoc>();
  for (const doc of docs) latest.set(doc.productId, doc);
  const toEmbed: EmbeddingDoc[] = [];
  const texts = new Map<string, string>();
  const unchanged: number[] = [];
  for (const doc of latest.values()) {
    if (stored.get(doc.productId) === doc.contentHash) {
      unchanged.push(doc.productId);
      continue;
    }
    toEmbed.push(doc);
    if (!texts.has(doc.contentHash)) texts.set(doc.contentHash, doc.text);
  }
  return { toEmbed, texts, unchanged };
}
