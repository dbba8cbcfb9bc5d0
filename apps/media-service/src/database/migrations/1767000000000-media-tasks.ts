import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Media tasks (seed 004), kept after their results: one row per task beside its job row (same id; the job row
 * holds status, progress and error), with where its images live in the platform's storage, and the completion
 * webhooks with every delivery attempt.
 */
export class MediaTasks1767000000000 implements MigrationInterface {
  name = 'MediaTasks1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE media.tasks (
        id                uuid         PRIMARY KEY REFERENCES media.jobs (id) ON DELETE CASCADE,
        tenant_id         varchar(64)  NOT NULL,
        task_type         varchar(32)  NOT NULL CHECK (task_type IN
                            ('image_generation', 'face_swap', 'background_removal', 'object_removal', 'style_transfer')),
        queue             varchar(8)   NOT NULL CHECK (queue IN ('cpu', 'gpu')),
        prompt            text,
        parameters        jsonb        NOT NULL DEFAULT '{}'::jsonb,
        inputs            jsonb        NOT NULL DEFAULT '{}'::jsonb,
        webhook_url       text,
        deadline_at       timestamptz,
        result_key        text,
        result_bytes      integer,
        result_width      integer,
        result_height     integer,
        engine            varchar(100),
        refined_prompt    text,
        result_metadata   jsonb,
        files_removed_at  timestamptz,
        created_at        timestamptz  NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX tasks_tenant_newest_idx ON media.tasks (tenant_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX tasks_tenant_type_idx ON media.tasks (tenant_id, task_type, created_at DESC)`);
    await q.query(`CREATE INDEX tasks_files_kept_idx ON media.tasks (created_at) WHERE files_removed_at IS NULL`);
    await q.query(`CREATE INDEX tasks_deadline_idx ON media.tasks (deadline_at) WHERE deadline_at IS NOT NULL`);
    // Queue position: queued jobs of one queue in submission order.
    await q.query(
      `CREATE INDEX jobs_queued_order_idx ON media.jobs ((params->>'queue'), created_at, id) WHERE status = 'queued'`,
    );
    await q.query(`
      CREATE TABLE media.webhook_deliveries (
        id               uuid         PRIMARY KEY,
        task_id          uuid         NOT NULL REFERENCES media.tasks (id) ON DELETE CASCADE,
        tenant_id        varchar(64)  NOT NULL,
        event_id         uuid         NOT NULL UNIQUE,
        url              text         NOT NULL,
        payload          jsonb        NOT NULL,
        status           varchar(16)  NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts         integer      NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz  NOT NULL DEFAULT now(),
        last_status      integer,
        last_error       text,
        delivered_at     timestamptz,
        created_at       timestamptz  NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_due_idx ON media.webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(`CREATE INDEX webhook_deliveries_task_idx ON media.webhook_deliveries (task_id, created_at)`);
    await q.query(`
      CREATE TABLE media.webhook_attempts (
        delivery_id  uuid         NOT NULL REFERENCES media.webhook_deliveries (id) ON DELETE CASCADE,
        attempt      integer      NOT NULL,
        http_status  integer,
        error        text,
        duration_ms  integer      NOT NULL,
        attempted_at timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (delivery_id, attempt)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE media.webhook_attempts`);
    await q.query(`DROP TABLE media.webhook_deliveries`);
    await q.query(`DROP INDEX media.jobs_queued_order_idx`);
    await q.query(`DROP TABLE media.tasks`);
  }
}
