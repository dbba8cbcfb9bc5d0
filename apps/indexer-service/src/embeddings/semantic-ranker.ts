import type { Embedder } from './embedder.js';
import type { TenantVectors } from './tenant-vectors.js';
import type { Scored } from './top-k.js';

/** Query vectors kept: a query typed again skips the model (about 20 ms a text for the local one). */
const QUERY_CACHE_SIZE = 1000;
/** What of a query the model reads. */
const MAX_QUERY_CHARS = 500;

/** The semantic half of product search: the products whose vectors are closest to the query's, best first. */
export class SemanticRanker {
  private readonly queryVectors = new Map<string, Float32Array>();

  constructor(
    private readonly embedder: Embedder,
    private readonly vectors: TenantVectors,
  ) {}

  /** Up to `limit` products of the tenant by cosine similarity to `query`; none for a blank query. */
  async rank(tenantId: string, query: string, limit: number): Promise<Scored[]> {
    const text = query.trim().replace(/\s+/g, ' ').slice(0, MAX_QUERY_CHARS);
    if (!text || limit <= 0) return [];
    const [vector, index] = await Promise.all([this.queryVector(text), this.vectors.index(tenantId)]);
    return index.search(vector, limit);
  }

  private async queryVector(text: string): Promise<Float32Array> {
    const cached = this.queryVectors.get(text);
    if (cached) {
      // most recently used last
      this.queryVectors.delete(text);
      this.queryVectors.set(text, cached);
      return cached;
    }
    const [vector] = await this.embedder.embed([text]);
    this.queryVectors.set(text, vector);
    if (this.queryVectors.size > QUERY_CACHE_SIZE) this.queryVectors.delete(this.queryVectors.keys().next().value!);
    return vector;
  }
}
