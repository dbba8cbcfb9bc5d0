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
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { status: 500, error: 'internal_error', message: 'The service failed to handle the request' };
  }
}
