import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { ErrorEnvelopeDto } from '@torque/contracts';
import { REDIS } from '@torque/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { catchError, from, of, switchMap, throwError, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.types.js';
import type { GatewayEnv } from '../config/gateway-env.js';
import { ApiError } from '../http/http-error.js';
import { GATEWAY_ENV } from '../tokens.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const PENDING_TTL_SECONDS = 120;

interface StoredEntry {
  state: 'pending' | 'done';
  fingerprint: string;
  status?: number;
  body?: unknown;
}

/** Stable JSON (sorted keys) so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What makes two requests with one key "the same": the URL and the body, keys in any order.
 * No body at all is the same as `{}` (the handler sees the same input either way).
 */
export function requestFingerprint(url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${url}\n${canonical(body ?? {})}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` on POSTs: the first request with a key runs and its answer is stored; a repeat
 * with the same body replays it, a different body gets 422, a repeat while the first still runs 409.
 * Answers of 5xx are not stored, so the client may retry them with the same key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const key = req.headers[IDEMPOTENCY_HEADER];
    if (req.method !== 'POST' || key === undefined) return next.handle();
    if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
      throw new ApiError(400, 'validation_failed', 'Idempotency-Key is not valid', {
        'Idempotency-Key': ['Idempotency-Key must be 1-200 characters'],
      });
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const tenant = req.torque?.meta.tenantId ?? '-';
    const redisKey = `${this.env.NAMESPACE}:idempotency:${tenant}:${req.routeOptions.url ?? req.url}:${key}`;
    const fingerprint = requestFingerprint(req.url, req.body);
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;

    return from(this.claim(redisKey, fingerprint)).pipe(
      switchMap((existing) => {
        if (existing === null) return this.runAndStore(next, redisKey, fingerprint, status);
        if (existing.fingerprint !== fingerprint) {
          throw new ApiError(
            422,
            'idempotency_conflict',
            'This Idempotency-Key was used with a different request body',
          );
        }
        if (existing.state === 'pending') {
          throw new ApiError(
            409,
            'idempotency_in_progress',
            'A request with this Idempotency-Key is still being processed',
          );
        }
        void reply.header('idempotent-replayed', 'true');
        if ((existing.status ?? status) >= 400) {
          const body = existing.body as ErrorEnvelopeDto;
          throw new ApiError(existing.status!, body.error, body.message, body.details);
        }
        return of(existing.body);
      }),
    );
  }

  /** Returns null when this request claimed the key, else what is stored under it. */
  private async claim(redisKey: string, fingerprint: string): Promise<StoredEntry | null> {
    const entry: StoredEntry = { state: 'pending', fingerprint };
    const claimed = await this.redis.set(redisKey, JSON.stringify(entry), 'EX', PENDING_TTL_SECONDS, 'NX');
    if (claimed === 'OK') return null;
    const raw = await this.redis.get(redisKey);
    if (raw === null) return this.claim(redisKey, fingerprint);
    return JSON.parse(raw) as StoredEntry;
  }

  private runAndStore(next: CallHandler, redisKey: string, fingerprint: string, status: number): Observable<unknown> {
    return next.handle().pipe(
      switchMap((body) => {
        const entry: StoredEntry = { state: 'done', fingerprint, status, body };
        return from(this.redis.set(redisKey, JSON.stringify(entry), 'EX', this.env.IDEMPOTENCY_TTL_SECONDS)).pipe(
          switchMap(() => of(body)),
        );
      }),
      catchError((err: unknown) => {
        const errStatus = err instanceof ApiError ? err.getStatus() : 500;
        const settle =
          errStatus >= 500
            ? this.redis.del(redisKey)
            : this.redis.set(
                redisKey,
                JSON.stringify({
                  state: 'done',
                  fingerprint,
                  status: errStatus,
                  body: (err as ApiError).getResponse(),
                } satisfies StoredEntry),
                'EX',
                this.env.IDEMPOTENCY_TTL_SECONDS,
              );
        return from(settle).pipe(switchMap(() => throwError(() => err)));
      }),
    );
  }
}
