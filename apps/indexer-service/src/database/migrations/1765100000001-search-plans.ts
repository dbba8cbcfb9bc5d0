import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans that hold up under the statistics of an index being rebuilt (a new generation has none until the next
 * ANALYZE, so PostgreSQL takes it for empty):
 * - the part-number btree no longer leads with the generation, so a lookup by (tenant, generation, product) can
 *   only be the primary key's, never a walk of the whole generation;
 * - the distinct makes of a document's vehicles as a stored column, so the make facet counts a few values per
 *   matching product instead of expanding every vehicle (year, model, submodel) of each;
 * - typos are corrected against a vocabulary per tenant (the words of names, brands and categories, a few thousand)
 *   instead of comparing the whole query with every document's text: the trigram index of the documents goes.
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
    await q.query(`
      CREATE TABLE indexer.search_words (
        tenant_id varchar(64) NOT NULL,
        word      text        NOT NULL,
        PRIMARY KEY (tenant_id, word)
      )`);
    await q.query(
      `CREATE INDEX search_words_trgm_idx ON indexer.search_words USING gin (word extensions.gin_trgm_ops)`,
    );
    await q.query(`
      INSERT INTO indexer.search_words (tenant_id, word)
      SELECT DISTINCT d.tenant_id, w
        FROM indexer.search_documents d,
             regexp_split_to_table(indexer.fold(d.name || ' ' || coalesce(d.brand, '') || ' ' || coalesce(d.category, '')),
                                   '[^[:alnum:]]+') w
       WHERE length(w) BETWEEN 3 AND 40
      ON CONFLICT DO NOTHING`);
    await q.query(`DROP INDEX indexer.search_documents_fuzzy_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX search_documents_fuzzy_idx ON indexer.search_documents USING gin (fuzzy_text extensions.gin_trgm_ops)`,
    );
    await q.query(`DROP TABLE indexer.search_words`);
    await q.query(`ALTER TABLE indexer.search_documents DROP COLUMN makes`);
    await q.query(`DROP FUNCTION indexer.vehicle_makes(jsonb)`);
    await q.query(`DROP INDEX indexer.search_documents_part_number_idx`);
    await q.query(
      `CREATE INDEX search_documents_part_number_idx ON indexer.search_documents (tenant_id, generation, part_number_norm text_pattern_ops)`,
    );
  }
}
