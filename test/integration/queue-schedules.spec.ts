// QueueService.schedule against Redis: one repeatable job per trigger however often it is registered, and a changed
// cron replaces the schedule (and its next run) instead of adding a second one.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ModuleRef } from '@nestjs/core';
import { loadEnv, QueueService, ServiceEnv } from '@torque/platform';
import Bull from 'bull';
import { Redis } from 'ioredis';
import { testNamespace } from '../support/namespace.js';
import { TEST_REDIS_URL } from '../support/servers.js';

describe('QueueService.schedule', () => {
  const ns = testNamespace();
  let queue: Bull.Queue;
  let service: QueueService;

  beforeAll(() => {
    queue = new Bull('indexer.heavy', TEST_REDIS_URL, { prefix: `${ns}:bull` });
    service = new QueueService({ get: () => queue } as unknown as ModuleRef, 'indexer', loadEnv(ServiceEnv, {}));
  });
  afterAll(async () => {
    await queue.close();
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${ns}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  const schedules = async () =>
    (await queue.getRepeatableJobs())
      .map((j) => ({ name: j.name, cron: j.cron }))
      .sort((a, b) => a.name.localeCompare(b.name));

  it('keeps one schedule per trigger, read back with its cron', async () => {
    for (let replica = 0; replica < 3; replica++)
      await service.schedule('heavy', 'indexer.refresh-schedule', '0 3 * * *', { jobId: 'nightly' });
    expect(await schedules()).toEqual([{ name: 'indexer.refresh-schedule', cron: '0 3 * * *' }]);
    expect(await queue.getDelayedCount()).toBe(1);
  });

  it('replaces the schedule and its next run when the cron changes', async () => {
    await service.schedule('heavy', 'indexer.refresh-schedule', '30 4 * * *', { jobId: 'nightly' });
    expect(await schedules()).toEqual([{ name: 'indexer.refresh-schedule', cron: '30 4 * * *' }]);
    const delayed = await queue.getDelayed();
    expect(delayed).toHaveLength(1);
    expect(delayed[0].opts.repeat).toMatchObject({ cron: '30 4 * * *' });
  });
});
