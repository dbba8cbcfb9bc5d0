// Cancelling jobs through the gateway: a running clean-up stops at its next check (well under a second), a
// queued one is cancelled at once and its Bull job removed, an ended one is returned unchanged.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CleanupAcceptedDto, JobViewDto } from '@torque/contracts';
import Bull from 'bull';
import pg from 'pg';
import { TEST_REDIS_URL } from '../support/servers.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const OLD_ROWS = 40;
const BATCH_DELAY_MS = 300;

describe('cancelling a job', () => {
  let suite: Suite;
  let db: pg.Client;
  let bull: Bull.Queue;

  beforeAll(async () => {
    // Every service runs, so the gateway finds a job's owner without waiting for the others to time out.
    suite = await startSuite({
      serviceEnv: { fitment: { CLEANUP_BATCH_SIZE: '1', CLEANUP_BATCH_DELAY_MS: String(BATCH_DELAY_MS) } },
    });
    db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
    bull = new Bull('fitment.maintenance', TEST_REDIS_URL, { prefix: `${suite.ns}:bull` });
  });
  afterAll(async () => {
    await bull?.close();
    await db?.end();
    await suite?.close();
  });

  /** Finished jobs that ended 100 days ago: what the clean-up deletes, one per batch. */
  async function insertOldJobs(n: number): Promise<void> {
    await db.query(
      `INSERT INTO fitment.jobs (id, tenant_id, type, status, created_at, started_at, completed_at)
       SELECT gen_random_uuid(), 'acme', 'fitment.generate', 'completed', now() - interval '101 days', now() - interval '101 days', now() - interval '100 days'
         FROM generate_series(1, $1)`,
      [n],
    );
  }
  async function row(
    id: string,
  ): Promise<{ status: string; counts: Record<string, number>; updated_at: Date; completed_at: Date | null }> {
    return (await db.query(`SELECT status, counts, updated_at, completed_at FROM fitment.jobs WHERE id = $1`, [id]))
      .rows[0];
  }
  async function startCleanup(): Promise<JobViewDto> {
    const res = await suite.http('/api/v1/admin/maintenance/cleanup', {
      method: 'POST',
      json: { services: ['fitment'], olderThanDays: 30 },
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as CleanupAcceptedDto;
    expect(body.failures).toEqual([]);
    return body.jobs[0];
  }
  async function cancel(id: string): Promise<{ status: number; job: JobViewDto }> {
    const res = await suite.http(`/api/v1/jobs/${id}/cancel`, { method: 'POST' });
    return { status: res.status, job: (await res.json()) as JobViewDto };
  }
  async function get(id: string): Promise<JobViewDto> {
    const res = await suite.http(`/api/v1/jobs/${id}`);
    expect(res.status).toBe(200);
    return (await res.json()) as JobViewDto;
  }

  it('stops a running clean-up at its next check, well under a second after the request', async () => {
    await insertOldJobs(OLD_ROWS);
    const job = await startCleanup();
    await eventually(async () => {
      const r = await row(job.id);
      return r.status === 'processing' && (r.counts.jobs_deleted ?? 0) >= 2;
    });

    const requestedAt = performance.now();
    const answer = await cancel(job.id);
    const answeredMs = performance.now() - requestedAt;
    expect(answer.status).toBe(202);
    // Either still running with the request noted, or (rarely) already stopped.
    if (answer.job.status === 'processing') expect(answer.job.cancelRequested).toBe(true);
    else expect(answer.job.status).toBe('cancelled');

    await eventually(async () => (await row(job.id)).status === 'cancelled', 5000, 10);
    const latencyMs = performance.now() - requestedAt;
    process.stdout.write(
      `cancel of a running job: answered in ${answeredMs.toFixed(0)} ms, cancelled ${latencyMs.toFixed(0)} ms after the request ` +
        `(CLEANUP_BATCH_DELAY_MS=${BATCH_DELAY_MS})\n`,
    );
    expect(latencyMs).toBeLessThan(1000);

    const ended = await get(job.id);
    expect(ended).toMatchObject({ status: 'cancelled', cancelRequested: false, error: null });
    expect(ended.completedAt).not.toBeNull();
    const deleted = ended.counts.jobs_deleted;
    expect(deleted).toBeGreaterThanOrEqual(2);
    expect(deleted).toBeLessThan(OLD_ROWS);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM fitment.jobs WHERE type = 'fitment.generate'`);
    expect(rows[0].n).toBe(OLD_ROWS - deleted); // the counts tell the truth, and the clean-up really stopped
  });

  it('returns an ended job unchanged', async () => {
    const [{ id }] = (
      await db.query(`SELECT id FROM fitment.jobs WHERE type = 'maintenance.cleanup' AND status = 'cancelled'`)
    ).rows;
    const before = await row(id);
    const view = await get(id);
    const answer = await cancel(id);
    expect(answer.status).toBe(202);
    expect(answer.job).toEqual(view);
    expect(await row(id)).toEqual(before);
  });

  it('cancels a queued job at once and removes its Bull job', async () => {
    // No worker for fitment: an api-only process answers, the job stays queued.
    await suite.services.get('fitment')!.close();
    await suite.startService('fitment', { ROLE: 'api' });

    const job = await startCleanup();
    expect(job.status).toBe('queued');
    expect(await (await bull.getJob(job.id))?.getState()).toBe('waiting');

    const answer = await cancel(job.id);
    expect(answer.status).toBe(202);
    expect(answer.job).toMatchObject({ id: job.id, status: 'cancelled', cancelRequested: false });
    expect(answer.job.completedAt).not.toBeNull();
    expect(await bull.getJob(job.id)).toBeNull();
    expect((await row(job.id)).status).toBe('cancelled');

    // Cancelled is an end: asking again changes nothing.
    const again = await cancel(job.id);
    expect(again.job).toEqual(answer.job);
  });
});
