// Graceful shutdown of a service process with a job running: on SIGTERM it stops taking jobs, lets the active
// one finish within SHUTDOWN_GRACE_MS and exits 0; past the grace it exits anyway, leaving the job `processing`
// for another worker to take over once its Bull lock lapses (stalled-job recovery).
// The service runs as a real child process from the build (`npm run build` first), as it does in production.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { CleanupAcceptedDto } from '@torque/contracts';
import Bull from 'bull';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { TEST_REDIS_URL } from '../support/servers.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

/** The built entry point; TEST_FITMENT_MAIN points at another build (e.g. a copy that concurrent builds do not replace). */
const MAIN =
  process.env.TEST_FITMENT_MAIN ??
  fileURLToPath(new URL('../../dist/apps/fitment-service/src/main.js', import.meta.url));

const LOCKS = { BULL_LOCK_DURATION_MS: '2000', BULL_STALLED_INTERVAL_MS: '1000' };

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

/** The fitment service as a child process, with its log lines collected. */
class ServiceProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<Exit>;
  private readonly child: ChildProcess;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    this.child.stdout!.on('data', collect);
    this.child.stderr!.on('data', collect);
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => {
        // TEST_SERVICE_LOG=<file>: keep the service's log for a look after the run.
        if (process.env.TEST_SERVICE_LOG) appendFileSync(process.env.TEST_SERVICE_LOG, `${this.lines.join('\n')}\n`);
        resolve({ code, signal, at: performance.now() });
      }),
    );
  }

  logged(text: string): boolean {
    return this.lines.some((l) => l.includes(text));
  }

  async started(): Promise<void> {
    await eventually(async () => {
      if (this.child.exitCode !== null) throw new Error(`the service exited at start:\n${this.lines.join('\n')}`);
      return this.logged('Nest application successfully started');
    }, 20_000);
  }

  terminate(): number {
    this.child.kill('SIGTERM');
    return performance.now();
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

describe('graceful shutdown of a worker with an active job', () => {
  let suite: Suite;
  let db: pg.Client;
  let bull: Bull.Queue;
  let service: ServiceProcess | null = null;

  beforeAll(async () => {
    // No service in this process: the child process is the only fitment there is.
    suite = await startSuite({ services: [] });
    db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
    bull = new Bull('fitment.maintenance', TEST_REDIS_URL, { prefix: `${suite.ns}:bull` });
  });
  afterEach(() => {
    service?.kill();
    service = null;
  });
  afterAll(async () => {
    await bull?.close();
    await db?.end();
    await suite?.close();
  });

  function spawnService(extra: Record<string, string> = {}): ServiceProcess {
    service = new ServiceProcess({
      ...suite.baseEnv,
      LOG_LEVEL: 'info',
      HTTP_PORT: '0',
      CLEANUP_BATCH_SIZE: '1',
      CLEANUP_BATCH_DELAY_MS: '100',
      // Short Bull locks, so a job handed back is taken over in seconds. Every process of the queue gets the
      // same values: Bull throttles the stalled-job check per queue by the interval of whoever checked last.
      ...LOCKS,
      ...extra,
    });
    return service;
  }
  async function insertOldJobs(n: number): Promise<void> {
    await db.query(
      `INSERT INTO fitment.jobs (id, tenant_id, type, status, created_at, completed_at)
       SELECT gen_random_uuid(), 'acme', 'fitment.generate', 'completed', now() - interval '101 days', now() - interval '100 days'
         FROM generate_series(1, $1)`,
      [n],
    );
  }
  async function oldJobsLeft(): Promise<number> {
    return (await db.query(`SELECT count(*)::int AS n FROM fitment.jobs WHERE type = 'fitment.generate'`)).rows[0].n;
  }
  async function row(id: string) {
    return (
      await db.query(`SELECT status, attempts, counts, started_at, completed_at FROM fitment.jobs WHERE id = $1`, [id])
    ).rows[0];
  }
  async function startCleanup(): Promise<string> {
    const res = await suite.http('/api/v1/admin/maintenance/cleanup', {
      method: 'POST',
      json: { services: ['fitment'], olderThanDays: 30 },
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as CleanupAcceptedDto).jobs[0].id;
  }
  async function runningWithProgress(id: string): Promise<void> {
    await eventually(async () => {
      const r = await row(id);
      return r.status === 'processing' && (r.counts.jobs_deleted ?? 0) >= 1;
    }, 15_000);
  }

  it('lets the active job finish, takes no new job, and exits 0', async () => {
    const OLD = 25; // one row per batch, 100 ms apart: about 2.5 s of work
    await insertOldJobs(OLD);
    const child = spawnService();
    await child.started();
    const jobId = await startCleanup();
    await runningWithProgress(jobId);

    const sigtermAt = child.terminate();
    await eventually(async () => child.logged('waiting for 1 active job(s) to finish'));
    // A job queued now could be taken by the free worker slot (WORKER_CONCURRENCY=2) if the process did not stop fetching.
    const lateId = randomUUID();
    await db.query(
      `INSERT INTO fitment.jobs (id, tenant_id, type, status, params) VALUES ($1, 'globex', 'maintenance.cleanup', 'queued', $2)`,
      [lateId, { queue: 'maintenance', olderThanDays: 30 }],
    );
    await bull.add(
      'maintenance.cleanup',
      { jobId: lateId, meta: { tenantId: 'globex', correlationId: 'late' } },
      { jobId: lateId },
    );

    const exit = await child.exited;
    const shutdownMs = exit.at - sigtermAt;
    process.stdout.write(
      `SIGTERM with a running job: exited (code ${exit.code}, signal ${exit.signal}) after ${shutdownMs.toFixed(0)} ms\n`,
    );
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });

    const done = await row(jobId);
    expect(done.status).toBe('completed');
    expect(done.counts.jobs_deleted).toBe(OLD);
    expect(await oldJobsLeft()).toBe(0);

    const late = await row(lateId);
    expect(late).toMatchObject({ status: 'queued', attempts: 0, started_at: null });
    expect(await (await bull.getJob(lateId))!.getState()).toBe('waiting');
    await (await bull.getJob(lateId))!.remove();
    await db.query(`DELETE FROM fitment.jobs WHERE id = $1`, [lateId]);
  }, 60_000);

  it('past SHUTDOWN_GRACE_MS exits anyway; the job stays processing and a new worker takes it over', async () => {
    const GRACE_MS = 1000;
    const OLD = 150; // about 15 s of work at one row per 100 ms: far longer than the grace
    await insertOldJobs(OLD);
    const child = spawnService({ SHUTDOWN_GRACE_MS: String(GRACE_MS) });
    await child.started();
    const jobId = await startCleanup();
    await runningWithProgress(jobId);

    const sigtermAt = child.terminate();
    const exit = await child.exited;
    const shutdownMs = exit.at - sigtermAt;
    process.stdout.write(
      `SIGTERM past the grace (${GRACE_MS} ms): exited (code ${exit.code}, signal ${exit.signal}) after ${shutdownMs.toFixed(0)} ms\n`,
    );
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    expect(shutdownMs).toBeGreaterThanOrEqual(GRACE_MS - 50);
    expect(shutdownMs).toBeLessThan(GRACE_MS + 2500);
    expect(child.logged('handing them back')).toBe(true);

    const left = await row(jobId);
    expect(left).toMatchObject({ status: 'processing', attempts: 1, completed_at: null });
    expect(await oldJobsLeft()).toBeGreaterThan(0);

    // A fresh worker finds the job stalled once its lock lapsed, and runs it to the end.
    const startingAt = performance.now();
    await suite.startService('fitment', {
      ROLE: 'worker',
      CLEANUP_BATCH_SIZE: '1000',
      CLEANUP_BATCH_DELAY_MS: '0',
      ...LOCKS,
    });
    const startedAt = performance.now();
    const done = await eventually(async () => {
      const r = await row(jobId);
      return r.status === 'completed' ? r : null;
    }, 30_000);
    process.stdout.write(
      `stalled job: the process exited ${(startingAt - exit.at).toFixed(0)} ms before a new worker was started; it took ` +
        `${(startedAt - startingAt).toFixed(0)} ms to start, and the job was taken over and completed ${(performance.now() - startedAt).toFixed(0)} ms later\n`,
    );
    expect(done.attempts).toBe(2);
    expect(await oldJobsLeft()).toBe(0);
  }, 90_000);

  it('records a job that stalled more often than Bull allows as failed, instead of leaving it processing', async () => {
    // A job whose workers kept dying: taken over twice already (maxStalledCount is 2), active, and without a lock.
    const id = randomUUID();
    await db.query(
      `INSERT INTO fitment.jobs (id, tenant_id, type, status, params, attempts, started_at) VALUES ($1, 'acme', 'maintenance.cleanup', 'processing', $2, 3, now())`,
      [id, { queue: 'maintenance', olderThanDays: 30 }],
    );
    // Added delayed, so that no worker takes it before it is made to look stalled.
    await bull.add(
      'maintenance.cleanup',
      { jobId: id, meta: { tenantId: 'acme', correlationId: 'crashy' } },
      { jobId: id, delay: 600_000 },
    );
    const key = (part: string) => `${suite.ns}:bull:fitment.maintenance:${part}`;
    await bull.client
      .multi()
      .zrem(key('delayed'), id)
      .lpush(key('active'), id)
      .hset(key(id), 'stalledCounter', 2)
      .sadd(key('stalled'), id)
      .exec();

    if (!suite.services.has('fitment')) await suite.startService('fitment', { ROLE: 'worker', ...LOCKS });
    const failed = await eventually(async () => {
      const r = (await db.query(`SELECT status, error_code, completed_at FROM fitment.jobs WHERE id = $1`, [id]))
        .rows[0];
      return r.status === 'failed' ? r : null;
    }, 15_000);
    expect(failed.error_code).toBe('stalled');
    expect(failed.completed_at).not.toBeNull();
    expect(await (await bull.getJob(id))?.getState()).toBe('failed');
  }, 60_000);
});
