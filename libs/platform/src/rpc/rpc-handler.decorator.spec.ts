// RpcController and RpcHandler through Nest's own RPC pipeline (guard, interceptors, pipes, filter), with the
// RabbitMQ message and channel stubbed: what a request is answered and when it is acknowledged.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestMicroservice } from '@nestjs/common';
import { RmqContext, Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { CatalogPatterns, type RequestMeta, type ResultOf } from '@torque/contracts';
import type { Channel, Message } from 'amqplib';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, ValidateNested } from 'class-validator';
import { setTimeout as sleep } from 'node:timers/promises';
import { isObservable, of, type Observable } from 'rxjs';
import { currentContext, type RequestContext } from '../logging/request-context.js';
import { RpcController, RpcHandler } from './rpc-handler.decorator.js';
import { RpcData, RpcMeta } from './rpc-params.decorator.js';
import { UseCaseError } from './use-case.error.js';

class Bin {
  @IsInt()
  @Max(9)
  row!: number;
}

class ShelveCommand {
  @IsString()
  @MaxLength(8)
  shelf!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => Bin)
  bin?: Bin;
}

interface Seen {
  meta: RequestMeta;
  data: ShelveCommand;
  /** The request context after the handler awaited a timer, i.e. in a later turn of its async work. */
  context: RequestContext | undefined;
}

@RpcController()
class ShelvesRpcController {
  readonly seen: Seen[] = [];

  @RpcHandler(CatalogPatterns.ProductsDelete, { roles: ['admin', 'operator'], action: 'Shelving' })
  async shelve(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ShelveCommand,
  ): Promise<ResultOf<typeof CatalogPatterns.ProductsDelete>> {
    await sleep(data.bin?.row ?? 1);
    this.seen.push({ meta, data, context: currentContext() });
    if (data.shelf === 'empty') throw new UseCaseError(409, 'conflict', 'Shelf empty has no parts');
    return { id: data.shelf.length, deleted: true };
  }

  @RpcHandler(CatalogPatterns.ProductsGet)
  async look(@RpcData() data: ShelveCommand): Promise<ResultOf<typeof CatalogPatterns.ProductsGet>> {
    throw new Error(`shelf ${data.shelf} fell over`);
  }
}

/** A transport that only collects the handlers Nest registers. */
class HandlerRegistry extends Server implements CustomTransportStrategy {
  listen(callback: () => void): void {
    callback();
  }
  close(): void {}
  on(): never {
    throw new Error('no events');
  }
  unwrap<T>(): T {
    throw new Error('no transport');
  }
}

const META = { tenantId: 'acme', correlationId: 'corr-1', userId: 'u1', roles: ['operator'] };

