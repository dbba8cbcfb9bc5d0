import type { DynamicModule } from '@nestjs/common';
import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { REDIS } from '@torque/platform';
import type { Redis } from 'ioredis';
import type { GatewayEnv } from '../config/gateway-env.js';
import { GATEWAY_ENV } from '../tokens.js';
import { RedisThrottlerStorage } from './redis-throttler-storage.js';
import { tenantOf } from './tenant-throttler.guard.js';

export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * RATE_LIMIT_PER_MINUTE requests per tenant in any minute (a sliding window, see RedisThrottlerStorage), counted
 * in Redis for all replicas together. No block beyond the window: a refused tenant passes again as soon as its
 * oldest requests are a minute old. The guard is TenantThrottlerGuard, registered after the auth guard.
 */
export function rateLimitModule(): DynamicModule {
  return ThrottlerModule.forRootAsync({
    inject: [REDIS, GATEWAY_ENV],
    useFactory: (redis: Redis, env: GatewayEnv): ThrottlerModuleOptions => ({
      throttlers: [{ ttl: RATE_LIMIT_WINDOW_MS, limit: env.RATE_LIMIT_PER_MINUTE, blockDuration: 0 }],
      getTracker: (req) => tenantOf(req)!,
      // One budget per tenant across every route (the default key is per route).
      generateKey: (_context, tenant) => tenant,
      storage: new RedisThrottlerStorage(redis, `${env.NAMESPACE}:ratelimit`, env.RATE_LIMIT_LEASE_MAX),
    }),
  });
}
