import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** Slots of a window: a key has at most this many counters (plus one), whatever its limit. */
const SLOTS_PER_WINDOW = 60;

/**
 * A sliding window in slots of a sixtieth of the window (a second of a minute). Field `<slot>` holds
 * "<hits>:<ms of the slot's last hit>"; a slot counts until its last hit is a window old, so every hit counts
 * for at least the whole window after it: any window-long span holds at most `limit` admitted hits, and a burst
 * at the end of one minute cannot be followed by another at the start of the next. Refused hits do not count.
 * With a block duration, a refusal also blocks the key that long (field `blocked`, the ms it ends).
 * One script, so replicas never interleave; the clock is Redis's, the one every replica shares.
 * ARGV[5] asks for that many hits at once (a lease, see RedisThrottlerStorage): as many are admitted as the window
 * has room for, at least one or none.
 * Returns {hits counting the admitted ones, ms until a slot frees, blocked (0/1), ms until the key may pass again,
 * hits admitted}.
 */
const SLIDING_WINDOW_LUA = `
local ttl, limit, blockMs, slotMs = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local want = tonumber(ARGV[5])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local slot = math.floor(now / slotMs)
local live, stale, total, blockedUntil = {}, {}, 0, 0
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  local name, value = fields[i], fields[i + 1]
  if name == 'blocked' then
    if tonumber(value) > now then blockedUntil = tonumber(value) else stale[#stale + 1] = name end
  else
    local hits, last = string.match(value, '^(%d+):(%d+)$')
    hits, last = tonumber(hits), tonumber(last)
    if last + ttl > now then
      live[#live + 1] = { tonumber(name), hits, last }
      total = total + hits
    else
      stale[#stale + 1] = name
    end
  end
end
if #stale > 0 then redis.call('HDEL', KEYS[1], unpack(stale)) end
table.sort(live, function(a, b) return a[1] < b[1] end)
local nextFree = ttl
if #live > 0 then nextFree = live[1][3] + ttl - now end
if blockedUntil > 0 then return { total + 1, nextFree, 1, blockedUntil - now, 0 } end
if total < limit then
  local take = math.min(want, limit - total)
  local hits = take
  if #live > 0 and live[#live][1] == slot then hits = live[#live][2] + take end
  redis.call('HSET', KEYS[1], tostring(slot), hits .. ':' .. now)
  redis.call('PEXPIRE', KEYS[1], ttl)
  if #live == 0 or (#live == 1 and hits > take) then nextFree = ttl end
  return { total + take, nextFree, 0, 0, take }
end
local wait
if blockMs > 0 then
  wait = blockMs
  redis.call('HSET', KEYS[1], 'blocked', tostring(now + blockMs))
  redis.call('PEXPIRE', KEYS[1], math.max(ttl, blockMs))
else
  local excess, i = total - limit + 1, 0
  while excess > 0 do
    i = i + 1
    excess = excess - live[i][2]
  end
  wait = live[i][3] + ttl - now
end
return { total + 1, nextFree, 1, wait, 0 }
`;

const COMMAND = 'torqueSlidingWindow';

type SlidingWindowReply = [totalHits: number, nextFreeMs: number, blocked: 0 | 1, waitMs: number, admitted: number];

interface WithSlidingWindow {
  [COMMAND](
    key: string,
    ttlMs: number,
    limit: number,
    blockMs: number,
    slotMs: number,
    want: number,
  ): Promise<SlidingWindowReply>;
}

/** How long hits taken ahead may be used; after that, what is left of them is dropped (and stays counted). */
const LEASE_MS = 1000;
/** Of a window's limit, at most this share is taken ahead at once. */
const LEASE_SHARE_OF_LIMIT = 1 / 20;
/** Keys with hits taken ahead, at most (one per tenant this replica served within LEASE_MS). */
const MAX_LEASES = 10_000;

