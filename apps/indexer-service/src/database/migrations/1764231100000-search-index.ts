import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search index of record: one document per (tenant, generation, product), tombstones of deleted products,
 * and the pending changes and batches of the incremental updates.
 *
 * pg_trgm and unaccent live in the schema `extensions`, which every service has on its search_path
 * (serviceDataSourceOptions) and may use (grantServiceRole): an extension exists once per database, and the
 * catalog's first migration had created pg_trgm inside `ingestion`, where no other service's role may reach it.
 * This migration moves it (a no-op on a database where it is already there).
 *
 * Generations instead of a shadow table renamed into place: the service role has no DDL rights, and a rename
 * would need them. A rebuild writes a new generation of the tenant's documents beside the active one and makes
 * it active with one UPDATE of `index_state` (searches read the active generation), then deletes the old rows.
 */
export class SearchIndex1764231100000 implements MigrationInterface {
  name = 'SearchIndex1764231100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS extensions`);
    for (const ext of ['pg_trgm', 'unaccent']) {
      await q.query(`
        DO $$ BEGIN
          IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = '${ext}') THEN
            IF (SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = '${ext}') <> 'extensions' THEN
              ALTER EXTENSION ${ext} SET SCHEMA extensions;
            END IF;
          ELSE
            CREATE EXTENSION ${ext} SCHEMA extensions;
          END IF;
        END $$`);
    }
    // unaccent() is STABLE (it reads its dictionary); this wrapper names the dictionary, so it can be IMMUTABLE.
    await q.query(`
      CREATE FUNCTION indexer.fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN lower(extensions.unaccent('extensions.unaccent'::regdictionary, $1))`);

    await q.query(`
      CREATE TABLE indexer.index_state (
        tenant_id           varchar(64) PRIMARY KEY,
        active_generation   integer     NOT NULL DEFAULT 1,
        building_generation integer,
        building_job_id     uuid,
        last_rebuild_at     timestamptz
      )`);
    await q.query(`
      CREATE TABLE indexer.search_documents (
        tenant_id         varchar(64)   NOT NULL,
        generation        integer       NOT NULL,
        product_id        bigint        NOT NULL,
        part_number       varchar(100)  NOT NULL,
        -- lowercase letters and digits only: KB-70, kb70 and "KB 70" are all kb70
        part_number_norm  varchar(100)  NOT NULL,
        name              text          NOT NULL,
        description       text          NOT NULL,
        brand             varchar(200),
        category          varchar(200),
        attributes        jsonb         NOT NULL DEFAULT '{}'::jsonb,
        price_min         numeric(18,4),
        price_max         numeric(18,4),
        currency          char(3),
        suppliers         jsonb         NOT NULL DEFAULT '[]'::jsonb,
        -- vehicles of approved fitments, as shown ({year, make, model, submodel}) and folded for filters ({y, mk, md, sm})
        vehicles          jsonb         NOT NULL DEFAULT '[]'::jsonb,
        vehicle_keys      jsonb         NOT NULL DEFAULT '[]'::jsonb,
        -- folded name, brand, category and part number: what typo tolerance (pg_trgm) compares the query with
        fuzzy_text        text          NOT NULL,
        search            tsvector      NOT NULL,
        content_hash      char(64)      NOT NULL,
        -- the product's version (its updated_at) and when the indexer read it: a write never replaces a later read
        source_updated_at timestamptz   NOT NULL,
        fetched_at        timestamptz   NOT NULL,
        indexed_at        timestamptz   NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, generation, product_id)
      )`);
    await q.query(`CREATE INDEX search_documents_search_idx ON indexer.search_documents USING gin (search)`);
    await q.query(
      `CREATE INDEX search_documents_fuzzy_idx ON indexer.search_documents USING gin (fuzzy_text extensions.gin_trgm_ops)`,
    );
    await q.query(
      `CREATE INDEX search_documents_part_number_idx ON indexer.search_documents (tenant_id, generation, part_number_norm text_pattern_ops)`,
    );
    await q.query(
      `CREATE INDEX search_documents_part_number_trgm_idx ON indexer.search_documents USING gin (part_number_norm extensions.gin_trgm_ops)`,
    );
    await q.query(
      `CREATE INDEX search_documents_vehicles_idx ON indexer.search_documents USING gin (vehicle_keys jsonb_path_ops)`,
    );
    await q.query(`
      CREATE TABLE indexer.tombstones (
        tenant_id  varchar(64) NOT NULL,
        product_id bigint      NOT NULL,
        deleted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, product_id)
      )`);
    await q.query(`CREATE SEQUENCE indexer.pending_change_seq`);
    await q.query(`
      CREATE TABLE indexer.pending_changes (
        tenant_id        varchar(64) NOT NULL,
        product_id       bigint      NOT NULL,
        -- bumped by each change: an update takes a row away only if no later change came meanwhile
        seq              bigint      NOT NULL DEFAULT nextval('indexer.pending_change_seq'),
        first_changed_at timestamptz NOT NULL,
        -- taken by an update job until then (a later change frees it again), so concurrent jobs split the work
        claimed_until    timestamptz,
        PRIMARY KEY (tenant_id, product_id)
      )`);
    await q.query(`CREATE INDEX pending_changes_tenant_seq_idx ON indexer.pending_changes (tenant_id, seq)`);
    await q.query(`
      CREATE TABLE indexer.change_batches (
        tenant_id       varchar(64) PRIMARY KEY,
        -- the batch open for new changes (null: none), its job once submitted, and when it was opened
        open_seq        bigint,
        open_job_id     uuid,
        opened_at       timestamptz,
        next_seq        bigint      NOT NULL DEFAULT 1,
        -- the last batch that started: when, and how many changes it took (the debounce decision reads them)
        last_started_at timestamptz,
        last_changes    integer     NOT NULL DEFAULT 0
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE indexer.change_batches, indexer.pending_changes, indexer.tombstones, indexer.search_documents, indexer.index_state`,
    );
    await q.query(`DROP SEQUENCE indexer.pending_change_seq`);
    await q.query(`DROP FUNCTION indexer.fold(text)`);
  }
}
