import { embeddingTextHash, type EmbeddingDoc } from '../embeddings/embedding-reuse.js';

/** The fields of a search document the embedder reads. */
export interface EmbeddableDocument {
  product_id: string | number;
  name: string;
  description: string | null;
  category: string | null;
}

/**
 * What the embedder reads of a product: `category: name. description` (the category first gives short names their
 * context), blanks dropped and whitespace collapsed. Its hash is stored with the vector, so a product whose other
 * fields change (price, vehicles, part number) keeps its vector.
 */
export function embeddingText(doc: Omit<EmbeddableDocument, 'product_id'>): string {
  const clean = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
  const category = clean(doc.category);
  const name = clean(doc.name);
  const description = clean(doc.description);
  const head = category && name ? `${category}: ${name}` : category || name;
  if (!description) return head;
  if (!head) return description;
  return /[.!?]$/.test(head) ? `${head} ${description}` : `${head}. ${description}`;
}

export function toEmbeddingDoc(doc: EmbeddableDocument): EmbeddingDoc {
  const text = embeddingText(doc);
  return { productId: Number(doc.product_id), contentHash: embeddingTextHash(text), text };
}