/** Hits admitted by Redis ahead of the requests that use them, for one key. */
interface Lease {
  /** Hits taken at once, used so far, and left. */
  taken: number;
  used: number;
  left: number;
  /** The window's hits, counting every hit of this lease, when Redis admitted it. */
  totalHits: number;
  timeToExpire: number;
  until: number;
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * @nestjs/throttler's storage in Redis, shared by every gateway replica: a sliding window (SLIDING_WINDOW_LUA),
 * one hash of at most 61 counters per key, under `<prefix>:<throttler>:<key>`.
 *
 * A busy key does not cost a Redis round trip per request: when a replica sees more than one request of a key
 * within LEASE_MS, it takes several hits at once (as many as it saw, doubling while they run out, at most
 * `leaseMax` and a twentieth of the limit) and admits the next requests from them for up to LEASE_MS. Every hit
 * is counted in Redis when taken, so all replicas together never admit more than the limit; hits a replica took
 * and did not use within LEASE_MS stay counted, so a tenant whose traffic stops short may find its minute up to
 * that many hits shorter. A key of a limit under 40, or `leaseMax` 1, takes one hit per request.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly leases = new LRUCache<string, Lease>({ max: MAX_LEASES });
  /** The Redis call under way for a key: concurrent requests wait for its lease instead of asking too. */
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly leaseMax = 1,
  ) {
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: SLIDING_WINDOW_LUA });
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const redisKey = `${this.prefix}:${throttlerName}:${key}`;
    const maxTake = Math.max(1, Math.min(this.leaseMax, Math.floor(limit * LEASE_SHARE_OF_LIMIT)));
    if (maxTake === 1) return this.take(redisKey, ttl, limit, blockDuration, 1, false);
    for (;;) {
      const local = this.fromLease(redisKey);
      if (local) return local;
      const pending = this.pending.get(redisKey);
      if (!pending) break;
      await pending.catch(() => undefined);
    }
    const call = this.take(redisKey, ttl, limit, blockDuration, Math.min(maxTake, this.demand(redisKey)), true);
    this.pending.set(redisKey, call);
    try {
      return await call;
    } finally {
      this.pending.delete(redisKey);
    }
  }

  /** A hit from the key's lease, when it has one left and in time. */
  private fromLease(redisKey: string): ThrottlerStorageRecord | null {
    const lease = this.leases.get(redisKey);
    if (!lease || lease.left === 0 || Date.now() >= lease.until) return null;
    lease.left--;
    lease.used++;
    return {
      totalHits: lease.totalHits - lease.left,
      timeToExpire: lease.timeToExpire,
      isBlocked: false,
      timeToBlockExpire: 0,
    };
  }

  /**
   * How many hits to take for a key whose lease is spent: twice the last lease when it ran out in time, what it
   * used when it expired a moment ago, else one (a key polled now and then takes one hit per request).
   */
  private demand(redisKey: string): number {
    const lease = this.leases.get(redisKey);
    const now = Date.now();
    if (!lease) return 1;
    if (now < lease.until) return lease.taken * 2;
    if (now < lease.until + LEASE_MS) return Math.max(1, lease.used);
    return 1;
  }

  /** Asks Redis for `want` hits: this request uses the first; with `lease`, the rest are kept for the next ones. */
  private async take(
    redisKey: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    want: number,
    lease: boolean,
  ): Promise<ThrottlerStorageRecord> {
    const slotMs = Math.max(1, Math.ceil(ttl / SLOTS_PER_WINDOW));
    const [totalHits, nextFreeMs, blocked, waitMs, admitted] = await (this.redis as unknown as WithSlidingWindow)[
      COMMAND
    ](redisKey, ttl, limit, Math.max(0, blockDuration), slotMs, want);
    const timeToExpire = seconds(nextFreeMs);
    if (lease && admitted > 0) {
      this.leases.set(redisKey, {
        taken: admitted,
        used: 1,
        left: admitted - 1,
        totalHits,
        timeToExpire,
        until: Date.now() + LEASE_MS,
      });
    } else if (lease) {
      this.leases.delete(redisKey);
    }
    return {
      totalHits: totalHits - Math.max(0, admitted - 1),
      timeToExpire,
      isBlocked: blocked === 1,
      timeToBlockExpire: blocked === 1 ? Math.max(1, seconds(waitMs)) : 0,
    };
  }
}
