// The jobs list answers from each service's cached part (JobsListCache) only while nothing changed: with the
// cache kept far longer than the test runs, a worker's change shows as soon as its event arrives, a write through
// the gateway shows on the very next list, and another tenant's list stays its own.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CleanupAcceptedDto, JobPageDto, JobViewDto } from '@torque/contracts';
import pg from 'pg';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const BATCH_DELAY_MS = 200;
const OLD_ROWS = 5;

describe('the jobs list with its cache', () => {
  let suite: Suite;
  let db: pg.Client;

  beforeAll(async () => {
    suite = await startSuite({
      env: { JOBS_LIST_CACHE_MS: '60000' },
      serviceEnv: { fitment: { CLEANUP_BATCH_SIZE: '1', CLEANUP_BATCH_DELAY_MS: String(BATCH_DELAY_MS) } },
    });
    db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  async function list(tenant = 'acme'): Promise<JobViewDto[]> {
    const res = await suite.http('/api/v1/jobs?limit=50', { tenant });
    expect(res.status).toBe(200);
    return ((await res.json()) as JobPageDto).data;
  }
  const statusIn = (jobs: JobViewDto[], id: string) => jobs.find((j) => j.id === id)?.status;

  async function startCleanup(): Promise<JobViewDto> {
    await db.query(
      `INSERT INTO fitment.jobs (id, tenant_id, type, status, created_at, started_at, completed_at)
       SELECT gen_random_uuid(), 'acme', 'fitment.generate', 'completed', now() - interval '101 days', now() - interval '101 days', now() - interval '100 days'
         FROM generate_series(1, $1)`,
      [OLD_ROWS],
    );
    const res = await suite.http('/api/v1/admin/maintenance/cleanup', {
      method: 'POST',
      json: { services: ['fitment'], olderThanDays: 30 },
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as CleanupAcceptedDto).jobs[0];
  }

  it("shows a worker's change once its event arrives, long before the cache would expire", async () => {
    const job = await startCleanup();
    // The clean-up takes OLD_ROWS batches of BATCH_DELAY_MS: the list is asked (and cached) while it runs.
    expect(['queued', 'processing']).toContain(statusIn(await list(), job.id));
    await eventually(async () => {
      const { rows } = await db.query(`SELECT status FROM fitment.jobs WHERE id = $1`, [job.id]);
      return rows[0].status === 'completed';
    });
    const seen = performance.now();
    await eventually(async () => statusIn(await list(), job.id) === 'completed', 5_000, 20);
    expect(performance.now() - seen).toBeLessThan(2_000);
  });

  it('shows a write through the gateway on the very next list', async () => {
    const job = await startCleanup();
    expect(statusIn(await list(), job.id)).toBeDefined();
    const res = await suite.http(`/api/v1/jobs/${job.id}/cancel`, { method: 'POST' });
    expect(res.status).toBe(202);
    // The list is at least as new as the cancel's answer: the request noted, or the job already stopped.
    const listed = (await list()).find((j) => j.id === job.id)!;
    if (listed.status !== 'cancelled') expect(listed.cancelRequested).toBe(true);
    await eventually(async () => statusIn(await list(), job.id) === 'cancelled', 5_000, 20);
  });

  it("keeps each tenant's list its own", async () => {
    expect((await list('acme')).length).toBeGreaterThan(0);
    expect(await list('globex')).toEqual([]);
    expect((await list('acme')).length).toBeGreaterThan(0);
  });
});
