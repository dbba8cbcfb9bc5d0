import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { RedisThrottlerStorage } from '../../apps/gateway/src/rate-limit/redis-throttler-storage.js';
import { testNamespace } from '../support/namespace.js';
import { TEST_REDIS_URL } from '../support/servers.js';

// A one-second window stands for the gateway's minute; the slots scale with it (a sixtieth each).
const WINDOW_MS = 1000;
const LIMIT = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the clock is `offsetMs` into an epoch-aligned window, where a fixed window would start or end. */
async function untilWindowOffset(offsetMs: number): Promise<void> {
  const wait = (offsetMs - (Date.now() % WINDOW_MS) + WINDOW_MS) % WINDOW_MS;
  await sleep(wait);
}

describe('RedisThrottlerStorage: a sliding window in Redis', () => {
  const ns = testNamespace();
  let redis: Redis;
  let storage: RedisThrottlerStorage;
  let keys = 0;
  const newKey = () => `tenant-${++keys}`;
  const hit = (key: string, blockMs = 0) => storage.increment(key, WINDOW_MS, LIMIT, blockMs, 'default');

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL);
    storage = new RedisThrottlerStorage(redis, `${ns}:ratelimit`);
  });
  afterAll(async () => {
    const stored = await redis.keys(`${ns}:*`);
    if (stored.length) await redis.del(...stored);
    redis.disconnect();
  });

  it('admits the limit, then refuses with the time until the oldest hit leaves the window', async () => {
    const key = newKey();
    const admitted = [];
    for (let i = 0; i < LIMIT; i++) admitted.push(await hit(key));
    expect(admitted.map((r) => [r.totalHits, r.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
    ]);
    const refused = await hit(key);
    expect(refused).toMatchObject({ totalHits: LIMIT + 1, isBlocked: true, timeToBlockExpire: 1 });
    // Another tenant has a budget of its own.
    expect(await hit(newKey())).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('refuses a second burst just after the edge of a fixed window (no 2x burst), and frees a window after', async () => {
    const key = newKey();
    // The first burst in the last 150 ms of a fixed window ...
    await untilWindowOffset(WINDOW_MS - 150);
    const first = Date.now();
    for (let i = 0; i < LIMIT; i++) expect((await hit(key)).isBlocked).toBe(false);
    // ... and a second one just after the edge, where a fixed window (INCR of <key>:<minute>) starts again.
    await untilWindowOffset(50);
    expect(Date.now() - first).toBeLessThan(WINDOW_MS - 100);
    const second = [];
    for (let i = 0; i < LIMIT; i++) second.push(await hit(key));
    expect(second.map((r) => r.isBlocked)).toEqual(Array(LIMIT).fill(true));

    // Once the first burst is a window old, the key passes again.
    await sleep(first + WINDOW_MS + 100 - Date.now());
    expect(await hit(key)).toMatchObject({ isBlocked: false });
  });

  it('never admits more than the limit in any window-long span of steady traffic', async () => {
    const key = newKey();
    const admitted: { sentAt: number; answeredAt: number }[] = [];
    const until = Date.now() + 3 * WINDOW_MS;
    while (Date.now() < until) {
      const sentAt = Date.now();
      const { isBlocked } = await hit(key);
      if (!isBlocked) admitted.push({ sentAt, answeredAt: Date.now() });
      await sleep(10);
    }
    // Redis's clock of hit i lies between its sentAt and answeredAt: hits i and i + LIMIT are a window apart.
    for (let i = 0; i + LIMIT < admitted.length; i++) {
      expect(admitted[i + LIMIT].answeredAt - admitted[i].sentAt).toBeGreaterThanOrEqual(WINDOW_MS);
    }
    // The window slides: each window-long stretch admitted about LIMIT more.
    expect(admitted.length).toBeGreaterThanOrEqual(3 * LIMIT);
    expect(admitted.length).toBeLessThanOrEqual(4 * LIMIT);
  });

  it('with a block duration, blocks a refused key that long, after its hits have left the window', async () => {
    const key = newKey();
    for (let i = 0; i < LIMIT; i++) await hit(key, 3 * WINDOW_MS);
    const refusedAt = Date.now();
    expect(await hit(key, 3 * WINDOW_MS)).toMatchObject({ isBlocked: true, timeToBlockExpire: 3 });
    // The hits have left the window, the block has not.
    await sleep(refusedAt + WINDOW_MS + 100 - Date.now());
    expect(await hit(key, 3 * WINDOW_MS)).toMatchObject({ isBlocked: true, timeToBlockExpire: 2 });
  });
});

describe('RedisThrottlerStorage: hits taken ahead for a busy key', () => {
  const ns = testNamespace();
  const MINUTE = 60_000;
  let redis: Redis;
  let keys = 0;
  const newKey = () => `busy-${++keys}`;
  /** Counts the round trips of the window's script on this connection. */
  let scriptCalls = 0;

  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    const stored = await redis.keys(`${ns}:*`);
    if (stored.length) await redis.del(...stored);
    redis.disconnect();
  });

  function storage(leaseMax: number): RedisThrottlerStorage {
    const created = new RedisThrottlerStorage(redis, `${ns}:ratelimit`, leaseMax);
    const script = (redis as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>).torqueSlidingWindow;
    if (!('counted' in script)) {
      const counted = Object.assign(
        (...args: unknown[]) => {
          scriptCalls++;
          return script.apply(redis, args);
        },
        { counted: true },
      );
      (redis as unknown as Record<string, unknown>).torqueSlidingWindow = counted;
    }
    return created;
  }

  it('admits a steady stream with a fraction of the round trips, counting each hit in order', async () => {
    const limiter = storage(10);
    const key = newKey();
    const before = scriptCalls;
    const totals = [];
    for (let i = 0; i < 150; i++) {
      const r = await limiter.increment(key, MINUTE, 400, 0, 'default');
      expect(r.isBlocked).toBe(false);
      totals.push(r.totalHits);
    }
    expect(totals).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    // 1, 2, 4, 8, then 10 at a time (the lease maximum).
    expect(scriptCalls - before).toBeLessThanOrEqual(20);
  });

  it('never admits more than the limit, sequentially or all at once', async () => {
    const limiter = storage(10);
    const sequential = newKey();
    let admitted = 0;
    for (let i = 0; i < 450; i++)
      if (!(await limiter.increment(sequential, MINUTE, 400, 0, 'default')).isBlocked) admitted++;
    expect(admitted).toBe(400);

    const burst = newKey();
    const answers = await Promise.all(
      Array.from({ length: 120 }, () => limiter.increment(burst, MINUTE, 100, 0, 'default')),
    );
    expect(answers.filter((r) => !r.isBlocked)).toHaveLength(100);
  });

  it('keeps replicas within the limit together, losing at most a lease each', async () => {
    const a = storage(10);
    const b = storage(10);
    const key = newKey();
    let admitted = 0;
    for (let i = 0; i < 300; i++) {
      const r = await (i % 2 === 0 ? a : b).increment(key, MINUTE, 200, 0, 'default');
      if (!r.isBlocked) admitted++;
    }
    expect(admitted).toBeLessThanOrEqual(200);
    expect(admitted).toBeGreaterThanOrEqual(200 - 2 * 10);
  });

  it('takes one hit per request for a small limit, as without leases', async () => {
    const limiter = storage(10);
    const key = newKey();
    const before = scriptCalls;
    for (let i = 0; i < 5; i++) await limiter.increment(key, MINUTE, 5, 0, 'default');
    expect(scriptCalls - before).toBe(5);
    expect((await limiter.increment(key, MINUTE, 5, 0, 'default')).isBlocked).toBe(true);
  });
});
