import type { DataSource } from 'typeorm';
import type { Embedder } from './embedder.js';
import { planEmbeddings, type EmbeddingDoc } from './embedding-reuse.js';
import type { EmbeddingsRepository, VectorWrite } from './embeddings.repository.js';
import type { TenantVectors } from './tenant-vectors.js';

export interface EmbedOutcome {
  /** Products given a new vector. */
  embedded: number;
  /** Products whose stored vector was of the same text. */
  reused: number;
  /** Texts the model read (products with the same text share one). */
  modelTexts: number;
}

/** Keeps `indexer.embeddings` in step with the search documents: embeds only what changed, deletes what went. */
export class EmbeddingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EmbeddingsRepository,
    private readonly embedder: Embedder,
    private readonly vectors: TenantVectors,
  ) {}

  /**
   * Embeds the documents whose text has no vector of the current model yet and stores them, batch by batch
   * (each batch written when it is embedded, so a long run keeps what it did when stopped).
   */
  async ensure(tenantId: string, docs: readonly EmbeddingDoc[]): Promise<EmbedOutcome> {
    const em = this.dataSource.manager;
    const { model, batchSize } = this.embedder;
    const stored = await this.repository.storedHashes(
      em,
      tenantId,
      model,
      docs.map((d) => d.productId),
    );
    const plan = planEmbeddings(docs, stored);
    const hashes = [...plan.texts.keys()];
    const byHash = new Map<string, Float32Array>();
    const docsOfHash = new Map<string, EmbeddingDoc[]>();
    for (const d of plan.toEmbed) docsOfHash.set(d.contentHash, [...(docsOfHash.get(d.contentHash) ?? []), d]);
    for (let i = 0; i < hashes.length; i += batchSize) {
      const slice = hashes.slice(i, i + batchSize);
      const vectors = await this.embedder.embed(slice.map((h) => plan.texts.get(h)!));
      slice.forEach((h, j) => byHash.set(h, vectors[j]));
      const writes: VectorWrite[] = slice.flatMap((h) =>
        docsOfHash.get(h)!.map((d) => ({ productId: d.productId, contentHash: h, vector: byHash.get(h)! })),
      );
      await this.repository.upsert(em, tenantId, model, writes);
      this.vectors.applyWrites(tenantId, writes);
    }
    return { embedded: plan.toEmbed.length, reused: plan.unchanged.length, modelTexts: hashes.length };
  }

  async remove(tenantId: string, productIds: readonly number[]): Promise<number> {
    const count = await this.repository.delete(this.dataSource.manager, tenantId, productIds);
    this.vectors.applyDeletes(tenantId, productIds);
    return count;
  }
}
