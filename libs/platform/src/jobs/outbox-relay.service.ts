import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
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
    await this.drainAll().catch((err: Error) =>
      this.logger.warn(`final outbox drain failed, rows stay for the next start: ${err.message}`),
    );
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

  /**
   * Claims up to BATCH pending rows, publishes them and waits for the broker's confirms, then marks
   * the confirmed ones published in the same transaction (the row locks keep other relays off them
   * meanwhile). Rows the broker did not confirm get attempts+1 and last_error, and stay pending.
   */
  private async drainBatch(): Promise<number> {
    if (!this.bus.isConnected()) return 0;
    const { published, failure } = await this.dataSource.transaction(async (em) => {
      const rows: OutboxRow[] = await em.query(
        `SELECT id, routing_key, payload FROM outbox
          WHERE published_at IS NULL
          ORDER BY seq
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return { published: 0, failure: null };
      const results = await Promise.allSettled(rows.map((r) => this.bus.publish(r.routing_key, r.payload)));
      const confirmed = rows.filter((_, i) => results[i].status === 'fulfilled').map((r) => r.id);
      const rejected = results.flatMap((res, i) =>
        res.status === 'rejected' ? [{ id: rows[i].id, reason: res.reason as Error }] : [],
      );
      if (confirmed.length > 0)
        await em.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1)`, [confirmed]);
      if (rejected.length > 0) {
        await em.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1)`, [
          rejected.map((r) => r.id),
          String(rejected[0].reason?.message ?? rejected[0].reason),
        ]);
      }
      return { published: confirmed.length, failure: rejected[0]?.reason ?? null };
    });
    if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
    return published;
  }
}
