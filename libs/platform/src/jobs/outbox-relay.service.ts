import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventEnvelope } from '@torque/contracts';
import { DataSource } from 'typeorm';
import type { EventBus } from '../rmq/event-bus.js';
import type { ServiceEnv } from '../config/env.js';
import { EVENT_BUS, SERVICE_ENV } from '../tokens.js';

interface OutboxRow {
  id: string;
  routing_key: string;
  payload: EventEnvelope;
}

const BATCH = 200;

/**
 * Relays committed outbox rows to RabbitMQ with publisher confirms. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so any number of replicas can relay; a row is marked published only
 * after the broker confirmed it, so an event is delivered at least once (consumers de-duplicate by id).
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.env.OUTBOX_POLL_MS);
    this.timer.unref();
    this.kick();
  }

  /** Runs after the workers stopped (they depend on the relay), before the database closes: one last drain. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
    await this.drainAll().catch((err: Error) => this.logger.warn(`final outbox drain failed, rows stay for the next start: ${err.message}`));
  }

  /** Asks for a drain now (after a commit in this process); coalesces concurrent asks. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drainAll()
      .then(() => undefined)
      .catch((err: Error) => this.logger.warn(`outbox relay paused: ${err.message}`))
      .finally(() => {
        this.draining = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Publishes pending rows until none are left; returns how many were published. */
  async drainAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.drainBatch();
      total += n;
      if (n < BATCH) return total;
    }
  }

  private async drainBatch(): Promise<number> {
    if (!this.bus.isConnected()) return 0;
    return this.dataSource.transaction(async (em) => {
      const rows: OutboxRow[] = await em.query(
        `SELECT id, routing_key, payload FROM outbox
          WHERE published_at IS NULL
          ORDER BY created_at, id
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      try {
        await Promise.all(rows.map((r) => this.bus.publish(r.routing_key, r.payload)));
      } catch (err) {
        await em.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1)`, [
          rows.map((r) => r.id),
          (err as Error).message,
        ]);
        throw err;
      }
      await em.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
