import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { ServiceName } from '@torque/contracts';
import type { ServiceEnv } from '../config/env.js';
import { REDIS, SERVICE_ENV, SERVICE_NAME } from '../tokens.js';

/**
 * Delivers cancel requests to the worker running a job, wherever it runs, through Redis pub/sub.
 * The job row's cancel_requested_at stays the durable truth; this only makes the signal fast.
 */
@Injectable()
export class CancelSignalService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CancelSignalService.name);
  private readonly running = new Map<string, AbortController>();
  private subscriber: Redis | null = null;
  private readonly channel: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SERVICE_ENV) env: ServiceEnv,
    @Inject(SERVICE_NAME) service: ServiceName,
  ) {
    this.channel = `${env.NAMESPACE}:${service}:cancel`;
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (_channel: string, jobId: string) => this.running.get(jobId)?.abort());
    this.subscriber.on('error', (err: Error) => this.logger.warn(`cancel subscriber: ${err.message}`));
    await this.subscriber.subscribe(this.channel);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }

  /** Registers a running job; the signal aborts when a cancel for it arrives. */
  watch(jobId: string): AbortSignal {
    const controller = new AbortController();
    this.running.set(jobId, controller);
    return controller.signal;
  }

  unwatch(jobId: string): void {
    this.running.delete(jobId);
  }

  async request(jobId: string): Promise<void> {
    await this.redis.publish(this.channel, jobId);
  }
}
