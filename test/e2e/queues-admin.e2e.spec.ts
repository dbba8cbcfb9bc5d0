// The queue admin API and the Bull Board dashboard against the real servers: the fitment service runs without
// workers (its clean-up jobs wait on fitment.maintenance), the ingestion service with a slow clean-up to watch.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ALL_SERVICE_QUEUES,
  type ActiveQueueJobsDto,
  type CleanupAcceptedDto,
  type ErrorEnvelopeDto,
  type JobViewDto,
  type QueueBoardSessionDto,
  type QueueCountsDto,
  type QueueCountsListDto,
  type QueuePurgeResultDto,
  type QueueRetryResultDto,
} from '@torque/contracts';
import Bull from 'bull';
import pg from 'pg';
import { TEST_REDIS_URL } from '../support/servers.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

describe('queue administration', () => {
  let suite: Suite;
  let db: pg.Client;
  let fitmentMaintenance: Bull.Queue;

  beforeAll(async () => {
    suite = await startSuite({
      serviceEnv: {
        fitment: { ROLE: 'api' },
        ingestion: { CLEANUP_BATCH_SIZE: '1', CLEANUP_BATCH_DELAY_MS: '300' },
      },
    });
    db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
    fitmentMaintenance = new Bull('fitment.maintenance', TEST_REDIS_URL, { prefix: `${suite.ns}:bull` });
  });
  afterAll(async () => {
    await fitmentMaintenance?.close();
    await db?.end();
    await suite?.close();
  });

  const systemAdmin = () => suite.token({ tenants: ['system'], roles: ['admin'] });

  /** A clean-up of `service` for `tenant`: one per tenant and service while it is queued or running. */
  async function startCleanup(tenant: string, service = 'fitment'): Promise<JobViewDto> {
    const res = await suite.http('/api/v1/admin/maintenance/cleanup', {
      method: 'POST',
      tenant,
      json: { services: [service], olderThanDays: 30 },
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as CleanupAcceptedDto).jobs[0];
  }
  const rowStatus = async (id: string, schema = 'fitment') =>
    (await db.query(`SELECT status FROM ${schema}.jobs WHERE id = $1`, [id])).rows[0]?.status as string;
  const bullState = async (id: string) => (await (await fitmentMaintenance.getJob(id))?.getState()) ?? null;
  async function counts(queue: string): Promise<QueueCountsDto> {
    const res = await suite.http('/api/v1/admin/queues', { tenant: 'system' });
    expect(res.status).toBe(200);
    return ((await res.json()) as QueueCountsListDto).data.find((q) => q.queue === queue)!;
  }
  const post = (path: string, tenant: string) => suite.http(path, { method: 'POST', tenant });

  describe('GET /api/v1/admin/queues', () => {
    it('counts the jobs of every queue of every service, the waiting ones included', async () => {
      const before = await counts('fitment.maintenance');
      const job = await startCleanup('count-tenant');
      expect(job.status).toBe('queued');

      const res = await suite.http('/api/v1/admin/queues', { tenant: 'count-tenant', roles: ['admin'] });
      expect(res.status).toBe(200);
      const { data } = (await res.json()) as QueueCountsListDto;
      expect(data.map((q) => q.queue)).toEqual(ALL_SERVICE_QUEUES.map((q) => q.name));
      const fitment = data.find((q) => q.queue === 'fitment.maintenance')!;
      expect(fitment).toEqual({
        queue: 'fitment.maintenance',
        service: 'fitment',
        waiting: before.waiting + 1,
        active: 0,
        delayed: 0,
        failed: 0,
        completed: 0,
        paused: 0,
      });
      await post('/api/v1/admin/queues/fitment.maintenance/purge', 'count-tenant');
    });

    it('is for admins: 401 without a token, 403 for a reviewer', async () => {
      const anonymous = await fetch(`${suite.gatewayUrl}/api/v1/admin/queues`);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as ErrorEnvelopeDto).error).toBe('unauthorized');
      const reviewer = await suite.http('/api/v1/admin/queues', { roles: ['reviewer'] });
      expect(reviewer.status).toBe(403);
      expect(((await reviewer.json()) as ErrorEnvelopeDto).error).toBe('forbidden');
      for (const path of ['fitment.maintenance/purge', 'fitment.maintenance/retry-failed', 'board-session']) {
        const res = await suite.http(`/api/v1/admin/queues/${path}`, { method: 'POST', roles: ['reviewer'] });
        expect(res.status).toBe(403);
      }
    });

    it('answers 404 in the envelope for a queue that does not exist', async () => {
      for (const [method, path] of [
        ['GET', 'fitment.nope/active'],
        ['POST', 'fitment.nope/purge'],
        ['POST', 'maintenance/retry-failed'],
      ]) {
        const res = await suite.http(`/api/v1/admin/queues/${path}`, { method });
        expect(res.status).toBe(404);
        expect(((await res.json()) as ErrorEnvelopeDto).error).toBe('not_found');
      }
    });
  });

  it("lists a queue's running jobs with their job row, for the tenant and for system", async () => {
    await db.query(
      `INSERT INTO ingestion.jobs (id, tenant_id, type, status, created_at, completed_at)
       SELECT gen_random_uuid(), 'acme', 'old.work', 'completed', now() - interval '100 days', now() - interval '100 days'
         FROM generate_series(1, 40)`,
    );
    const job = await startCleanup('acme', 'ingestion');
    await eventually(async () => (await rowStatus(job.id, 'ingestion')) === 'processing');

    const res = await suite.http('/api/v1/admin/queues/ingestion.maintenance/active');
    expect(res.status).toBe(200);
    const active = (await res.json()) as ActiveQueueJobsDto;
    expect(active.queue).toBe('ingestion.maintenance');
    expect(active.data).toEqual([
      {
        bullJobId: job.id,
        jobId: job.id,
        name: 'maintenance.cleanup',
        tenantId: 'acme',
        startedAt: expect.any(String),
        attempt: 1,
        maxAttempts: expect.any(Number),
      },
    ]);
    expect(Date.now() - Date.parse(active.data[0].startedAt!)).toBeLessThan(60_000);
    const system = (await (
      await suite.http('/api/v1/admin/queues/ingestion.maintenance/active', { tenant: 'system' })
    ).json()) as ActiveQueueJobsDto;
    expect(system.data.map((j) => j.jobId)).toEqual([job.id]);
    const other = (await (
      await suite.http('/api/v1/admin/queues/ingestion.maintenance/active', { tenant: 'globex' })
    ).json()) as ActiveQueueJobsDto;
    expect(other.data).toEqual([]);

    expect((await suite.http(`/api/v1/jobs/${job.id}/cancel`, { method: 'POST' })).status).toBe(202);
    await eventually(async () => (await rowStatus(job.id, 'ingestion')) === 'cancelled');
  });

  it("purges the tenant's waiting jobs through the service: rows cancelled, Bull jobs removed, schedules kept", async () => {
    const acme = await startCleanup('purge-a');
    const globex = await startCleanup('purge-b');
    // A waiting run of a schedule: removing it would stop the schedule.
    const trigger = await fitmentMaintenance.add('maintenance.cleanup-schedule', { jobId: 'nightly' });
    expect(await bullState(acme.id)).toBe('waiting');

    const own = await post('/api/v1/admin/queues/fitment.maintenance/purge', 'purge-a');
    expect(own.status).toBe(200);
    expect((await own.json()) as QueuePurgeResultDto).toEqual({
      queue: 'fitment.maintenance',
      cancelled: 1,
      removed: 1,
      cancelRequested: 0,
    });
    expect(await rowStatus(acme.id)).toBe('cancelled');
    expect(await bullState(acme.id)).toBeNull();
    expect(await rowStatus(globex.id)).toBe('queued');
    expect(await bullState(globex.id)).toBe('waiting');
    const view = (await (await suite.http(`/api/v1/jobs/${acme.id}`, { tenant: 'purge-a' })).json()) as JobViewDto;
    expect(view).toMatchObject({ status: 'cancelled', cancelRequested: false });

    const all = await post('/api/v1/admin/queues/fitment.maintenance/purge', 'system');
    expect(((await all.json()) as QueuePurgeResultDto).cancelled).toBeGreaterThanOrEqual(1);
    expect(await rowStatus(globex.id)).toBe('cancelled');
    expect(await bullState(globex.id)).toBeNull();
    expect(await trigger.getState()).toBe('waiting');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM fitment.jobs WHERE status = 'queued'`);
    expect(rows[0].n).toBe(0); // no row is left queued without its Bull job
    await trigger.remove();
  });

  describe('retry of failed Bull jobs', () => {
    /** A queued clean-up whose Bull job then failed outside its handler (a worker that lost the database). */
    async function failedOutsideHandler(tenant: string): Promise<JobViewDto> {
      const job = await startCleanup(tenant);
      const taken = await fitmentMaintenance.getNextJob();
      expect(taken?.id).toBe(job.id);
      taken!.discard();
      await taken!.moveToFailed({ message: 'Connection terminated unexpectedly' });
      expect(await bullState(job.id)).toBe('failed');
      return job;
    }

    it("puts the tenant's failed jobs back with their rows queued and skips rows that ended", async () => {
      const stillQueued = await failedOutsideHandler('retry-a');
      const processing = await failedOutsideHandler('retry-b');
      await db.query(`UPDATE fitment.jobs SET status = 'processing', started_at = now() WHERE id = $1`, [
        processing.id,
      ]);
      const ended = await failedOutsideHandler('retry-c');
      await db.query(`UPDATE fitment.jobs SET status = 'failed', completed_at = now() WHERE id = $1`, [ended.id]);
      expect((await counts('fitment.maintenance')).failed).toBe(3);

      const own = await post('/api/v1/admin/queues/fitment.maintenance/retry-failed', 'retry-a');
      expect(own.status).toBe(200);
      expect((await own.json()) as QueueRetryResultDto).toEqual({
        queue: 'fitment.maintenance',
        retried: 1,
        skipped: 0,
      });
      expect(await bullState(stillQueued.id)).toBe('waiting');
      expect(await bullState(processing.id)).toBe('failed');

      const all = await post('/api/v1/admin/queues/fitment.maintenance/retry-failed', 'system');
      expect((await all.json()) as QueueRetryResultDto).toEqual({
        queue: 'fitment.maintenance',
        retried: 1,
        skipped: 1,
      });
      expect(await bullState(processing.id)).toBe('waiting');
      expect(await rowStatus(processing.id)).toBe('queued');
      expect(await bullState(ended.id)).toBe('failed');
      expect(await rowStatus(ended.id)).toBe('failed');

      // A worker runs the retried jobs to the end.
      await suite.services.get('fitment')!.close();
      await suite.startService('fitment', { ROLE: 'both' });
      await eventually(
        async () =>
          (await rowStatus(stillQueued.id)) === 'completed' && (await rowStatus(processing.id)) === 'completed',
        20_000,
      );
      await suite.services.get('fitment')!.close();
      await suite.startService('fitment', { ROLE: 'api' });
    });
  });

  describe('the Bull Board dashboard at /admin/queues', () => {
    const board = (path: string, init: RequestInit = {}) =>
      fetch(`${suite.gatewayUrl}/admin/queues${path}`, { redirect: 'manual', ...init });
    const bearer = async (token: string) => ({ authorization: `Bearer ${token}` });

    it('serves the page and its assets from the installed package to an admin of tenant system', async () => {
      const res = await board('', { headers: await bearer(await systemAdmin()) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      const html = await res.text();
      expect(html).toContain('<base href="/admin/queues/"');
      expect(html).toContain('Torque queues');
      expect(html).not.toMatch(/https?:\/\//);
      const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(html)![1];
      const asset = await board(`/${script}`, { headers: await bearer(await systemAdmin()) });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect((await board(`/${script}`)).status).toBe(401);
    });

    it("lists every service's queues in its API", async () => {
      const res = await board('/api/queues', { headers: await bearer(await systemAdmin()) });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { queues: { name: string }[] };
      expect(body.queues.map((q) => q.name).sort()).toEqual(ALL_SERVICE_QUEUES.map((q) => q.name).sort());
    });

    it('refuses anyone else: 401 without a token or with a bad one, 403 for a reviewer or a tenant admin', async () => {
      for (const path of ['', '/api/queues', '/queue/fitment.maintenance']) {
        const res = await board(path);
        expect(res.status).toBe(401);
        expect(((await res.json()) as ErrorEnvelopeDto).error).toBe('unauthorized');
      }
      expect((await board('', { headers: await bearer('not.a.token') })).status).toBe(401);
      const reviewer = await suite.token({ tenants: ['system'], roles: ['reviewer'] });
      const tenantAdmin = await suite.token({ tenants: ['acme'], roles: ['admin'] });
      for (const token of [reviewer, tenantAdmin]) {
        const res = await board('/api/queues', { headers: await bearer(token) });
        expect(res.status).toBe(403);
        expect(((await res.json()) as ErrorEnvelopeDto).error).toBe('forbidden');
      }
      expect((await board('', { headers: { cookie: 'torque_queue_board=forged' } })).status).toBe(401);
    });

    it('opens in a browser through a one-time ticket that becomes an HttpOnly session cookie', async () => {
      const forTenant = await suite.http('/api/v1/admin/queues/board-session', { method: 'POST', roles: ['admin'] });
      expect(forTenant.status).toBe(403);

      const res = await post('/api/v1/admin/queues/board-session', 'system');
      expect(res.status).toBe(201);
      const session = (await res.json()) as QueueBoardSessionDto;
      expect(session.url).toMatch(/^\/admin\/queues\?ticket=[\w-]{43}$/);
      expect(Date.parse(session.ticketExpiresAt) - Date.now()).toBeLessThanOrEqual(60_000);

      const opened = await fetch(`${suite.gatewayUrl}${session.url}`, { redirect: 'manual' });
      expect(opened.status).toBe(303);
      expect(opened.headers.get('location')).toBe('/admin/queues');
      const setCookie = opened.headers.get('set-cookie')!;
      expect(setCookie).toMatch(
        /^torque_queue_board=[\w-]{43}; Path=\/admin\/queues; Max-Age=\d+; HttpOnly; SameSite=Lax$/,
      );
      const cookie = setCookie.split(';')[0];

      const page = await board('', { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect((await board('/api/queues', { headers: { cookie } })).status).toBe(200);

      const again = await fetch(`${suite.gatewayUrl}${session.url}`, { redirect: 'manual' });
      expect(again.status).toBe(401);
      expect(again.headers.get('set-cookie')).toBeNull();
      // The cookie is the dashboard's only: the API still wants the bearer token.
      expect((await fetch(`${suite.gatewayUrl}/api/v1/admin/queues`, { headers: { cookie } })).status).toBe(401);
    });

    it('retries and cleans failed jobs, and refuses the writes that would strand job rows', async () => {
      const headers = await bearer(await systemAdmin());
      const job = await startCleanup('board-a');
      const taken = await fitmentMaintenance.getNextJob();
      taken!.discard();
      await taken!.moveToFailed({ message: 'Connection terminated unexpectedly' });

      const retry = await board(`/api/queues/fitment.maintenance/${job.id}/retry`, { method: 'PUT', headers });
      expect(retry.status).toBe(204);
      expect(await bullState(job.id)).toBe('waiting');

      for (const path of ['/empty', '/obliterate', `/${job.id}/clean`]) {
        const refused = await board(`/api/queues/fitment.maintenance${path}`, { method: 'PUT', headers });
        expect(refused.status).toBe(403);
      }
      const add = await board('/api/queues/fitment.maintenance/add', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'maintenance.cleanup', data: {} }),
      });
      expect(add.status).toBe(403);
      expect(await bullState(job.id)).toBe('waiting');
      expect(await rowStatus(job.id)).toBe('queued');

      const again = await fitmentMaintenance.getNextJob();
      again!.discard();
      await again!.moveToFailed({ message: 'Connection terminated unexpectedly' });
      await db.query(`UPDATE fitment.jobs SET status = 'failed', completed_at = now() WHERE id = $1`, [job.id]);
      // Bull Board cleans failed jobs older than 5 s.
      await eventually(
        async () => {
          const clean = await board('/api/queues/fitment.maintenance/clean/failed', { method: 'PUT', headers });
          expect(clean.status).toBeLessThan(300);
          return (await bullState(job.id)) === null;
        },
        15_000,
        500,
      );
    });
  });
});
