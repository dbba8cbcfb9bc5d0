import type { EntityManager } from 'typeorm';
import type { EmbeddableDocument } from './embedding-text.js';

/** The SQL the embed job reads: the documents of a generation and the vectors of products no longer indexed. */
export class EmbedRepository {
  /** Up to `limit` documents of a generation with a product id above `afterId`, by product id. */
  async page(
    em: EntityManager,
    tenantId: string,
    generation: number,
    afterId: number,
    limit: number,
  ): Promise<EmbeddableDocument[]> {
    return em.query(
      `SELECT product_id, name, description, category FROM indexer.search_documents
        WHERE tenant_id = $1 AND generation = $2 AND product_id > $3
        ORDER BY product_id
        LIMIT $4`,
      [tenantId, generation, afterId, limit],
    );
  }

  /** Up to `limit` products with a vector (of any model) and no document in the generation. */
  async orphans(em: EntityManager, tenantId: string, generation: number, limit: number): Promise<number[]> {
    const rows: Array<{ product_id: string }> = await em.query(
      `SELECT DISTINCT e.product_id FROM indexer.embeddings e
        WHERE e.tenant_id = $1
          AND NOT EXISTS (SELECT 1 FROM indexer.search_documents d
                           WHERE d.tenant_id = e.tenant_id AND d.generation = $2 AND d.product_id = e.product_id)
        ORDER BY e.product_id
        LIMIT $3`,
      [tenantId, generation, limit],
    );
    return rows.map((r) => Number(r.product_id));
  }

  /** When the last document of the generation was written (null: none). */
  async lastIndexedAt(em: EntityManager, tenantId: string, generation: number): Promise<Date | null> {
    const [row]: Array<{ at: Date | null }> = await em.query(
      `SELECT max(indexed_at) AS at FROM indexer.search_documents WHERE tenant_id = $1 AND generation = $2`,
      [tenantId, generation],
    );
    return row.at;
  }

  /** The database's clock (the one `indexed_at` is written with). */
  async now(em: EntityManager): Promise<Date> {
    const [row]: Array<{ now: Date }> = await em.query(`SELECT clock_timestamp() AS now`);
    return row.now;
  }
}
