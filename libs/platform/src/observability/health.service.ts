import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { EventBus } from '../rmq/event-bus.js';
import { EVENT_BUS, REDIS } from '../tokens.js';

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Partial<Record<'postgres' | 'redis' | 'rabbitmq', { status: 'up' | 'down'; error?: string }>>;
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
  ]);
}

/** Readiness: PostgreSQL answers a query (where the process has a database), Redis answers PING, RabbitMQ is connected. */
@Injectable()
export class HealthService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Optional() private readonly dataSource?: DataSource,
  ) {}

  async readiness(): Promise<ReadinessReport> {
    const probe = async (fn: () => Promise<unknown>) => {
      try {
        await withTimeout(fn());
        return { status: 'up' as const };
      } catch (err) {
        return { status: 'down' as const, error: (err as Error).message };
      }
    };
    const dataSource = this.dataSource;
    const [postgres, redis, rabbitmq] = await Promise.all([
      dataSource ? probe(() => dataSource.query('SELECT 1')) : undefined,
      probe(() => this.redis.ping()),
      probe(async () => {
        if (!this.bus.isConnected()) throw new Error('not connected');
      }),
    ]);
    const checks = postgres ? { postgres, redis, rabbitmq } : { redis, rabbitmq };
    const ok = Object.values(checks).every((c) => c.status === 'up');
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}
