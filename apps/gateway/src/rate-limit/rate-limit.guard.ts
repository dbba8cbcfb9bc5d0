import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { REDIS } from '@torque/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { PUBLIC_ROUTE } from '../auth/auth.decorators.js';
import type { AuthenticatedRequest } from '../auth/auth.types.js';
import type { GatewayEnv } from '../config/gateway-env.js';
import { ApiError } from '../http/http-error.js';
import { GATEWAY_ENV } from '../tokens.js';

const WINDOW_SECONDS = 60;

/**
 * Requests per minute per tenant, counted in Redis so every gateway replica shares the budget.
 * Runs after authentication, so the tenant is known; answers 429 with Retry-After when spent.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    const req = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const tenant = req.torque?.meta.tenantId;
    if (!tenant) return true;
    const window = Math.floor(Date.now() / 1000 / WINDOW_SECONDS);
    const key = `${this.env.NAMESPACE}:ratelimit:${tenant}:${window}`;
    const [[, count]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, WINDOW_SECONDS + 5)
      .exec()) as [[Error | null, number]];
    const limit = this.env.RATE_LIMIT_PER_MINUTE;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    void reply.header('x-ratelimit-limit', String(limit));
    void reply.header('x-ratelimit-remaining', String(Math.max(0, limit - count)));
    if (count > limit) {
      const retryAfter = (window + 1) * WINDOW_SECONDS - Math.floor(Date.now() / 1000);
      void reply.header('retry-after', String(Math.max(1, retryAfter)));
      throw new ApiError(429, 'rate_limited', `Tenant ${tenant} exceeded ${limit} requests per minute`);
    }
    return true;
  }
}
