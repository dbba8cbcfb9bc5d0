import type { EntityManager } from 'typeorm';
import { vectorFromBytes, vectorToBytes } from './vectors.js';

export interface StoredVector {
  productId: number;
  contentHash: string;
  vector: Float32Array;
  updatedAt: Date;
}

export interface VectorWrite {
  productId: number;
  contentHash: string;
  vector: Float32Array;
}

interface VectorRow {
  product_id: string;
  content_hash: string;
  vector: Buffer;
  updated_at: Date;
}

/** The SQL of `indexer.embeddings`. The tenant and the model are in every WHERE. */
export class EmbeddingsRepository {
  /** The content hash stored with each of `productIds` that has a vector of `model`. */
  async storedHashes(
    em: EntityManager,
    tenantId: string,
    model: string,
    productIds: readonly number[],
  ): Promise<Map<number, string>> {
    if (productIds.length === 0) return new Map();
    const rows: Array<{ product_id: string; content_hash: string }> = await em.query(
      `SELECT product_id, content_hash FROM indexer.embeddings
        WHERE tenant_id = $1 AND model = $2 AND product_id = ANY($3::bigint[])`,
      [tenantId, model, productIds],
    );
    return new Map(rows.map((r) => [Number(r.product_id), r.content_hash]));
  }

  /** Writes the vectors in one statement; `updated_at` is the statement's clock time, for the replicas' refresh. */
  async upsert(em: EntityManager, tenantId: string, model: string, writes: readonly VectorWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await em.query(
      `INSERT INTO indexer.embeddings (tenant_id, model, product_id, content_hash, vector, updated_at)
       SELECT $1, $2, w.product_id, w.content_hash, w.vector, clock_timestamp()
         FROM unnest($3::bigint[], $4::text[], $5::bytea[]) AS w(product_id, content_hash, vector)
       ON CONFLICT (tenant_id, model, product_id) DO UPDATE
         SET content_hash = EXCLUDED.content_hash, vector = EXCLUDED.vector, updated_at = EXCLUDED.updated_at`,
      [
        tenantId,
        model,
        writes.map((w) => w.productId),
        writes.map((w) => w.contentHash),
        writes.map((w) => vectorToBytes(w.vector)),
      ],
    );
  }

  /** Deletes the vectors of `productIds`, of every model. */
  async delete(em: EntityManager, tenantId: string, productIds: readonly number[]): Promise<number> {
    if (productIds.length === 0) return 0;
    const [, count]: [unknown, number] = await em.query(
      `DELETE FROM indexer.embeddings WHERE tenant_id = $1 AND product_id = ANY($2::bigint[])`,
      [tenantId, productIds],
    );
    return count;
  }

  /** Deletes a tenant's vectors of models other than `model` (left behind by a change of model). */
  async deleteOtherModels(em: EntityManager, tenantId: string, model: string): Promise<number> {
    const [, count]: [unknown, number] = await em.query(
      `DELETE FROM indexer.embeddings WHERE tenant_id = $1 AND model <> $2`,
      [tenantId, model],
    );
    return count;
  }

  /**
   * One page of the vectors of `model` written after `since` (all when null), by product id from
   * `afterProductId` on (exclusive): page on with the last id of a page.
   */
  async changedSince(
    em: EntityManager,
    tenantId: string,
    model: string,
    dimensions: number,
    since: Date | null,
    afterProductId: number,
    limit: number,
  ): Promise<StoredVector[]> {
    const rows: VectorRow[] = await em.query(
      `SELECT product_id, content_hash, vector, updated_at FROM indexer.embeddings
        WHERE tenant_id = $1 AND model = $2 AND ($3::timestamptz IS NULL OR updated_at > $3) AND product_id > $4
        ORDER BY product_id
        LIMIT $5`,
      [tenantId, model, since, afterProductId, limit],
    );
    return rows.map((r) => ({
      productId: Number(r.product_id),
      contentHash: r.content_hash,
      vector: vectorFromBytes(r.vector, dimensions),
      updatedAt: r.updated_at,
    }));
  }

  /** The database's clock, the one `updated_at` is written with. */
  async now(em: EntityManager): Promise<Date> {
    const [row]: Array<{ now: Date }> = await em.query(`SELECT clock_timestamp() AS now`);
    return row.now;
  }

  async count(em: EntityManager, tenantId: string, model: string): Promise<number> {
    const [row]: Array<{ n: number }> = await em.query(
      `SELECT count(*)::int AS n FROM indexer.embeddings WHERE tenant_id = $1 AND model = $2`,
      [tenantId, model],
    );
    return row.n;
  }

  async productIds(em: EntityManager, tenantId: string, model: string): Promise<number[]> {
    const rows: Array<{ product_id: string }> = await em.query(
      `SELECT product_id FROM indexer.embeddings WHERE tenant_id = $1 AND model = $2`,
      [tenantId, model],
    );
    return rows.map((r) => Number(r.product_id));
  }
}
