// The transactional outbox: a change and its event commit together, the relay publishes committed rows with
// publisher confirms and marks them published only afterwards, survives a broker outage, and any number of
// relays (service replicas) share the work without publishing a row twice.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventNames, type EventEnvelope } from '@torque/contracts';
import {
  createServiceApp,
  enqueueEvent,
  EVENT_BUS,
  EventBus,
  JobLifecycleService,
  JobsRepository,
  loadEnv,
  OutboxRelayService,
  rmqNames,
  ServiceEnv,
  startServiceApp,
} from '@torque/platform';
import amqplib from 'amqplib';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FitmentModule } from '../../apps/fitment-service/src/fitment.module.js';
import { TEST_RABBITMQ_URL } from '../support/servers.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';
import { startTcpProxy } from '../support/tcp-proxy.js';

interface Delivery {
  routingKey: string;
  event: EventEnvelope<Record<string, unknown>>;
}

describe('outbox relay', () => {
  let suite: Suite;
  let app1: NestFastifyApplication;
  let app2: NestFastifyApplication;
  let db: DataSource;
  let env: ServiceEnv;
  let consumer: amqplib.ChannelModel;
  const deliveries: Delivery[] = [];

  beforeAll(async () => {
    // A long poll: the relays publish only when this process's own writes kick them, or when a test drains them.
    suite = await startSuite({ services: ['fitment'], gateway: false, env: { OUTBOX_POLL_MS: '60000' } });
    app1 = suite.services.get('fitment')!;
    env = loadEnv(ServiceEnv, suite.baseEnv);
    // A second replica of the service on the same database and namespace.
    app2 = await createServiceApp('fitment', env, FitmentModule.forRoot(env));
    await startServiceApp(app2, env);
    db = app1.get(DataSource);

    consumer = await amqplib.connect(TEST_RABBITMQ_URL);
    const ch = await consumer.createChannel();
    const exchange = rmqNames(suite.ns).eventsExchange;
    await ch.assertExchange(exchange, 'topic', { durable: true });
    const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true });
    await ch.bindQueue(queue, exchange, 'job.#');
    await ch.consume(
      queue,
      (msg) => {
        if (msg) deliveries.push({ routingKey: msg.fields.routingKey, event: JSON.parse(msg.content.toString()) });
      },
      { noAck: true },
    );
  });
  afterAll(async () => {
    await consumer?.close().catch(() => undefined);
    await app2?.close();
    await suite?.close();
  });

  const delivered = (pred: (d: Delivery) => boolean) => deliveries.filter(pred);
  const deliveredIds = (ids: Set<string>) => deliveries.filter((d) => ids.has(d.event.id));

  /** Writes outbox rows the way a service does (inside its transaction), without kicking any relay. */
  async function writeEvents(n: number, tag: string): Promise<string[]> {
    return db.transaction(async (em) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++)
        ids.push((await enqueueEvent(em, EventNames.JobProgress, 'fitment', 'acme', null, { tag, i })).id);
      return ids;
    });
  }
  async function pending(ids: string[]): Promise<number> {
    return (
      await db.query(`SELECT count(*)::int AS n FROM outbox WHERE id = ANY($1) AND published_at IS NULL`, [ids])
    )[0].n;
  }

  /** A marker event published after everything else: once it arrived, every earlier message has too (one FIFO queue). */
  async function flush(): Promise<void> {
    const [marker] = await writeEvents(1, 'marker');
    await app1.get(OutboxRelayService).drainAll();
    await eventually(async () => deliveries.some((d) => d.event.id === marker));
  }

  it('publishes a committed state change with its row, and nothing of a rolled-back transaction', async () => {
    const lifecycle = app1.get(JobLifecycleService);
    const repo = app1.get(JobsRepository);

    const committedId = randomUUID();
    await lifecycle.create({ id: committedId, tenantId: 'acme', type: 'test.job', params: {} });
    const [event] = await eventually(async () => {
      const found = delivered((d) => (d.event.data as { id?: string }).id === committedId);
      return found.length > 0 ? found : null;
    });
    expect(event.routingKey).toBe('job.state.fitment');
    expect(event.event).toMatchObject({ event: EventNames.JobStateChanged, service: 'fitment', tenantId: 'acme' });
    expect(event.event.data).toMatchObject({ id: committedId, status: 'queued' });
    // The relay marks the row once the broker confirmed it, which can be after the consumer got the event.
    await eventually(async () => {
      const [row] = await db.query(`SELECT published_at FROM outbox WHERE id = $1`, [event.event.id]);
      return row?.published_at != null;
    });

    const rolledBackId = randomUUID();
    await expect(
      db.transaction(async (em) => {
        const job = await repo.insert(em, { id: rolledBackId, tenantId: 'acme', type: 'test.job', params: {} });
        await enqueueEvent(em, EventNames.JobStateChanged, 'fitment', 'acme', null, lifecycle.view(job));
        throw new Error('the change failed after its event was written');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.query(`SELECT id FROM jobs WHERE id = $1`, [rolledBackId])).toEqual([]);
    expect(await db.query(`SELECT id FROM outbox WHERE payload->'data'->>'id' = $1`, [rolledBackId])).toEqual([]);

    await flush();
    expect(delivered((d) => (d.event.data as { id?: string }).id === rolledBackId)).toEqual([]);
  });

  it('marks rows published only once the broker confirmed them; unconfirmed ones stay pending with the error', async () => {
    let confirm!: () => void;
    const confirmed = new Promise<void>((resolve) => (confirm = resolve));
    const publish = jest.fn(async (routingKey: string, event: EventEnvelope) => {
      if ((event.data as { i: number }).i === 2) throw new Error('nacked by the broker');
      await confirmed;
    });
    const stubBus = { isConnected: () => true, publish } as unknown as EventBus;
    const relay = new OutboxRelayService(db, stubBus, env);

    const ids = await writeEvents(3, 'confirm');
    const draining = relay.drainAll();
    await eventually(async () => publish.mock.calls.length >= 3);
    // Published, not confirmed yet: the rows are still pending (and locked, so no other relay takes them).
    expect(await pending(ids)).toBe(3);
    confirm();
    await expect(draining).rejects.toThrow('nacked by the broker');

    const rows: { id: string; published: boolean; attempts: number; last_error: string | null }[] = await db.query(
      `SELECT id, published_at IS NOT NULL AS published, attempts, last_error FROM outbox WHERE id = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids[0])).toMatchObject({ published: true, attempts: 0, last_error: null });
    expect(byId.get(ids[1])).toMatchObject({ published: true, attempts: 0, last_error: null });
    expect(byId.get(ids[2])).toMatchObject({ published: false, attempts: 1, last_error: 'nacked by the broker' });

    // The real relay picks the unconfirmed row up on its next drain.
    await app1.get(OutboxRelayService).drainAll();
    await eventually(async () => deliveredIds(new Set([ids[2]])).length === 1);
    expect(await pending(ids)).toBe(0);
  });

  it('publishes rows written while the broker was unreachable once it is back', async () => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(TEST_RABBITMQ_URL).port || 5672) });
    const bus = new EventBus({
      url: proxy.url(TEST_RABBITMQ_URL),
      exchange: rmqNames(suite.ns).eventsExchange,
      connectionName: `${suite.ns}-outbox-test`,
    });
    const relay = new OutboxRelayService(db, bus, loadEnv(ServiceEnv, { ...suite.baseEnv, OUTBOX_POLL_MS: '100' }));
    try {
      await eventually(async () => bus.isConnected());
      relay.onApplicationBootstrap(); // polls every 100 ms from now on

      proxy.outage();
      await eventually(async () => !bus.isConnected());
      const ids = await writeEvents(5, 'outage');
      expect(await relay.drainAll()).toBe(0);
      expect(await pending(ids)).toBe(5);

      proxy.accept();
      await eventually(async () => (await pending(ids)) === 0, 15_000);
      await flush();
      const got = deliveredIds(new Set(ids));
      expect(got).toHaveLength(5);
      expect(new Set(got.map((d) => d.event.id)).size).toBe(5);
    } finally {
      await relay.beforeApplicationShutdown();
      await bus.close().catch(() => undefined);
      await proxy.close();
    }
  });

  it('never publishes a row twice when two replicas relay at the same time (FOR UPDATE SKIP LOCKED)', async () => {
    const relay1 = app1.get(OutboxRelayService);
    const relay2 = app2.get(OutboxRelayService);
    expect(relay1).not.toBe(relay2);
    expect(app1.get<EventBus>(EVENT_BUS)).not.toBe(app2.get<EventBus>(EVENT_BUS));

    const ids = await writeEvents(1000, 'race');
    const counts = await Promise.all([relay1.drainAll(), relay2.drainAll(), relay1.drainAll(), relay2.drainAll()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(await pending(ids)).toBe(0);

    await flush();
    const got = deliveredIds(new Set(ids));
    expect(new Set(got.map((d) => d.event.id)).size).toBe(1000);
    expect(got).toHaveLength(1000);
    process.stdout.write(
      `two relays published ${counts[0] + counts[2]} + ${counts[1] + counts[3]} of 1000 rows, no duplicates\n`,
    );
  });
});
