import type { Type } from '@nestjs/common';
import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { AfterCommitSubscriber } from './after-commit.js';

export interface ServiceDataSourceOptions {
  url: string;
  /** The one PostgreSQL schema the service owns. */
  schema: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  poolSize?: number;
  applicationName?: string;
}

/** The schema of the extensions every service may use (pg_trgm, unaccent); see the indexer's search-index migration. */
export const EXTENSIONS_SCHEMA = 'extensions';

/** TypeORM options shared by every service: its own schema, migrations only (never synchronize). */
export function serviceDataSourceOptions(opts: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: opts.url,
    schema: opts.schema,
    entities: opts.entities,
    migrations: opts.migrations,
    subscribers: [AfterCommitSubscriber],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    applicationName: opts.applicationName ?? `torque-${opts.schema}`,
    extra: {
      max: opts.poolSize ?? 10,
      // Every session of the service sees only its own schema unless it names another, and the shared
      // extensions (pg_trgm, unaccent: one copy per database, in schema `extensions`).
      options: `-c search_path=${opts.schema},${EXTENSIONS_SCHEMA}`,
    },
  };
}

/** Creates the schema if needed and applies pending migrations; returns the names applied. */
export async function runMigrations(options: DataSourceOptions & { schema?: string }): Promise<string[]> {
  const ds = new DataSource(options);
  await ds.initialize();
  try {
    if (options.schema) await ds.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** What each service declares about its schema: the name, entities and migrations in order. */
export interface ServiceSchema {
  schema: string;
  entities: Type[];
  migrations: Type<MigrationInterface>[];
}

/** Creates the database named in `url` when it does not exist yet (connecting to `postgres` to do so). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** Applies the pending migrations of each schema; returns the names applied per schema. */
export async function migrateSchemas(url: string, schemas: ServiceSchema[]): Promise<Record<string, string[]>> {
  const applied: Record<string, string[]> = {};
  for (const s of schemas) {
    applied[s.schema] = await runMigrations(
      serviceDataSourceOptions({
        url,
        schema: s.schema,
        entities: s.entities,
        migrations: s.migrations,
        poolSize: 1,
      }) as DataSourceOptions & {
        schema: string;
      },
    );
  }
  return applied;
}
