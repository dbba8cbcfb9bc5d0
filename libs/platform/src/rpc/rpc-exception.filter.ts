import { Catch, Logger, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { RmqContext, RpcException } from '@nestjs/microservices';
import type { RpcErrorPayload } from '@torque/contracts';
import { finalize, throwError, type Observable } from 'rxjs';
import { JobNotFoundError, IllegalTransitionError } from '../jobs/job-lifecycle.service.js';
import { ackRequest } from '../rmq/rmq-ack.interceptor.js';
import { UseCaseError } from './use-case.error.js';

/**
 * Answers every failed request with an RpcErrorPayload the gateway turns into the HTTP error envelope, then
 * acknowledges it: a guard's refusal never reaches RmqAckInterceptor.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(RpcErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): Observable<RpcErrorPayload> {
    const answer = throwError(() => this.toPayload(exception));
    const rmq = host.getType() === 'rpc' ? host.switchToRpc().getContext() : undefined;
    return rmq instanceof RmqContext ? answer.pipe(finalize(() => ackRequest(rmq))) : answer;
  }

  private toPayload(exception: unknown): RpcErrorPayload {
    if (exception instanceof RpcException) {
      const body = exception.getError();
      if (typeof body === 'object' && body !== null) return body as RpcErrorPayload;
      return { status: 400, error: 'bad_request', message: String(body) };
    }
    if (exception instanceof UseCaseError) return exception.toPayload();
    if (exception instanceof JobNotFoundError) {
      return { status: 404, error: 'not_found', message: exception.message };
    }
    if (exception instanceof IllegalTransitionError) {
      return { status: 409, error: 'conflict', message: exception.message };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`database connection lost: ${(exception as Error).message}`);
      return { status: 503, error: 'service_unavailable', message: 'The database is unavailable; try again shortly' };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { status: 500, error: 'internal_error', message: 'The service failed to handle the request' };
  }
}

/**
 * A request whose database connection went away under it (a PostgreSQL restart or failover, pg_terminate_backend):
 * its transaction rolled back, the pool opens a new connection for the next one, so the answer is a passing 503
 * rather than a 500 (found by the chaos scenario that kills the services' connections, test/chaos).
 */
function isDatabaseUnavailable(exception: unknown): boolean {
  if (!(exception instanceof Error)) return false;
  if (exception.name === 'QueryRunnerProviderAlreadyReleasedError') return true;
  if (/^Connection terminated/.test(exception.message)) return true;
  const code =
    (exception as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ??
    (exception as { code?: unknown }).code;
  // SQLSTATE classes 08 (connection exception) and 57P (operator intervention: admin shutdown, crash, cannot connect now).
  return typeof code === 'string' && /^(08|57P)/.test(code);
}
