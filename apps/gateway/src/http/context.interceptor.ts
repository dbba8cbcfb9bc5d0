import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { runWithContext } from '@torque/platform';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.types.js';

/**
 * Runs each handler inside the request's context, so logs and outgoing messages carry its correlation id and the
 * RabbitMQ requests it makes report their time to the request's Server-Timing.
 */
@Injectable()
export class ContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const ctx = { correlationId: String(req.id), tenantId: req.torque?.meta.tenantId, stages: req.serverTiming };
    return new Observable((subscriber) => runWithContext(ctx, () => next.handle().subscribe(subscriber)));
  }
}
