import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  BadRequestException,
  HttpException,
  InternalServerErrorException,
  Logger,
  NotFoundException,
  type ArgumentsHost,
} from '@nestjs/common';
import { ErrorEnvelopeFilter } from './error-envelope.filter.js';
import { ApiError } from './http-error.js';

/** Runs the filter on one exception and returns what it answered. */
function answer(exception: unknown): { status: number; headers: Record<string, string>; body: unknown } {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({}) }),
  } as unknown as ArgumentsHost;
  new ErrorEnvelopeFilter().catch(exception, host);
  return sent;
}

describe('ErrorEnvelopeFilter', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('answers an ApiError with its own envelope and status, as JSON', () => {
    const res = answer(new ApiError(422, 'idempotency_conflict', 'reused', { key: ['x'] }));
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ error: 'idempotency_conflict', message: 'reused', details: { key: ['x'] } });
  });

  it('maps Nest HTTP exceptions to the envelope with a code for their status', () => {
    expect(answer(new NotFoundException('Cannot GET /x')).body).toEqual({
      error: 'not_found',
      message: 'Cannot GET /x',
    });
    expect(answer(new BadRequestException('nope')).body).toEqual({ error: 'bad_request', message: 'nope' });
    expect(answer(new HttpException('slow down', 429)).body).toEqual({ error: 'rate_limited', message: 'slow down' });
  });

  it('never gives a 5xx a client-error code', () => {
    const internal = answer(new InternalServerErrorException('boom'));
    expect(internal.status).toBe(500);
    expect(internal.body).toEqual({ error: 'internal_error', message: 'boom' });
    expect(answer(new HttpException('upstream', 502)).body).toEqual({ error: 'bad_gateway', message: 'upstream' });
    expect(answer(new HttpException('odd', 507)).body).toEqual({ error: 'internal_error', message: 'odd' });
  });

  it('answers Fastify client errors (body too large, bad JSON, media type) with their status', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(answer(tooLarge)).toEqual(
      expect.objectContaining({
        status: 413,
        body: { error: 'payload_too_large', message: 'Request body is too large' },
      }),
    );
    const badJson = Object.assign(new SyntaxError('Unexpected end of JSON input'), { statusCode: 400 });
    expect(answer(badJson).body).toEqual({ error: 'bad_request', message: 'Unexpected end of JSON input' });
    const media = Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 });
    expect(answer(media)).toEqual(
      expect.objectContaining({
        status: 415,
        body: { error: 'unsupported_media_type', message: 'Unsupported Media Type' },
      }),
    );
  });

  it('answers a Redis outage (ioredis gave up on the command) with 503 service_unavailable', () => {
    const maxRetries = Object.assign(new Error('Reached the max retries per request limit (which is 2).'), {
      name: 'MaxRetriesPerRequestError',
    });
    for (const exception of [maxRetries, new Error('Connection is closed.')]) {
      const res = answer(exception);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ error: 'service_unavailable', message: expect.any(String) });
    }
  });
  it('hides anything else behind a 500 internal_error', () => {
    for (const exception of [new Error('secret connection string'), 'a string', null, { statusCode: 503 }]) {
      const res = answer(exception);
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: 'internal_error', message: expect.not.stringContaining('secret') });
    }
  });
});
