#!/usr/bin/env node
// Applies every service's migrations to DATABASE_URL (creating the database if needed). Run after `npm run build`.
import { ensureDatabase, loadEnv, migrateSchemas, PlatformEnv } from '../dist/libs/platform/src/index.js';
import { allSchemas } from './schemas.js';

const env = loadEnv(PlatformEnv);
if (await ensureDatabase(env.DATABASE_URL)) console.log(`created database ${new URL(env.DATABASE_URL).pathname.slice(1)}`);
const applied = await migrateSchemas(env.DATABASE_URL, await allSchemas());
for (const [schema, names] of Object.entries(applied)) {
  console.log(`${schema}: ${names.length ? names.join(', ') : 'up to date'}`);
}
