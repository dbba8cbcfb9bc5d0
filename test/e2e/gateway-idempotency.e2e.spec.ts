import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CleanupAcceptedDto, ErrorEnvelopeDto, JobPageDto } from '@torque/contracts';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { eventually, startSuite, type Suite } from '../support/suite.js';
import { TEST_REDIS_URL } from '../support/servers.js';

const CLEANUP = '/api/v1/admin/maintenance/cleanup';
const RPC_TIMEOUT_MS = 1500;

describe('Idempotency-Key on POST /api/v1/admin/maintenance/cleanup', () => {
  let suite: Suite;
  let redis: Redis;

  // Only fitment runs. A clean-up that also names media waits for media's RPC timeout (nobody consumes
  // its queue), which keeps the first request of a key in flight for a known, bounded time.
  beforeAll(async () => {
    suite = await startSuite({ services: ['fitment'], env: { RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) } });
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    redis?.disconnect();
    await suite?.close();
  });

  const cleanup = (key: string | null, json: unknown, tenant = 'acme') =>
    suite.http(CLEANUP, { method: 'POST', json, tenant, headers: key === null ? {} : { 'idempotency-key': key } });

  async function cleanupJobs(tenant = 'acme'): Promise<JobPageDto> {
    const res = await suite.http('/api/v1/jobs?service=fitment&type=maintenance.cleanup', { tenant });
    expect(res.status).toBe(200);
    return (await res.json()) as JobPageDto;
  }

  /** Waits until no clean-up of the tenant is queued or running, so the next request would start a new one. */
  const settled = (tenant = 'acme') =>
    eventually(async () => {
      const page = await cleanupJobs(tenant);
      return page.data.every((j) => j.status === 'completed') ? page : null;
    });

  it('replays the first answer for the same key and body, and starts the clean-up only once', async () => {
    const key = randomUUID();
    const first = await cleanup(key, { services: ['fitment'], olderThanDays: 3650 });
    expect(first.status).toBe(202);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const firstBody = (await first.json()) as CleanupAcceptedDto;
    expect(firstBody.jobs).toHaveLength(1);

    // Once the job ended, a second clean-up would be a new job: only the key can prevent it.
    expect((await settled()).meta.total).toBe(1);

    // Same body with the keys in another order: the same request.
    const again = await cleanup(key, { olderThanDays: 3650, services: ['fitment'] });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(firstBody);
    expect((await cleanupJobs()).meta.total).toBe(1);

    // Control: without the key the same request does start a second clean-up.
    const fresh = await cleanup(null, { services: ['fitment'], olderThanDays: 3650 });
    expect(fresh.status).toBe(202);
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    const freshBody = (await fresh.json()) as CleanupAcceptedDto;
    expect(freshBody.jobs[0].id).not.toBe(firstBody.jobs[0].id);
    expect((await settled()).meta.total).toBe(2);
  });

  it('answers 422 idempotency_conflict when the key is reused with another body', async () => {
    const key = randomUUID();
    expect((await cleanup(key, { services: ['fitment'], olderThanDays: 3650 })).status).toBe(202);
    const before = (await settled()).meta.total;

    const conflict = await cleanup(key, { services: ['fitment'], olderThanDays: 3649 });
    expect(conflict.status).toBe(422);
    expect(conflict.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await conflict.json()) as ErrorEnvelopeDto;
    expect(body).toEqual({ error: 'idempotency_conflict', message: expect.any(String) });
    expect((await cleanupJobs()).meta.total).toBe(before);
  });

  it('replays a stored 4xx answer too (validation errors are final)', async () => {
    const key = randomUUID();
    const first = await cleanup(key, { olderThanDays: -1 });
    expect(first.status).toBe(400);
    const again = await cleanup(key, { olderThanDays: -1 });
    expect(again.status).toBe(400);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
  });

  it('rejects an empty or oversized Idempotency-Key with 400', async () => {
    for (const key of ['', 'k'.repeat(201)]) {
      const res = await cleanup(key, { services: ['fitment'] });
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorEnvelopeDto;
      expect(body.error).toBe('validation_failed');
      expect(body.details?.['Idempotency-Key']).toBeDefined();
    }
  });

  it('answers exactly one of two concurrent requests with the same key; the other gets 409 idempotency_in_progress', async () => {
    const key = randomUUID();
    const json = { services: ['fitment', 'media'], olderThanDays: 3650 };
    const started = Date.now();
    const slow = cleanup(key, json);

    // The first request holds the key (pending) while it waits for media: wait until it does.
    const pending = await eventually(
      async () => {
        const [found] = await redis.keys(`${suite.ns}:idempotency:acme:*${key}`);
        const raw = found ? await redis.get(found) : null;
        return raw && (JSON.parse(raw) as { state: string }).state === 'pending' ? found : null;
      },
      5000,
      10,
    );
    expect(pending).toBeTruthy();

    const concurrent = await cleanup(key, json);
    // The concurrent answer came while the first was still waiting for media.
    expect(Date.now() - started).toBeLessThan(RPC_TIMEOUT_MS);
    expect(concurrent.status).toBe(409);
    expect(await concurrent.json()).toEqual({ error: 'idempotency_in_progress', message: expect.any(String) });

    const first = await slow;
    expect(first.status).toBe(202);
    const firstBody = (await first.json()) as CleanupAcceptedDto;
    expect(firstBody.jobs.map((j) => j.service)).toEqual(['fitment']);
    expect(firstBody.failures).toEqual([expect.objectContaining({ service: 'media', error: 'service_timeout' })]);

    // Now the key is settled: the same request replays the answer (no second wait for media).
    const replay = await cleanup(key, json);
    expect(replay.status).toBe(202);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(firstBody);
  });

  it('does not keep a 5xx answer: the key is free again for a retry', async () => {
    const key = randomUUID();
    // Only media, which does not run: every service failed, so the request fails with 504.
    const failed = await cleanup(key, { services: ['media'], olderThanDays: 3650 });
    expect(failed.status).toBe(504);
    expect(((await failed.json()) as ErrorEnvelopeDto).error).toBe('service_timeout');

    // Neither a replay of the 504 nor a 422 for the changed body: the retry runs.
    const retry = await cleanup(key, { services: ['fitment'], olderThanDays: 3650 });
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  it('scopes keys per tenant', async () => {
    const key = randomUUID();
    const json = { services: ['fitment'], olderThanDays: 3650 };
    const acme = await cleanup(key, json, 'acme');
    expect(acme.status).toBe(202);
    const acmeBody = (await acme.json()) as CleanupAcceptedDto;

    // The same key in another tenant is a new request: it runs, in that tenant, with whatever body.
    const globex = await cleanup(key, { ...json, olderThanDays: 3000 }, 'globex');
    expect(globex.status).toBe(202);
    expect(globex.headers.get('idempotent-replayed')).toBeNull();
    const globexBody = (await globex.json()) as CleanupAcceptedDto;
    expect(globexBody.jobs[0].tenant).toBe('globex');
    expect(globexBody.jobs[0].id).not.toBe(acmeBody.jobs[0].id);
    expect((await settled('globex')).meta.total).toBe(1);

    // And each tenant still replays its own answer.
    const acmeAgain = await cleanup(key, json, 'acme');
    expect(acmeAgain.headers.get('idempotent-replayed')).toBe('true');
    expect(await acmeAgain.json()).toEqual(acmeBody);
  });
});
