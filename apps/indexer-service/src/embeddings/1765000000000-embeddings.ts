import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The vectors of the semantic search: one row per tenant, model and product, of the text whose hash it
 * carries (so an unchanged text is not embedded again, and a new model re-embeds everything). `vector` is
 * the float32 values, little-endian; `updated_at` lets each replica's in-memory index read what changed, and
 * `embedding_deletions` (kept a day) what went.
 */
export class Embeddings1765000000000 implements MigrationInterface {
  name = 'Embeddings1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indexer.embeddings (
        tenant_id    varchar(64)  NOT NULL,
        model        varchar(200) NOT NULL,
        product_id   bigint       NOT NULL,
        content_hash char(64)     NOT NULL,
        vector       bytea        NOT NULL,
        updated_at   timestamptz  NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (tenant_id, model, product_id)
      )`);
    await q.query(`CREATE INDEX embeddings_changes_idx ON indexer.embeddings (tenant_id, model, updated_at)`);
    await q.query(`
      CREATE TABLE indexer.embedding_deletions (
        tenant_id  varchar(64) NOT NULL,
        product_id bigint      NOT NULL,
        deleted_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX embedding_deletions_tenant_idx ON indexer.embedding_deletions (tenant_id, deleted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS indexer.embedding_deletions, indexer.embeddings`);
  }
}
