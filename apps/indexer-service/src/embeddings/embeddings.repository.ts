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

/** How long deletion rows are kept: a replica whose last read is older checks every id instead. */
export const DELETIONS_KEPT_MS = 24 * 3600 * 1000;

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

  /**
   * Deletes the vectors of `productIds`, of every model, leaving a deletion row for the replicas' refresh;
   * deletion rows older than DELETIONS_KEPT_MS go.
   */
  async delete(em: EntityManager, tenantId: string, productIds: readonly number[]): Promise<number> {
    if (productIds.length === 0) return 0;
    const [{ n }]: Array<{ n: number }> = await em.query(
      `WITH gone AS (
         DELETE FROM indexer.embeddings WHERE tenant_id = $1 AND product_id = ANY($2::bigint[])
         RETURNING product_id
       ), noted AS (
         INSERT INTO indexer.embedding_deletions (tenant_id, product_id, deleted_at)
         SELECT DISTINCT $1, product_id, clock_timestamp() FROM gone
       ), pruned AS (
         DELETE FROM indexer.embedding_deletions
          WHERE tenant_id = $1 AND deleted_at < clock_timestamp() - make_interval(secs => $3)
       )
       SELECT count(*)::int AS n FROM gone`,
      [tenantId, productIds, DELETIONS_KEPT_MS / 1000],
    );
    return n;
  }

  /** The products whose vectors were deleted after `since` (a product may have a vector again since). */
  async deletedSince(em: EntityManager, tenantId: string, since: Date): Promise<number[]> {
    const rows: Array<{ product_id: string }> = await em.query(
      `SELECT DISTINCT product_id FROM indexer.embedding_deletions WHERE tenant_id = $1 AND deleted_at > $2`,
      [tenantId, since],
    );
    return rows.map((r) => Number(r.product_id));
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
