#!/usr/bin/env node
// Waits until every migration this build declares for the named services (all when none is named) is recorded in
// the database, then exits 0; exits 1 after WAIT_FOR_MIGRATIONS_TIMEOUT_MS (default 10 minutes). The init container
// of each service pod in deploy/k8s, so a new version starts only once `scripts/migrate.js` (the migrate Job) has
// applied its migrations. Connects with DATABASE_URL: the service's own role may read its schema's `migrations`.
//   node scripts/wait-for-migrations.js fitment
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { allSchemas, SERVICES } from './schemas.js';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((s) => !SERVICES.includes(s));
if (unknown.length > 0) {
  console.error(`wait-for-migrations: unknown service ${unknown.join(', ')} (one of ${SERVICES.join(', ')})`);
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('wait-for-migrations: DATABASE_URL is not set');
  process.exit(2);
}
const timeoutMs = Number(process.env.WAIT_FOR_MIGRATIONS_TIMEOUT_MS ?? 600_000);
const pollMs = Number(process.env.WAIT_FOR_MIGRATIONS_POLL_MS ?? 2000);

// TypeORM records a migration under its `name` property, or its class name when it has none.
const expected = (await allSchemas())
  .filter((s) => wanted.length === 0 || wanted.includes(s.schema))
  .map((s) => ({ schema: s.schema, names: s.migrations.map((M) => new M().name ?? M.name) }));

/** The migrations of this build not yet applied, or why they cannot be read yet. */
async function pending() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const missing = [];
    for (const { schema, names } of expected) {
      const found = await client.query('SELECT to_regclass($1) AS t', [`"${schema}".migrations`]);
      const applied = found.rows[0].t
        ? new Set((await client.query(`SELECT name FROM "${schema}".migrations`)).rows.map((r) => r.name))
        : new Set();
      missing.push(...names.filter((n) => !applied.has(n)).map((n) => `${schema}.${n}`));
    }
    return missing.length > 0 ? `not applied yet: ${missing.join(', ')}` : null;
  } catch (err) {
    return `database not ready: ${err.message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

const deadline = Date.now() + timeoutMs;
let last = '';
for (;;) {
  const reason = await pending();
  if (reason === null) break;
  if (reason !== last) console.log(`wait-for-migrations: ${reason}`);
  last = reason;
  if (Date.now() > deadline) {
    console.error(`wait-for-migrations: gave up after ${timeoutMs} ms (${reason})`);
    process.exit(1);
  }
  await sleep(pollMs);
}
console.log(`wait-for-migrations: ${expected.map((s) => s.schema).join(', ')} up to date`);
