import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ErrorCode, ErrorEnvelopeDto } from '@torque/contracts';
import type { FastifyReply } from 'fastify';
import { ApiError, InvalidInputError } from './http-error.js';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  410: 'gone',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'service_timeout',
};

/** The envelope's code for a status: by table, else the class of the status (never a 4xx code for a 5xx). */
function codeFor(status: number): ErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
}

/** Answers every error, whatever threw it, with the one error envelope `{error, message, details}`. */
@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorEnvelopeFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // Answered already, or nobody to answer: a request cut for stalling or past HTTP_REQUEST_TIMEOUT_MS (see
    // http-server-options.ts), whose handler failed afterwards on the body it was reading.
    if (reply.sent || reply.raw?.socket?.writable === false) return;
    const { status, body } = this.toEnvelope(exception);
    if (status >= 500 && status !== 503 && status !== 504) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toEnvelope(exception: unknown): { status: number; body: ErrorEnvelopeDto } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (exception instanceof ApiError || exception instanceof InvalidInputError)
        return { status, body: response as ErrorEnvelopeDto };
      const message =
        typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return { status, body: { error: codeFor(status), message: String(message) } };
    }
    // Fastify's own errors (body too large, malformed JSON, unsupported media type) carry a statusCode.
    const fastifyStatus = (exception as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        status: fastifyStatus,
        body: { error: codeFor(fastifyStatus), message: (exception as Error).message },
      };
    }
    // Redis (rate limits, idempotency keys) down or restarting: a passing outage, answered as one (found by the
    // Redis-restart chaos scenario, test/chaos).
    if (isRedisUnavailable(exception)) {
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        body: { error: 'service_unavailable', message: 'A server the gateway needs is unavailable; try again shortly' },
      };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: 'internal_error', message: 'Something went wrong on our side; the error was logged' },
    };
  }
}

/** ioredis's errors for a command it could not send: retries used up while disconnected, or a closed connection. */
function isRedisUnavailable(exception: unknown): boolean {
  if (!(exception instanceof Error)) return false;
  return exception.name === 'MaxRetriesPerRequestError' || exception.message === 'Connection is closed.';
}
