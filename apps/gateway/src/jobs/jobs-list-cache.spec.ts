import { describe, expect, it } from '@jest/globals';
import type { JobPageDto } from '@torque/contracts';
import { GatewayEnv } from '../config/gateway-env.js';
import { JobsListCache } from './jobs-list-cache.js';

function cache(ms = 60_000): JobsListCache {
  return new JobsListCache(Object.assign(new GatewayEnv(), { JOBS_LIST_CACHE_MS: ms }));
}

/** A service stand-in that answers a fresh page each time and counts the questions. */
function service() {
  let asked = 0;
  return {
    ask: async (): Promise<JobPageDto> => ({ data: [], meta: { page: 1, limit: 20, total: ++asked } }),
    get asked() {
      return asked;
    },
  };
}

describe('JobsListCache', () => {
  it('answers a repeated question from memory until the service changes for that tenant', async () => {
    const list = cache();
    const fitment = service();
    expect((await list.page('t1', 'fitment', 'k', fitment.ask)).meta.total).toBe(1);
    expect((await list.page('t1', 'fitment', 'k', fitment.ask)).meta.total).toBe(1);
    list.changed('t2', 'fitment');
    list.changed('t1', 'ingestion');
    expect((await list.page('t1', 'fitment', 'k', fitment.ask)).meta.total).toBe(1);
    list.changed('t1', 'fitment');
    expect((await list.page('t1', 'fitment', 'k', fitment.ask)).meta.total).toBe(2);
    expect(fitment.asked).toBe(2);
  });

  it('keeps tenants, services and filters apart', async () => {
    const list = cache();
    const fitment = service();
    await list.page('t1', 'fitment', 'k', fitment.ask);
    await list.page('t2', 'fitment', 'k', fitment.ask);
    await list.page('t1', 'ingestion', 'k', fitment.ask);
    await list.page('t1', 'fitment', 'other', fitment.ask);
    expect(fitment.asked).toBe(4);
  });

  it('asks again for every service after a write of the tenant, and for everyone after lost events', async () => {
    const list = cache();
    const s = service();
    await list.page('t1', 'fitment', 'k', s.ask);
    await list.page('t1', 'media', 'k', s.ask);
    await list.page('t2', 'media', 'k', s.ask);
    list.changed('t1');
    await list.page('t1', 'fitment', 'k', s.ask);
    await list.page('t1', 'media', 'k', s.ask);
    await list.page('t2', 'media', 'k', s.ask);
    expect(s.asked).toBe(5);
    list.changedEverywhere();
    await list.page('t2', 'media', 'k', s.ask);
    expect(s.asked).toBe(6);
  });

  it('does not keep an answer when a change arrived while it was being asked', async () => {
    const list = cache();
    const s = service();
    await list.page('t1', 'fitment', 'k', async () => {
      const page = await s.ask();
      list.changed('t1', 'fitment');
      return page;
    });
    expect((await list.page('t1', 'fitment', 'k', s.ask)).meta.total).toBe(2);
    expect((await list.page('t1', 'fitment', 'k', s.ask)).meta.total).toBe(2);
  });

  it('always asks when turned off', async () => {
    const list = cache(0);
    const s = service();
    await list.page('t1', 'fitment', 'k', s.ask);
    await list.page('t1', 'fitment', 'k', s.ask);
    expect(s.asked).toBe(2);
  });
});
