import pg from 'pg';

/** Name of the PostgreSQL role a service connects as in production: it may use its own schema only. */
export function serviceRoleName(schema: string): string {
  return `torque_${schema}`;
}

/**
 * Creates (if needed) the service's login role and grants it what it needs on its own schema and
 * nothing else: data access on the tables (partitions through their parent), the schema's functions, no
 * DDL (migrations run as the owner via `npm run migrate`).
 * A password, when given, is set on the role (production); locally trust auth needs none.
 */
export async function grantServiceRole(adminUrl: string, schema: string, password?: string): Promise<string> {
  const role = serviceRoleName(schema);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE "${role}" LOGIN; END IF;
       END $$`,
    );
    if (password) await client.query(`ALTER ROLE "${role}" PASSWORD ${client.escapeLiteral(password)}`);
    const db = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
    await client.query(`GRANT CONNECT ON DATABASE "${db}" TO "${role}"`);
    await client.query(`GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema}" TO "${role}"`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "${schema}" TO "${role}"`);
    await client.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${role}"`,
    );
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" GRANT USAGE, SELECT ON SEQUENCES TO "${role}"`);
    // The shared extensions (pg_trgm, unaccent) are every service's to call, once the schema exists.
    await client.query(
      `DO $$ BEGIN
         IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'extensions') THEN GRANT USAGE ON SCHEMA extensions TO "${role}"; END IF;
       END $$`,
    );
    // Functions the schema's migrations keep from PUBLIC are the service's to call.
    await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA "${schema}" TO "${role}"`);
    // A partition is written through its parent (whose triggers check what the partition's would not):
    // privileges are not checked on partitions reached through their parent, so only reading them directly stays.
    const { rows: partitions } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relispartition AND c.relkind IN ('r', 'p')`,
      [schema],
    );
    for (const { name } of partitions) {
      await client.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "${schema}"."${name}" FROM "${role}"`);
    }
    return role;
  } finally {
    await client.end();
  }
}

/** DATABASE_URL with the user replaced by the service's role (for local runs under trust auth). */
export function urlForServiceRole(adminUrl: string, schema: string): string {
  const url = new URL(adminUrl);
  url.username = serviceRoleName(schema);
  url.password = '';
  return url.toString();
}
