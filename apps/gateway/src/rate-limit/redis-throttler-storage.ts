import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

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
 * Returns {hits counting this one, ms until a slot frees, blocked (0/1), ms until the key may pass again}.
 */
const SLIDING_WINDOW_LUA = `
local ttl, limit, blockMs, slotMs = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
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
if blockedUntil > 0 then return { total + 1, nextFree, 1, blockedUntil - now } end
if total < limit then
  local hits = 1
  if #live > 0 and live[#live][1] == slot then hits = live[#live][2] + 1 end
  redis.call('HSET', KEYS[1], tostring(slot), hits .. ':' .. now)
  redis.call('PEXPIRE', KEYS[1], ttl)
  if #live == 0 or (#live == 1 and hits > 1) then nextFree = ttl end
  return { total + 1, nextFree, 0, 0 }
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
return { total + 1, nextFree, 1, wait }
`;

const COMMAND = 'torqueSlidingWindow';

type SlidingWindowReply = [totalHits: number, nextFreeMs: number, blocked: 0 | 1, waitMs: number];

interface WithSlidingWindow {
  [COMMAND](key: string, ttlMs: number, limit: number, blockMs: number, slotMs: number): Promise<SlidingWindowReply>;
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * @nestjs/throttler's storage in Redis, shared by every gateway replica: a sliding window (SLIDING_WINDOW_LUA),
 * one hash of at most 61 counters per key, under `<prefix>:<throttler>:<key>`.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
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
    const slotMs = Math.max(1, Math.ceil(ttl / SLOTS_PER_WINDOW));
    const [totalHits, nextFreeMs, blocked, waitMs] = await (this.redis as unknown as WithSlidingWindow)[COMMAND](
      `${this.prefix}:${throttlerName}:${key}`,
      ttl,
      limit,
      Math.max(0, blockDuration),
      slotMs,
    );
    return {
      totalHits,
      timeToExpire: seconds(nextFreeMs),
      isBlocked: blocked === 1,
      timeToBlockExpire: blocked === 1 ? Math.max(1, seconds(waitMs)) : 0,
    };
  }
}
