import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploads (files stored by reference, one row each with the outcome of its last import), column
 * mappings saved per supplier, and the conflicts imports found for people to resolve.
 */
export class Imports1764230600000 implements MigrationInterface {
  name = 'Imports1764230600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ingestion.uploads (
        id               uuid PRIMARY KEY,
        tenant_id        varchar(64)  NOT NULL,
        kind             varchar(20)  NOT NULL CHECK (kind IN ('procurement','products')),
        file_name        varchar(255) NOT NULL,
        format           varchar(10)  NOT NULL CHECK (format IN ('csv','xlsx')),
        storage_key      varchar(500) NOT NULL,
        size_bytes       bigint       NOT NULL,
        sha256           char(64)     NOT NULL,
        row_estimate     integer,
        supplier_code    varchar(100),
        mode             varchar(10)  NOT NULL CHECK (mode IN ('insert','upsert')),
        mapping          jsonb,
        status           varchar(20)  NOT NULL DEFAULT 'uploaded'
                         CHECK (status IN ('uploaded','queued','processing','completed','failed','cancelled')),
        job_id           uuid,
        counts           jsonb        NOT NULL DEFAULT '{}'::jsonb,
        detected_mapping jsonb,
        quality          jsonb,
        problems         jsonb        NOT NULL DEFAULT '[]'::jsonb,
        warnings         jsonb        NOT NULL DEFAULT '[]'::jsonb,
        errors_key       varchar(500),
        error_code       varchar(64),
        error_message    text,
        created_by       varchar(200),
        created_at       timestamptz  NOT NULL DEFAULT now(),
        updated_at       timestamptz  NOT NULL DEFAULT now(),
        processed_at     timestamptz
      )`);
    await q.query(`CREATE INDEX uploads_tenant_created_idx ON ingestion.uploads (tenant_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX uploads_tenant_sha_idx ON ingestion.uploads (tenant_id, sha256)`);
    await q.query(`CREATE INDEX uploads_job_idx ON ingestion.uploads (job_id) WHERE job_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE ingestion.import_mappings (
        tenant_id     varchar(64)  NOT NULL,
        kind          varchar(20)  NOT NULL CHECK (kind IN ('procurement','products')),
        supplier_code varchar(100) NOT NULL DEFAULT '',
        mapping       jsonb        NOT NULL,
        created_at    timestamptz  NOT NULL DEFAULT now(),
        updated_at    timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, kind, supplier_code)
      )`);
    await q.query(`
      CREATE TABLE ingestion.import_conflicts (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id      varchar(64)  NOT NULL,
        upload_id      uuid         NOT NULL REFERENCES ingestion.uploads (id) ON DELETE CASCADE,
        entity         varchar(20)  NOT NULL CHECK (entity IN ('supplier','product','price')),
        entity_id      bigint,
        entity_key     text         NOT NULL,
        field          varchar(50)  NOT NULL,
        existing_value text,
        incoming_value text,
        applied        varchar(10)  NOT NULL CHECK (applied IN ('existing','incoming')),
        message        text         NOT NULL,
        status         varchar(10)  NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
        resolution     varchar(20)  CHECK (resolution IN ('keep_existing','take_incoming')),
        resolved_at    timestamptz,
        resolved_by    varchar(200),
        created_at     timestamptz  NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX import_conflicts_upload_idx ON ingestion.import_conflicts (upload_id, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ingestion.import_conflicts, ingestion.import_mappings, ingestion.uploads`);
  }
}
