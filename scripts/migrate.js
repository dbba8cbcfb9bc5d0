#!/usr/bin/env node
// Applies every service's migrations to DATABASE_URL (creating the database if needed), then grants each
// service's role (torque_<schema>) data access to its own schema only. Run after `npm run build`.
import {
  ensureDatabase,
  grantServiceRole,
  loadEnv,
  migrateSchemas,
  PlatformEnv,
} from '../dist/libs/platform/src/index.js';
import { allSchemas } from './schemas.js';

const env = loadEnv(PlatformEnv);
if (await ensureDatabase(env.DATABASE_URL))
  console.log(`created database ${new URL(env.DATABASE_URL).pathname.slice(1)}`);
const schemas = await allSchemas();
const applied = await migrateSchemas(env.DATABASE_URL, schemas);
for (const { schema } of schemas) {
  const role = await grantServiceRole(env.DATABASE_URL, schema, process.env[`DB_PASSWORD_${schema.toUpperCase()}`]);
  const names = applied[schema];
  console.log(`${schema}: ${names.length ? names.join(', ') : 'up to date'} (role ${role})`);
}
