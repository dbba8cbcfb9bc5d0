import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC_ROUTE } from '../auth/auth.decorators.js';
import type { AuthenticatedRequest } from '../auth/auth.types.js';
import { ApiError } from '../http/http-error.js';

/** The tenant the auth guard established for the request; undefined on public routes. */
export function tenantOf(req: object): string | undefined {
  return (req as AuthenticatedRequest).torque?.meta.tenantId;
}

/**
 * @nestjs/throttler's guard, counting per tenant (ThrottlerModule's getTracker) on every route but the public
 * ones. Registered after the auth guard, so the tenant is known. Past the limit: 429 `rate_limited` in the error
 * envelope, with the throttler's Retry-After and the limit headers every other answer has.
 */
@Injectable()
export class TenantThrottlerGuard extends ThrottlerGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const timing =
      context.getType() === 'http' ? context.switchToHttp().getRequest<FastifyRequest>().serverTiming : undefined;
    return timing ? timing.time('ratelimit', () => super.canActivate(context)) : super.canActivate(context);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    return !tenantOf(context.switchToHttp().getRequest());
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    { limit, tracker }: ThrottlerLimitDetail,
  ): Promise<void> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    void reply.header('x-ratelimit-limit', String(limit)).header('x-ratelimit-remaining', '0');
    throw new ApiError(429, 'rate_limited', `Tenant ${tracker} exceeded ${limit} requests per minute`);
  }
}
