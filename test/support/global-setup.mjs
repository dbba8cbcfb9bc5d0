// Builds the template database once per run; every test file clones it (see database.ts).
// Runs outside Jest's module system, so it uses the build output: `npm test` builds first.
import pg from 'pg';
import { grantServiceRole, migrateSchemas } from '../../dist/libs/platform/src/index.js';
import { allSchemas } from '../../scripts/schemas.js';

const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TEMPLATE_DB = 'torque_test_template';

export default async function globalSetup() {
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${TEMPLATE_DB}`;
  const schemas = await allSchemas();
  await migrateSchemas(url.toString(), schemas);
  for (const { schema } of schemas) await grantServiceRole(url.toString(), schema);
}
