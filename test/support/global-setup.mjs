// Builds this run's template database once; every test file clones it (see database.ts).
// Runs outside Jest's module system, so it uses the build output: `npm test` builds first.
// Names carry a run id so that concurrent runs on one machine never touch each other's databases.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { grantServiceRole, migrateSchemas } from '../../dist/libs/platform/src/index.js';
import { allSchemas } from '../../scripts/schemas.js';

const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function globalSetup() {
  const runId = randomBytes(3).toString('hex');
  const template = `torque_tpl_${runId}`;
  // Inherited by the test workers.
  process.env.TORQUE_TEST_RUN = runId;
  process.env.TORQUE_TEST_TEMPLATE = template;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${template}`;
  const schemas = await allSchemas();
  await migrateSchemas(url.toString(), schemas);
  for (const { schema } of schemas) await grantServiceRole(url.toString(), schema);
}
