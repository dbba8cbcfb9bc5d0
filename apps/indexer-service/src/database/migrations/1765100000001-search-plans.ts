import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans that hold up under the statistics of an index being rebuilt (a new generation has none until the next
 * ANALYZE, so PostgreSQL takes it for empty):
 * - the part-number btree no longer leads with the generation, so a lookup by (tenant, generation, product) can
 *   only be the primary key's, never a walk of the whole generation;
 * - the distinct makes of a document's vehicles as a stored column, so the make facet counts a few values per
 *   matching product instead of expanding every vehicle (year, model, submodel) of each.
 */
export class SearchPlans1765100000001 implements MigrationInterface {
  name = 'SearchPlans1765100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX indexer.search_documents_part_number_idx`);
    await q.query(
      `CREATE INDEX search_documents_part_number_idx ON indexer.search_documents (tenant_id, part_number_norm text_pattern_ops)`,
    );
    await q.query(`
      CREATE FUNCTION indexer.vehicle_makes(jsonb) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN ARRAY(SELECT DISTINCT v->>'make' FROM jsonb_array_elements($1) v WHERE v->>'make' IS NOT NULL ORDER BY 1)`);
    await q.query(
      `ALTER TABLE indexer.search_documents ADD COLUMN makes text[] GENERATED ALWAYS AS (indexer.vehicle_makes(vehicles)) STORED`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indexer.search_documents DROP COLUMN makes`);
    await q.query(`DROP FUNCTION indexer.vehicle_makes(jsonb)`);
    await q.query(`DROP INDEX indexer.search_documents_part_number_idx`);
    await q.query(
      `CREATE INDEX search_documents_part_number_idx ON indexer.search_documents (tenant_id, generation, part_number_norm text_pattern_ops)`,
    );
  }
}
