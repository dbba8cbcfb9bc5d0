// Consumer-side de-duplication: InboxService.handleOnce runs a handler once per (consumer, event id), in one
// transaction with the inbox row, so a redelivered or duplicated event is skipped and a failed one is retried.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventNames, type EventEnvelope } from '@torque/contracts';
import { EVENT_BUS, InboxService, type EventBus } from '@torque/platform';
import { randomUUID } from 'node:crypto';
import amqplib from 'amqplib';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { TEST_RABBITMQ_URL } from '../support/servers.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

describe('InboxService', () => {
  let suite: Suite;
  let inbox: InboxService;
  let db: DataSource;
  let testQueue: string | null = null;

  beforeAll(async () => {
    suite = await startSuite({ services: ['fitment'], gateway: false });
    const app = suite.services.get('fitment')!;
    inbox = app.get(InboxService);
    db = app.get(DataSource);
    // Created by the database owner, like a migration would (the service itself may not run DDL).
    const owner = new pg.Client({ connectionString: suite.db.url });
    await owner.connect();
    try {
      await owner.query(`CREATE TABLE fitment.side_effects (event_id uuid NOT NULL, consumer text NOT NULL)`);
    } finally {
      await owner.end();
    }
  });
  afterAll(async () => {
    await suite?.close();
    if (testQueue) {
      const connection = await amqplib.connect(TEST_RABBITMQ_URL);
      const ch = await connection.createChannel();
      await ch.deleteQueue(testQueue).catch(() => undefined);
      await connection.close();
    }
  });

  const effect = (consumer: string, eventId: string) => async (em: EntityManager) => {
    await em.query(`INSERT INTO side_effects (event_id, consumer) VALUES ($1, $2)`, [eventId, consumer]);
  };
  const effects = async (eventId: string): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM side_effects WHERE event_id = $1`, [eventId]))[0].n;
  const inboxRows = async (eventId: string): Promise<{ consumer: string }[]> =>
    db.query(`SELECT consumer FROM inbox WHERE event_id = $1 ORDER BY consumer`, [eventId]);

  it('runs the side effect once when the same event is delivered twice', async () => {
    const id = randomUUID();
    expect(await inbox.handleOnce('search-indexer', id, effect('search-indexer', id))).toBe(true);
    expect(await inbox.handleOnce('search-indexer', id, effect('search-indexer', id))).toBe(false);
    expect(await effects(id)).toBe(1);
    expect(await inboxRows(id)).toEqual([{ consumer: 'search-indexer' }]);
  });

  it('de-duplicates per consumer: another consumer of the same event runs its own handler', async () => {
    const id = randomUUID();
    expect(await inbox.handleOnce('a', id, effect('a', id))).toBe(true);
    expect(await inbox.handleOnce('b', id, effect('b', id))).toBe(true);
    expect(await inbox.handleOnce('a', id, effect('a', id))).toBe(false);
    expect(await effects(id)).toBe(2);
    expect(await inboxRows(id)).toEqual([{ consumer: 'a' }, { consumer: 'b' }]);
  });

  it("leaves no inbox row (and none of the handler's writes) when the handler fails, so a redelivery runs it again", async () => {
    const id = randomUUID();
    await expect(
      inbox.handleOnce('mailer', id, async (em) => {
        await effect('mailer', id)(em);
        throw new Error('smtp down');
      }),
    ).rejects.toThrow('smtp down');
    expect(await inboxRows(id)).toEqual([]);
    expect(await effects(id)).toBe(0);

    expect(await inbox.handleOnce('mailer', id, effect('mailer', id))).toBe(true);
    expect(await effects(id)).toBe(1);
    expect(await inboxRows(id)).toEqual([{ consumer: 'mailer' }]);
  });

  it('runs once when two deliveries of the same event race', async () => {
    const id = randomUUID();
    const slow = async (em: EntityManager) => {
      await em.query(`SELECT pg_sleep(0.2)`);
      await effect('racer', id)(em);
    };
    const results = await Promise.all([inbox.handleOnce('racer', id, slow), inbox.handleOnce('racer', id, slow)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await effects(id)).toBe(1);
  });

  it('handles an event from the bus once: a duplicate publish is skipped, a failed first try is redelivered and retried', async () => {
    const bus = suite.services.get('fitment')!.get<EventBus>(EVENT_BUS);
    const outcomes: string[] = [];
    let failed = false;
    // A named queue (not exclusive): a requeued message survives even if the connection drops under load.
    testQueue = `${suite.ns}.inbox-test`;
    await bus.subscribe({ name: testQueue, durable: false }, ['test.inbox.#'], async (event) => {
      try {
        // The two deliveries are handled concurrently: whichever gets the inbox row first runs the handler,
        // and that first run fails.
        const ran = await inbox.handleOnce('bus-consumer', event.id, async (em) => {
          await effect('bus-consumer', event.id)(em);
          if (!failed) {
            failed = true;
            throw new Error('first try fails');
          }
        });
        outcomes.push(ran ? 'ran' : 'skipped');
      } catch (err) {
        outcomes.push('failed');
        throw err; // the bus nacks it and RabbitMQ redelivers it once
      }
    });
    const event: EventEnvelope = {
      id: randomUUID(),
      event: EventNames.JobStateChanged,
      service: 'fitment',
      tenantId: 'acme',
      correlationId: null,
      occurredAt: new Date().toISOString(),
      data: {},
    };
    await bus.publish('test.inbox.fitment', event);
    await bus.publish('test.inbox.fitment', event);

    await eventually(async () => outcomes.length >= 3).catch((err: Error) => {
      throw new Error(`${err.message}; outcomes so far: ${JSON.stringify(outcomes)}`);
    });
    expect([...outcomes].sort()).toEqual(['failed', 'ran', 'skipped']);
    expect(await effects(event.id)).toBe(1);
    expect(await inboxRows(event.id)).toEqual([{ consumer: 'bus-consumer' }]);
  });
});
