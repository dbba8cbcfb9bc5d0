import { describe, expect, it } from '@jest/globals';
import type { ArgumentsHost } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import type { RpcErrorPayload } from '@torque/contracts';
import { firstValueFrom } from 'rxjs';
import { RpcErrorFilter } from './rpc-exception.filter.js';
import { UseCaseError } from './use-case.error.js';

class ShelfError extends UseCaseError {
  static empty(shelf: string): ShelfError {
    return new ShelfError(409, 'conflict', `Shelf ${shelf} is empty`, { shelf: ['no parts on it'] });
  }
}

/** A host outside RabbitMQ: nothing to acknowledge (acking is covered in rpc-handler.decorator.spec.ts). */
const host = { getType: () => 'http' } as ArgumentsHost;

async function answer(exception: unknown): Promise<RpcErrorPayload> {
  return firstValueFrom(new RpcErrorFilter().catch(exception, host)).then(
    () => {
      throw new Error('the filter answered without an error');
    },
    (payload: RpcErrorPayload) => payload,
  );
}

describe('RpcErrorFilter', () => {
  it('answers a use-case error of any service with its status, code, message and details', async () => {
    const err = ShelfError.empty('B-7');
    expect(err.name).toBe('ShelfError');
    expect(await answer(err)).toEqual({
      status: 409,
      error: 'conflict',
      message: 'Shelf B-7 is empty',
      details: { shelf: ['no parts on it'] },
    });
    expect(await answer(new UseCaseError(404, 'not_found', 'gone'))).toEqual({
      status: 404,
      error: 'not_found',
      message: 'gone',
    });
  });

  it('passes an RpcException payload through and hides an unexpected error behind a 500', async () => {
    const payload: RpcErrorPayload = { status: 400, error: 'validation_failed', message: 'bad' };
    expect(await answer(new RpcException(payload))).toEqual(payload);
    expect(await answer(new Error('database password is hunter2'))).toEqual({
      status: 500,
      error: 'internal_error',
      message: 'The service failed to handle the request',
    });
  });

  it('answers a request whose database connection was killed with 503 service_unavailable', async () => {
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), {
      driverError: { code: '57P01' },
    });
    const released = Object.assign(new Error('Database connection provided by a query runner was already released'), {
      name: 'QueryRunnerProviderAlreadyReleasedError',
    });
    for (const exception of [terminated, released, new Error('Connection terminated unexpectedly')]) {
      expect(await answer(exception)).toEqual({
        status: 503,
        error: 'service_unavailable',
        message: expect.any(String),
      });
    }
    expect((await answer(Object.assign(new Error('duplicate key'), { code: '23505' }))).status).toBe(500);
  });
});
