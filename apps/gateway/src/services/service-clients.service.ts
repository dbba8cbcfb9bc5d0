import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxyFactory, type ClientProxy } from '@nestjs/microservices';
import {
  isRpcErrorPayload,
  SERVICE_NAMES,
  type MessagePattern,
  type PayloadOf,
  type RequestMeta,
  type ResultOf,
  type RpcRequest,
  type ServiceName,
} from '@torque/contracts';
import { currentContext, rmqClientOptions } from '@torque/platform';
import { performance } from 'node:perf_hooks';
import { firstValueFrom, map, race, Subject, take, timeout, TimeoutError } from 'rxjs';
import type { GatewayEnv } from '../config/gateway-env.js';
import { ApiError } from '../http/http-error.js';
import { GATEWAY_ENV } from '../tokens.js';

const CONNECT_TIMEOUT_MS = 1500;

/**
 * Request-reply to the services over RabbitMQ, one client per service queue. Every request has a
 * deadline (504 when the service does not answer in time); a broker that cannot be reached gives
 * 503 at once instead of queueing requests in memory.
 */
@Injectable()
export class ServiceClientsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ServiceClientsService.name);
  private readonly clients = new Map<ServiceName, ClientProxy>();
  private readonly connected = new Map<ServiceName, boolean>();
  /** Emits when a client loses its connection: replies to requests in flight went with it. */
  private readonly disconnects = new Map<ServiceName, Subject<void>>();

  constructor(@Inject(GATEWAY_ENV) private readonly env: GatewayEnv) {
    for (const service of SERVICE_NAMES) {
      const client = ClientProxyFactory.create(rmqClientOptions(env, service));
      const disconnects = new Subject<void>();
      client.status.subscribe((status) => {
        this.connected.set(service, status === 'connected');
        if (status === 'disconnected') disconnects.next();
      });
      this.clients.set(service, client);
      this.disconnects.set(service, disconnects);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    // Connect eagerly but do not fail the boot: requests answer 503 until the broker is back.
    await Promise.all(
      SERVICE_NAMES.map((s) => this.ensureConnected(s).catch((err: Error) => this.logger.warn(`${s}: ${err.message}`))),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.clients.values()].map((c) => c.close()));
  }

  isConnected(service: ServiceName): boolean {
    return this.connected.get(service) === true;
  }

  /** Asks `service`; `opts.timeoutMs` gives a slow use-case (an import) a longer deadline than RPC_TIMEOUT_MS. */
  async send<P extends MessagePattern>(
    service: ServiceName,
    pattern: P,
    data: PayloadOf<P>,
    meta: RequestMeta,
    opts: { timeoutMs?: number } = {},
  ): Promise<ResultOf<P>> {
    const client = this.clients.get(service)!;
    try {
      await this.ensureConnected(service);
    } catch {
      throw new ApiError(
        503,
        'service_unavailable',
        `The message broker is unreachable; ${service} cannot be asked now`,
      );
    }
    const request: RpcRequest<PayloadOf<P>> = { meta, data };
    // Replies come on direct reply-to, which lives on the client's channel: when the connection drops,
    // no answer can arrive any more, so the request fails at once instead of waiting for its deadline.
    const connectionLost$ = this.disconnects.get(service)!.pipe(
      take(1),
      map((): never => {
        throw new ApiError(
          503,
          'service_unavailable',
          `The connection to the message broker was lost while asking ${service}`,
        );
      }),
    );
    const deadlineMs = opts.timeoutMs ?? this.env.RPC_TIMEOUT_MS;
    const stages = currentContext()?.stages;
    const started = stages ? performance.now() : 0;
    try {
      return await firstValueFrom(
        race(client.send<ResultOf<P>>(pattern, request).pipe(timeout(deadlineMs)), connectionLost$),
      );
    } catch (err) {
      throw this.toHttpError(service, err, deadlineMs);
    } finally {
      stages?.add('rpc', performance.now() - started, service);
    }
  }

  private async ensureConnected(service: ServiceName): Promise<void> {
    if (this.isConnected(service)) return;
    const client = this.clients.get(service)!;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.connect(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('connect timed out')), CONNECT_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private toHttpError(service: ServiceName, err: unknown, deadlineMs: number): ApiError {
    if (err instanceof ApiError) return err;
    if (err instanceof TimeoutError) {
      return new ApiError(504, 'service_timeout', `${service} did not answer within ${deadlineMs} ms`);
    }
    if (isRpcErrorPayload(err)) return new ApiError(err.status, err.error, err.message, err.details);
    const message = typeof err === 'string' ? err : ((err as { message?: string })?.message ?? String(err));
    if (/connection lost|closed|disconnect/i.test(message)) {
      return new ApiError(
        503,
        'service_unavailable',
        `The connection to the message broker was lost while asking ${service}`,
      );
    }
    this.logger.error(`${service} answered with an unexpected error: ${message}`);
    return new ApiError(502, 'bad_gateway', `${service} could not handle the request: ${message}`);
  }
}
