// Rebuilds and drift audits of the search index: a rebuild swaps a new generation in while searches go on
// (none fails or comes back empty) and keeps the content hashes of unchanged documents; an audit finds and
// repairs missing, stale and orphaned documents; a job whose catalog cannot be read is retried, then failed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { JobViewDto, RebuildAcceptedDto, AuditAcceptedDto, SearchResultDto } from '@torque/contracts';
import { MetricsService } from '@torque/platform';
import pg from 'pg';
import { IndexAdminService } from '../../apps/indexer-service/src/rebuild/index-admin.service.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const SEARCH = '/api/v1/search/products';
const PRODUCTS = 600;

describe('search index rebuilds and audits', () => {
  let suite: Suite;
  let db: pg.Client;

  const job = async (id: string): Promise<JobViewDto> => {
    const res = await suite.http(`/api/v1/jobs/${id}`);
    expect(res.status).toBe(200);
    return (await res.json()) as JobViewDto;
  };
  const ended = (id: string, timeoutMs = 30_000) =>
    eventually(async () => {
      const view = await job(id);
      return ['completed', 'failed', 'cancelled'].includes(view.status) ? view : null;
    }, timeoutMs);
  const hashes = async () =>
    new Map(
      (
        await db.query(
          `SELECT d.product_id, d.content_hash FROM indexer.search_documents d
             JOIN indexer.index_state s ON s.tenant_id = d.tenant_id AND s.active_generation = d.generation
            WHERE d.tenant_id = 'acme'`,
        )
      ).rows.map((r: { product_id: string; content_hash: string }) => [r.product_id, r.content_hash]),
    );

  beforeAll(async () => {
    suite = await startSuite({
      services: ['ingestion', 'fitment', 'indexer'],
      serviceEnv: { indexer: { INDEX_BATCH_SIZE: '50' } },
    });
    db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
    // A catalog the index has never heard of (written without events, as if before the indexer existed).
    await db.query(
      `INSERT INTO ingestion.products (tenant_id, part_number, name, description, brand, category)
       SELECT 'acme', 'RB-' || i, 'Rebuild Oil Filter ' || i, 'Spin-on oil filter', 'Mann', 'Filters'
         FROM generate_series(1, ${PRODUCTS}) i`,
    );
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  it('audits: finds the products missing from the index and indexes them', async () => {
    const res = await suite.http('/api/v1/admin/search/audit', { method: 'POST' });
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as AuditAcceptedDto;
    expect(accepted.status).toBe('Audit scheduled');
    const view = await ended(accepted.task_id);
    expect(view.status).toBe('completed');
    expect(view.counts).toMatchObject({ catalog_products: PRODUCTS, missing: PRODUCTS, stale: 0, orphaned: 0 });
    const r = (await (await suite.http(`${SEARCH}?q=oil%20filter`)).json()) as SearchResultDto;
    expect(r.meta.total).toBe(PRODUCTS);
  });

  it('rebuilds into a new generation while searches go on, none failing or empty', async () => {
    const before = await hashes();
    let searching = true;
    const answers: number[] = [];
    const failures: string[] = [];
    const searches = (async () => {
      while (searching) {
        const res = await suite.http(`${SEARCH}?q=oil%20filter&limit=5`);
        if (res.status !== 200) failures.push(`status ${res.status}`);
        else answers.push(((await res.json()) as SearchResultDto).meta.total);
      }
    })();
    const res = await suite.http('/api/v1/admin/search/rebuild', { method: 'POST' });
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as RebuildAcceptedDto;
    expect(accepted).toMatchObject({
      status: 'Rebuild scheduled',
      job: { id: accepted.task_id, type: 'indexer.rebuild' },
    });
    // A second request while it runs answers the same job.
    const again = (await (
      await suite.http('/api/v1/admin/search/rebuild', { method: 'POST' })
    ).json()) as RebuildAcceptedDto;
    expect(again.task_id).toBe(accepted.task_id);
    const view = await ended(accepted.task_id);
    searching = false;
    await searches;
    expect(view.status).toBe('completed');
    expect(view.counts).toMatchObject({ documents: PRODUCTS, unchanged: PRODUCTS });
    expect(failures).toEqual([]);
    expect(answers.length).toBeGreaterThan(3);
    expect(answers.every((n) => n === PRODUCTS)).toBe(true);
    const state = await db.query(
      `SELECT active_generation, building_generation FROM indexer.index_state WHERE tenant_id = 'acme'`,
    );
    expect(state.rows[0]).toEqual({ active_generation: 2, building_generation: null });
    const generations = await db.query(
      `SELECT DISTINCT generation FROM indexer.search_documents WHERE tenant_id = 'acme'`,
    );
    expect(generations.rows).toEqual([{ generation: 2 }]);
    expect(await hashes()).toEqual(before);
  });

  it('audits: repairs stale and missing documents and removes orphaned ones', async () => {
    const { rows } = await db.query(`SELECT id FROM ingestion.products WHERE tenant_id = 'acme' ORDER BY id LIMIT 6`);
    const [a, b, c, d, e, f] = rows.map((r: { id: string }) => Number(r.id));
    // Lost documents, changes whose events never arrived, and products deleted behind the index's back.
    await db.query(`DELETE FROM indexer.search_documents WHERE tenant_id = 'acme' AND product_id = ANY($1)`, [[a, b]]);
    await db.query(
      `UPDATE ingestion.products SET name = 'Renamed Fuel Filter', updated_at = now() WHERE id = ANY($1)`,
      [[c, d, e]],
    );
    await db.query(`DELETE FROM ingestion.products WHERE id = $1`, [f]);
    const res = await suite.http('/api/v1/admin/search/audit', { method: 'POST' });
    const view = await ended(((await res.json()) as AuditAcceptedDto).task_id);
    expect(view.status).toBe('completed');
    expect(view.counts).toMatchObject({
      catalog_products: PRODUCTS - 1,
      index_documents: PRODUCTS - 2,
      missing: 2,
      stale: 3,
      orphaned: 1,
      repaired: 6,
    });
    const renamed = (await (await suite.http(`${SEARCH}?q=fuel%20filter`)).json()) as SearchResultDto;
    expect(renamed.data.map((h) => h.product_id).sort()).toEqual([c, d, e].sort());
    const total = (await (await suite.http(`${SEARCH}?q=filter`)).json()) as SearchResultDto;
    expect(total.meta.total).toBe(PRODUCTS - 1);
  });

  it('cancels a running rebuild, which gives its generation up', async () => {
    const before = await db.query(`SELECT active_generation FROM indexer.index_state WHERE tenant_id = 'acme'`);
    // Holding the tenant's index state keeps the rebuild at its start until the cancel has been asked for.
    const holder = new pg.Client({ connectionString: suite.db.url });
    await holder.connect();
    await holder.query(`BEGIN`);
    await holder.query(`SELECT 1 FROM indexer.index_state WHERE tenant_id = 'acme' FOR UPDATE`);
    try {
      const res = await suite.http('/api/v1/admin/search/rebuild', { method: 'POST', json: { reason: 'cancel test' } });
      const { task_id } = (await res.json()) as RebuildAcceptedDto;
      await eventually(async () => (await job(task_id)).status === 'processing');
      expect((await suite.http(`/api/v1/jobs/${task_id}/cancel`, { method: 'POST' })).status).toBe(202);
      await eventually(async () => (await job(task_id)).cancelRequested);
      await holder.query(`COMMIT`);
      const view = await ended(task_id);
      expect(view.status).toBe('cancelled');
      expect(view.counts.documents).toBe(0);
    } finally {
      await holder.end();
    }
    const state = await db.query(
      `SELECT active_generation, building_generation FROM indexer.index_state WHERE tenant_id = 'acme'`,
    );
    expect(state.rows[0]).toEqual({ ...before.rows[0], building_generation: null });
    const gens = await db.query(`SELECT DISTINCT generation FROM indexer.search_documents WHERE tenant_id = 'acme'`);
    expect(gens.rows).toEqual([{ generation: before.rows[0].active_generation }]);
    const r = (await (await suite.http(`${SEARCH}?q=filter`)).json()) as SearchResultDto;
    expect(r.meta.total).toBe(PRODUCTS - 1);
  });

  it('refreshes nightly: a rebuild then an audit, or only the audit after a recent rebuild', async () => {
    const admin = suite.services.get('indexer')!.get(IndexAdminService);
    const jobsOf = async (type: string) =>
      (await db.query(`SELECT id, status, params FROM indexer.jobs WHERE tenant_id = 'acme' AND type = $1`, [type]))
        .rows as { id: string; status: string; params: Record<string, unknown> }[];
    const audits = (await jobsOf('indexer.audit')).length;
    const rebuilds = (await jobsOf('indexer.rebuild')).length;
    expect(await admin.trigger()).toEqual({ tenants: 1 });
    await eventually(async () => (await jobsOf('indexer.audit')).length === audits + 1);
    expect((await jobsOf('indexer.rebuild')).length).toBe(rebuilds);
    await eventually(async () => (await jobsOf('indexer.audit')).every((j) => j.status === 'completed'));

    await db.query(`UPDATE indexer.index_state SET last_rebuild_at = now() - interval '2 days'`);
    await admin.trigger();
    const rebuild = await eventually(async () =>
      (await jobsOf('indexer.rebuild')).find((j) => j.params.origin === 'nightly'),
    );
    expect((await ended(rebuild.id)).status).toBe('completed');
    await eventually(async () => {
      const all = await jobsOf('indexer.audit');
      return all.length === audits + 2 && all.every((j) => j.status === 'completed');
    });
  });

  it('counts what it did in the metrics', async () => {
    const metrics = suite.services.get('indexer')!.get(MetricsService).registry;
    const text = await metrics.metrics();
    expect(text).toMatch(/torque_indexer_documents_indexed_total\{source="audit"\} [1-9]/);
    expect(text).toMatch(/torque_indexer_documents_removed_total\{source="audit"\} 1/);
    expect(text).toMatch(/torque_indexer_rebuild_duration_seconds_count [1-9]/);
    expect(text).toMatch(/torque_indexer_drift_found_total\{kind="stale"\} 3/);
    expect(text).toMatch(/torque_indexer_search_duration_seconds_count\{mode="hybrid",match="strict"\} [1-9]/);
  });

  it('refuses a rebuild to a non-admin', async () => {
    const res = await suite.http('/api/v1/admin/search/rebuild', { method: 'POST', roles: ['reviewer'] });
    expect(res.status).toBe(403);
  });
});

describe('search index jobs without a catalog', () => {
  let suite: Suite;

  beforeAll(async () => {
    // No ingestion service: every read of the catalog times out.
    suite = await startSuite({
      services: ['indexer'],
      env: { RPC_TIMEOUT_MS: '300' },
      serviceEnv: { indexer: { INDEX_RETRY_DELAY_MS: '200' } },
    });
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('retries a rebuild, then fails it with the error, visible in /api/v1/jobs', async () => {
    const res = await suite.http('/api/v1/admin/search/rebuild', { method: 'POST' });
    expect(res.status).toBe(202);
    const { task_id } = (await res.json()) as RebuildAcceptedDto;
    const view = await eventually(
      async () => {
        const v = (await (await suite.http(`/api/v1/jobs/${task_id}`)).json()) as JobViewDto;
        return v.status === 'failed' ? v : null;
      },
      30_000,
      100,
    );
    expect(view.error?.code).toBe('job_error');
    expect(view.error?.message).toMatch(/catalog\.products/);
    const db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
    try {
      const row = await db.query(`SELECT attempts FROM indexer.jobs WHERE id = $1`, [task_id]);
      expect(row.rows[0].attempts).toBe(3);
      const state = await db.query(`SELECT building_generation FROM indexer.index_state WHERE tenant_id = 'acme'`);
      expect(state.rows[0].building_generation).toBeNull();
    } finally {
      await db.end();
    }
    const list = (await (await suite.http('/api/v1/jobs?service=indexer&status=failed')).json()) as {
      data: JobViewDto[];
    };
    expect(list.data.map((j) => j.id)).toContain(task_id);
  });
});
