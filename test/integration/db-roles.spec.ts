import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { serviceRoleName, urlForServiceRole } from '@torque/platform';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('service database roles', () => {
  let db: TestDatabase;
  let fitment: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    fitment = new pg.Client({ connectionString: urlForServiceRole(db.url, 'fitment') });
    await fitment.connect();
  });
  afterAll(async () => {
    await fitment?.end();
    await db?.drop();
  });

  it('lets a service read and write the tables of its own schema', async () => {
    const who = await fitment.query('SELECT current_user AS u');
    expect(who.rows[0].u).toBe(serviceRoleName('fitment'));
    await fitment.query(
      `INSERT INTO fitment.jobs (id, tenant_id, type, status) VALUES (gen_random_uuid(), 't', 'x', 'queued')`,
    );
    const rows = await fitment.query('SELECT count(*)::int AS n FROM fitment.jobs');
    expect(rows.rows[0].n).toBe(1);
  });

  it("denies access to another service's schema", async () => {
    await expect(fitment.query('SELECT * FROM ingestion.jobs')).rejects.toThrow(/permission denied/);
  });

  it('denies schema changes (migrations run as the owner)', async () => {
    await expect(fitment.query('CREATE TABLE fitment.sneaky (id int)')).rejects.toThrow(/permission denied/);
  });
});
