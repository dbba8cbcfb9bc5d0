import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects (documents a tenant owns) and the metadata of projects and catalog products: the generated summary
 * and tags with their provider, model, tokens and the hash of the content they were written from, and beside
 * them a person's edits, which no generation overwrites. One metadata table for both subjects, keyed by
 * (tenant, subject, subject id): products live in another service, so there is no foreign key, and the weekly
 * clean-up removes rows whose subject is gone.
 */
export class ProjectsMetadata1766000000000 implements MigrationInterface {
  name = 'ProjectsMetadata1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indexer.projects (
        id           uuid         PRIMARY KEY,
        tenant_id    varchar(64)  NOT NULL,
        title        text         NOT NULL,
        content      text         NOT NULL,
        status       varchar(16)  NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
        content_hash char(64)     NOT NULL,
        created_by   varchar(200),
        created_at   timestamptz  NOT NULL DEFAULT now(),
        updated_at   timestamptz  NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX projects_tenant_newest_idx ON indexer.projects (tenant_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX projects_drafts_idx ON indexer.projects (updated_at) WHERE status = 'draft'`);
    await q.query(`
      CREATE TABLE indexer.metadata (
        tenant_id         varchar(64)  NOT NULL,
        subject           varchar(16)  NOT NULL CHECK (subject IN ('project', 'product')),
        subject_id        varchar(64)  NOT NULL,
        summary           text,
        tags              text[]       NOT NULL DEFAULT '{}',
        provider          varchar(32),
        model             varchar(200),
        content_hash      char(64),
        content_chars     integer,
        tokens_prompt     integer      NOT NULL DEFAULT 0,
        tokens_completion integer      NOT NULL DEFAULT 0,
        generated_at      timestamptz,
        edited_summary    text,
        edited_tags       text[],
        edited_at         timestamptz,
        edited_by         varchar(200),
        PRIMARY KEY (tenant_id, subject, subject_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS indexer.metadata, indexer.projects`);
  }
}
