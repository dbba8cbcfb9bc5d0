import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables every service schema has: the job rows (the truth about each job), the outbox
 * (events written in the same transaction as the change) and the inbox (events already handled).
 * Called from each service's first migration so the SQL lives in one place.
 */
export async function createPlatformTables(runner: QueryRunner, schema: string): Promise<void> {
  const s = `"${schema}"`;
  await runner.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
  await runner.query(`
    CREATE TABLE ${s}.jobs (
      id               uuid PRIMARY KEY,
      tenant_id        varchar(64)  NOT NULL,
      type             varchar(100) NOT NULL,
      status           varchar(20)  NOT NULL CHECK (status IN ('queued','processing','review_required','completed','failed','cancelled')),
      progress_current integer      NOT NULL DEFAULT 0,
      progress_total   integer      NOT NULL DEFAULT 0,
      progress_message text         NOT NULL DEFAULT '',
      counts           jsonb        NOT NULL DEFAULT '{}'::jsonb,
      params           jsonb        NOT NULL DEFAULT '{}'::jsonb,
      result           jsonb,
      error_code       varchar(64),
      error_message    text,
      dedupe_key       varchar(200),
      correlation_id   varchar(128),
      attempts         integer      NOT NULL DEFAULT 0,
      cancel_requested_at timestamptz,
      created_at       timestamptz  NOT NULL DEFAULT now(),
      started_at       timestamptz,
      completed_at     timestamptz,
      updated_at       timestamptz  NOT NULL DEFAULT now()
    )`);
  await runner.query(`CREATE INDEX jobs_tenant_created_idx ON ${s}.jobs (tenant_id, created_at DESC, id DESC)`);
  await runner.query(`CREATE INDEX jobs_completed_idx ON ${s}.jobs (completed_at) WHERE completed_at IS NOT NULL`);
  await runner.query(
    `CREATE UNIQUE INDEX jobs_active_dedupe_idx ON ${s}.jobs (tenant_id, type, dedupe_key)
       WHERE dedupe_key IS NOT NULL AND status IN ('queued','processing')`,
  );
  await runner.query(`
    CREATE TABLE ${s}.outbox (
      id           uuid PRIMARY KEY,
      -- Commit order within the service: events of one transaction share created_at.
      seq          bigint GENERATED ALWAYS AS IDENTITY,
      routing_key  varchar(200) NOT NULL,
      payload      jsonb        NOT NULL,
      created_at   timestamptz  NOT NULL DEFAULT now(),
      published_at timestamptz,
      attempts     integer      NOT NULL DEFAULT 0,
      last_error   text
    )`);
  await runner.query(`CREATE INDEX outbox_pending_idx ON ${s}.outbox (seq) WHERE published_at IS NULL`);
  await runner.query(`CREATE INDEX outbox_published_idx ON ${s}.outbox (published_at) WHERE published_at IS NOT NULL`);
  await runner.query(`
    CREATE TABLE ${s}.inbox (
      event_id   uuid         NOT NULL,
      consumer   varchar(100) NOT NULL,
      handled_at timestamptz  NOT NULL DEFAULT now(),
      PRIMARY KEY (event_id, consumer)
    )`);
}

export async function dropPlatformTables(runner: QueryRunner, schema: string): Promise<void> {
  const s = `"${schema}"`;
  await runner.query(`DROP TABLE IF EXISTS ${s}.inbox, ${s}.outbox, ${s}.jobs`);
}

/**
 * The first migration of every service schema. Each service lists it first, so the platform tables
 * are created by the same code everywhere; the class name stays fixed because TypeORM records it.
 */
export function platformTablesMigration(schema: string): new () => MigrationInterface {
  return class PlatformTables1764230400000 implements MigrationInterface {
    name = 'PlatformTables1764230400000';

    async up(runner: QueryRunner): Promise<void> {
      await createPlatformTables(runner, schema);
    }

    async down(runner: QueryRunner): Promise<void> {
      await dropPlatformTables(runner, schema);
    }
  };
}
