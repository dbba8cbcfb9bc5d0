import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * AI fitment jobs (legacy spec 000), the fitments they generate and their review, and ACES/CSV exports.
 *
 *   ai_jobs        the legacy API's job fields next to the platform's job row (same id): type, products,
 *                  file, and the counts reviews keep exact (changed in the same transaction as the
 *                  fitments, under this row's lock)
 *   ai_job_parts   the job's products or file rows in order, with the per-job cursor: done_at is set
 *                  in the transaction that inserts the product's fitments, so a resumed job skips it
 *   fitments       one row per part and vehicle (a base vehicle, narrowed to a submodel and/or engine
 *                  when known), pointing at rows of the vehicle catalog; unique per job, part and
 *                  vehicle, so a product processed twice inserts nothing new
 *   exports        one ACES XML or CSV export of a tenant's approved fitments
 *   export_items   the approved set each export described (its snapshot), for later net changes
 */
export class AiFitmentJobs1764230700000 implements MigrationInterface {
  name = 'AiFitmentJobs1764230700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fitment.ai_jobs (
        job_id            uuid         PRIMARY KEY REFERENCES fitment.jobs (id) ON DELETE CASCADE,
        tenant_id         varchar(64)  NOT NULL,
        job_type          varchar(10)  NOT NULL CHECK (job_type IN ('selection','upload')),
        product_ids       bigint[]     NOT NULL DEFAULT '{}',
        product_file_name varchar(255) NOT NULL DEFAULT '',
        product_file_key  varchar(500),
        product_count     integer      NOT NULL CHECK (product_count >= 0),
        products_done     integer      NOT NULL DEFAULT 0 CHECK (products_done >= 0),
        fitments_count    integer      NOT NULL DEFAULT 0 CHECK (fitments_count >= 0),
        approved_count    integer      NOT NULL DEFAULT 0 CHECK (approved_count >= 0),
        rejected_count    integer      NOT NULL DEFAULT 0 CHECK (rejected_count >= 0),
        provider          varchar(20)  NOT NULL DEFAULT 'local',
        created_at        timestamptz  NOT NULL DEFAULT now(),
        CHECK (approved_count + rejected_count <= fitments_count)
      )`);
    await q.query(`CREATE INDEX ai_jobs_tenant_idx ON fitment.ai_jobs (tenant_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE fitment.ai_job_parts (
        job_id        uuid         NOT NULL REFERENCES fitment.jobs (id) ON DELETE CASCADE,
        seq           integer      NOT NULL,
        product_id    bigint,
        part_number   varchar(100),
        description   text,
        category      varchar(200),
        attributes    jsonb,
        done_at       timestamptz,
        outcome       varchar(10)  CHECK (outcome IN ('fitted','none','missing','universal')),
        fitment_count integer,
        warnings      text[]       NOT NULL DEFAULT '{}',
        PRIMARY KEY (job_id, seq)
      )`);
    await q.query(`CREATE INDEX ai_job_parts_todo_idx ON fitment.ai_job_parts (job_id, seq) WHERE done_at IS NULL`);

    await q.query(`
      CREATE TABLE fitment.fitments (
        id               uuid         PRIMARY KEY,
        tenant_id        varchar(64)  NOT NULL,
        job_id           uuid         REFERENCES fitment.jobs (id) ON DELETE SET NULL,
        -- 'p<product id>' or 'n<part number>': the part, whichever way the job named it
        part_key         varchar(120) NOT NULL,
        product_id       bigint,
        part_id          varchar(100) NOT NULL,
        part_description text         NOT NULL DEFAULT '',
        part_type        varchar(200) NOT NULL DEFAULT '',
        base_vehicle_id  integer      NOT NULL REFERENCES fitment.base_vehicles (id),
        vehicle_id       bigint       REFERENCES fitment.vehicles (id),
        submodel_id      integer      REFERENCES fitment.submodels (id),
        engine_id        integer      REFERENCES fitment.engines (id),
        year             smallint     NOT NULL,
        make             varchar(100) NOT NULL,
        model            varchar(100) NOT NULL,
        submodel         varchar(100) NOT NULL DEFAULT '',
        engine           varchar(100) NOT NULL DEFAULT '',
        confidence_score real         NOT NULL CHECK (confidence_score BETWEEN 0 AND 1),
        ai_reasoning     text         NOT NULL DEFAULT '',
        source           varchar(10)  NOT NULL CHECK (source IN ('text','similar','provider')),
        status           varchar(10)  NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
        qty              smallint     NOT NULL DEFAULT 1 CHECK (qty BETWEEN 1 AND 999),
        position         varchar(50)  NOT NULL DEFAULT '',
        notes            text         NOT NULL DEFAULT '',
        revision         integer      NOT NULL DEFAULT 1,
        reviewed_by      varchar(200),
        reviewed_at      timestamptz,
        created_at       timestamptz  NOT NULL DEFAULT now(),
        updated_at       timestamptz  NOT NULL DEFAULT now()
      )`);
    // Idempotent generation: a product processed again (crash, retry) inserts nothing new.
    await q.query(`
      CREATE UNIQUE INDEX fitments_job_part_vehicle_uq
        ON fitment.fitments (job_id, part_key, base_vehicle_id, COALESCE(submodel_id, 0), COALESCE(engine_id, 0))`);
    // A job's fitments are found through the unique index above (it leads with job_id) and sorted in memory.
    await q.query(
      `CREATE INDEX fitments_tenant_status_idx ON fitment.fitments (tenant_id, status, confidence_score, id)`,
    );
    // Findings: the other fitments of the same part on the same base vehicle.
    await q.query(
      `CREATE INDEX fitments_tenant_part_base_idx ON fitment.fitments (tenant_id, part_key, base_vehicle_id)`,
    );

    await q.query(`
      CREATE TABLE fitment.exports (
        id              uuid         PRIMARY KEY,
        tenant_id       varchar(64)  NOT NULL,
        format          varchar(4)   NOT NULL CHECK (format IN ('aces','csv')),
        submission_type varchar(12)  NOT NULL CHECK (submission_type IN ('FULL','NET_CHANGE')),
        since_export_id uuid         REFERENCES fitment.exports (id) ON DELETE SET NULL,
        status          varchar(12)  NOT NULL CHECK (status IN ('queued','processing','completed','failed','cancelled')),
        job_id          uuid,
        header          jsonb        NOT NULL DEFAULT '{}'::jsonb,
        fitment_count   integer      NOT NULL DEFAULT 0,
        add_count       integer      NOT NULL DEFAULT 0,
        delete_count    integer      NOT NULL DEFAULT 0,
        file_name       varchar(255),
        storage_key     varchar(500),
        size_bytes      bigint,
        error_message   text,
        created_by      varchar(200),
        created_at      timestamptz  NOT NULL DEFAULT now(),
        completed_at    timestamptz
      )`);
    await q.query(`CREATE INDEX exports_tenant_created_idx ON fitment.exports (tenant_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE fitment.export_items (
        export_id uuid NOT NULL REFERENCES fitment.exports (id) ON DELETE CASCADE,
        -- part number | base vehicle | submodel | engine | position: one ACES App
        app_key   text  NOT NULL,
        app       jsonb NOT NULL,
        PRIMARY KEY (export_id, app_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE IF EXISTS fitment.export_items, fitment.exports, fitment.fitments, fitment.ai_job_parts, fitment.ai_jobs`,
    );
  }
}
