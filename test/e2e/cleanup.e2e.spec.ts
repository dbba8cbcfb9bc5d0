import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CleanupAcceptedDto, JobPageDto, JobViewDto } from '@torque/contracts';
import pg from 'pg';
import { eventually, startSuite, type Suite } from '../support/suite.js';

describe('retention clean-up through the gateway', () => {
  let suite: Suite;

  beforeAll(async () => {
    suite = await startSuite();
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('runs one clean-up job per service and shows them in the jobs API', async () => {
    const res = await suite.http('/api/v1/admin/maintenance/cleanup', { method: 'POST', json: { olderThanDays: 0 } });
    expect(res.status).toBe(202);
    const body = (await res.json()) as CleanupAcceptedDto;
    expect(body.failures).toEqual([]);
    expect(body.jobs.map((j) => j.service).sort()).toEqual(['fitment', 'indexer', 'ingestion', 'media']);

    const done = await eventually(async () => {
      const page = (await (await suite.http('/api/v1/jobs?type=maintenance.cleanup')).json()) as JobPageDto;
      return page.data.length === 4 && page.data.every((j) => j.status === 'completed') ? page : null;
    });
    expect(done.meta.total).toBe(4);
    for (const job of done.data) {
      expect(job.progress.percent).toBe(100);
      expect(job.counts).toEqual(expect.objectContaining({ jobs_deleted: 0, outbox_deleted: expect.any(Number) }));
    }
    const one = (await (await suite.http(`/api/v1/jobs/${body.jobs[0].id}`)).json()) as JobViewDto;
    expect(one.id).toBe(body.jobs[0].id);
  });
});

describe('clean-up scope', () => {
  let suite: Suite;
  let db: pg.Client;

  const oldJob = (tenant: string) =>
    db.query(
      `INSERT INTO fitment.jobs (id, tenant_id, type, status, created_at, completed_at)
       VALUES (gen_random_uuid(), $1, 'old.work', 'completed', now() - interval '100 days', now() - interval '100 days')`,
      [tenant],
    );
  const remaining = async () =>
    Object.fromEntries(
      (
        await db.query(
          `SELECT tenant_id, count(*)::int AS n FROM fitment.jobs WHERE type = 'old.work' GROUP BY tenant_id`,
        )
      ).rows.map((r: { tenant_id: string; n: number }) => [r.tenant_id, r.n]),
    );
  const cleanAs = async (tenant: string, service = 'fitment') => {
    const res = await suite.http('/api/v1/admin/maintenance/cleanup', {
      method: 'POST',
      tenant,
      json: { services: [service], olderThanDays: 30 },
    });
    expect(res.status).toBe(202);
    const [job] = ((await res.json()) as CleanupAcceptedDto).jobs;
    return eventually(async () => {
      const view = (await (await suite.http(`/api/v1/jobs/${job.id}`, { tenant })).json()) as JobViewDto;
      return view.status === 'completed' ? view : null;
    });
  };

  beforeAll(async () => {
    suite = await startSuite({ services: ['fitment', 'ingestion', 'media', 'indexer'] });
    db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
    for (const tenant of ['acme', 'acme', 'globex', 'globex', 'globex']) await oldJob(tenant);
  });
  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  it("lets a tenant's admin delete only that tenant's old job records", async () => {
    const job = await cleanAs('acme');
    expect(job.counts.jobs_deleted).toBe(2);
    expect(await remaining()).toEqual({ globex: 3 });
  });

  it('cleans every tenant when run for the system tenant, as the nightly schedule does', async () => {
    const job = await cleanAs('system');
    expect(job.counts.jobs_deleted).toBe(3);
    expect(await remaining()).toEqual({});
  });

  it("runs the service's own maintenance steps in the system run only: the ingestion service merges line partitions", async () => {
    const {
      rows: [supplier],
    } = await db.query(
      `INSERT INTO ingestion.suppliers (tenant_id, code, name) VALUES ('acme', 'S', 'S') RETURNING id`,
    );
    const {
      rows: [product],
    } = await db.query(
      `INSERT INTO ingestion.products (tenant_id, part_number, name) VALUES ('acme', 'P', 'P') RETURNING id`,
    );
    for (let i = 0; i < 2; i++) {
      await db.query('BEGIN');
      const n = BigInt((await db.query(`SELECT ingestion.open_lines_block() AS n`)).rows[0].n);
      const order = String(n * 2n ** 32n + 1n);
      await db.query(
        `INSERT INTO ingestion.purchase_orders (id, tenant_id, po_number, supplier_id) VALUES ($1, 'acme', $2, $3)`,
        [order, `B-${n}`, supplier.id],
      );
      await db.query(
        `INSERT INTO ingestion.purchase_order_lines_b${n} (id, tenant_id, purchase_order_id, line_no, product_id, quantity, unit_price, currency)
         VALUES (nextval(pg_get_serial_sequence('ingestion.purchase_order_lines', 'id')), 'acme', $1, 1, $2, 1, 1, 'EUR')`,
        [order, product.id],
      );
      await db.query(`SELECT ingestion.attach_lines_block($1)`, [String(n)]);
      await db.query('COMMIT');
    }
    const partitions = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'ingestion.purchase_order_lines'::regclass`,
        )
      ).rows[0].n;
    expect(await partitions()).toBe(3);
    expect((await cleanAs('acme', 'ingestion')).counts.line_partitions_merged).toBeUndefined();
    expect(await partitions()).toBe(3);
    expect((await cleanAs('system', 'ingestion')).counts.line_partitions_merged).toBe(2);
    expect(await partitions()).toBe(2);
  });
});
