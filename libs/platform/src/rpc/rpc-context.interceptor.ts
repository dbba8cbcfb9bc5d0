import { Injectable, Optional, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { Observable } from 'rxjs';
import { runWithContext } from '../logging/request-context.js';
import { MetricsService } from '../observability/metrics.service.js';
import { rpcEnvelope } from './rpc-request.js';

/**
 * Runs the handler, its params' pipes and all its async work with the request's correlation id and tenant, and
 * records how long it took (`torque_rpc_handler_duration_seconds`; absent in a module without the platform's).
 */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  constructor(@Optional() private readonly metrics?: MetricsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rpc = context.switchToRpc();
    const { meta } = rpcEnvelope(rpc.getData());
    const started = performance.now();
    const observe = (outcome: 'ok' | 'error') =>
      this.metrics?.rpcHandlerDuration.observe(
        { pattern: String(rpc.getContext<{ getPattern?: () => string }>()?.getPattern?.() ?? 'unknown'), outcome },
        (performance.now() - started) / 1000,
      );
    // next.handle() binds the handler to the async context it is called in, so it is called inside the run.
    return new Observable((subscriber) => {
      const inner = runWithContext(meta, () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (err: unknown) => {
            observe('error');
            subscriber.error(err);
          },
          complete: () => {
            observe('ok');
            subscriber.complete();
          },
        }),
      );
      return () => inner.unsubscribe();
    });
  }
}