describe('RpcController and RpcHandler', () => {
  const registry = new HandlerRegistry();
  let app: INestMicroservice;
  let controller: ShelvesRpcController;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [ShelvesRpcController] }).compile();
    app = moduleRef.createNestMicroservice({ strategy: registry, logger: false });
    await app.init();
    controller = app.get(ShelvesRpcController);
  });
  afterAll(async () => {
    await app?.close();
  });

  /**
   * Sends `body` as a request with `pattern`; `events` records the answer and each acknowledgement, in order. A
   * failure inside the interceptors is acked as rpcProxy's catchError lets go of it, just before the answer.
   */
  async function send(pattern: string, body: unknown): Promise<{ response?: unknown; err?: any; events: string[] }> {
    const events: string[] = [];
    const message = { fields: { deliveryTag: 1 } } as Message;
    const channel = { ack: (m: Message) => events.push(m === message ? 'ack' : 'ack of another message') };
    const handler = registry.getHandlerByPattern(pattern);
    if (!handler) throw new Error(`no handler for ${pattern}`);
    const result: unknown = await handler(body, new RmqContext([message, channel as unknown as Channel, pattern]));
    const answer$ = (isObservable(result) ? result : of(result)) as Observable<unknown>;
    const answer = await new Promise<{ response?: unknown; err?: unknown }>((resolve) =>
      answer$.subscribe({
        next: (response) => {
          events.push('answer');
          resolve({ response });
        },
        error: (err: unknown) => {
          events.push('answer');
          resolve({ err });
        },
      }),
    );
    return { ...answer, events };
  }

  it('runs the handler with the validated meta and payload instance, in the request context through its async work, and acks once after answering', async () => {
    const before = controller.seen.length;
    const [slow, fast] = await Promise.all([
      send(CatalogPatterns.ProductsDelete, { meta: META, data: { shelf: 'A-12', bin: { row: 9 } } }),
      send(CatalogPatterns.ProductsDelete, {
        meta: { ...META, tenantId: 'globex', correlationId: 'corr-2' },
        data: { shelf: 'B-7' },
      }),
    ]);
    expect(slow).toEqual({ response: { id: 4, deleted: true }, events: ['answer', 'ack'] });
    expect(fast).toEqual({ response: { id: 3, deleted: true }, events: ['answer', 'ack'] });

    const seen = controller.seen.slice(before);
    const a12 = seen.find((s) => s.data.shelf === 'A-12');
    expect(a12?.data).toBeInstanceOf(ShelveCommand);
    expect(a12?.data.bin).toBeInstanceOf(Bin);
    expect(a12?.meta).toEqual(META);
    // The two requests overlapped; each kept its own correlation id and tenant.
    expect(a12?.context).toEqual(expect.objectContaining({ correlationId: 'corr-1', tenantId: 'acme' }));
    expect(seen.find((s) => s.data.shelf === 'B-7')?.context).toEqual(
      expect.objectContaining({ correlationId: 'corr-2', tenantId: 'globex' }),
    );
    expect(currentContext()).toBeUndefined();
  });

  it('answers an invalid envelope with 400 before looking at roles (in the guard) or anything else (in the interceptor), and acks it', async () => {
    const noRoles = { tenantId: '', correlationId: 'corr-3', roles: 'admin' };
    expect(await send(CatalogPatterns.ProductsDelete, { meta: noRoles, data: { shelf: 'A-1' } })).toEqual({
      err: {
        status: 400,
        error: 'validation_failed',
        message: 'The message envelope is not valid',
        details: {
          'meta.tenantId': ['tenantId should not be empty'],
          'meta.roles': ['roles must be an array'],
        },
      },
      events: ['answer', 'ack'],
    });
    for (const body of [null, 42, { meta: META }, { meta: META, data: 'A-1' }]) {
      const { err, events } = await send(CatalogPatterns.ProductsGet, body);
      expect(err).toEqual(expect.objectContaining({ status: 400, message: 'The message envelope is not valid' }));
      expect(events).toEqual(['ack', 'answer']);
    }
  });

  it('answers an invalid payload with 400 validation_failed and the reasons by field path, unknown fields refused', async () => {
    const before = controller.seen.length;
    const { err, events } = await send(CatalogPatterns.ProductsDelete, {
      meta: META,
      data: { shelf: 'A-123456789', bin: { row: 10 }, dropTables: true },
    });
    expect(events).toEqual(['ack', 'answer']);
    expect(err).toEqual({
      status: 400,
      error: 'validation_failed',
      message: 'The request is not valid',
      details: {
        shelf: ['shelf must be shorter than or equal to 8 characters'],
        'bin.row': ['row must not be greater than 9'],
        dropTables: ['property dropTables should not exist'],
      },
    });
    expect(controller.seen.length).toBe(before);
  });

  it('refuses a caller without one of the roles with 403 naming the action and the roles, and acks it', async () => {
    const before = controller.seen.length;
    expect(
      await send(CatalogPatterns.ProductsDelete, { meta: { ...META, roles: ['viewer'] }, data: { shelf: 'A-1' } }),
    ).toEqual({
      err: { status: 403, error: 'forbidden', message: 'Shelving needs one of the roles: admin, operator' },
      events: ['answer', 'ack'],
    });
    expect(controller.seen.length).toBe(before);
  });

  it('answers an invalid payload with 400 also to a caller without the roles, as it was checked first', async () => {
    const { err, events } = await send(CatalogPatterns.ProductsDelete, {
      meta: { ...META, roles: ['viewer'] },
      data: { shelf: 7 },
    });
    expect(err).toEqual({
      status: 400,
      error: 'validation_failed',
      message: 'The request is not valid',
      details: { shelf: ['shelf must be shorter than or equal to 8 characters', 'shelf must be a string'] },
    });
    expect(events).toEqual(['answer', 'ack']);
  });

  it("answers a handler's failure through RpcErrorFilter and acks it once", async () => {
    expect(await send(CatalogPatterns.ProductsDelete, { meta: META, data: { shelf: 'empty' } })).toEqual({
      err: { status: 409, error: 'conflict', message: 'Shelf empty has no parts' },
      events: ['ack', 'answer'],
    });
    expect(await send(CatalogPatterns.ProductsGet, { meta: { ...META, roles: [] }, data: { shelf: 'C-1' } })).toEqual({
      err: { status: 500, error: 'internal_error', message: 'The service failed to handle the request' },
      events: ['ack', 'answer'],
    });
  });

  it('refuses @RpcData() on a parameter whose type is not a payload class, when the class is declared', () => {
    expect(() => {
      class LooseRpcController {
        @RpcHandler(CatalogPatterns.ProductsGet)
        async look(@RpcData() data: object): Promise<ResultOf<typeof CatalogPatterns.ProductsGet>> {
          throw new Error(`not called with ${String(data)}`);
        }
      }
      return LooseRpcController;
    }).toThrow("LooseRpcController.look: @RpcData() needs a payload class as parameter 0's type");
  });
});
