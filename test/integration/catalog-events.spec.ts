// Product changes announce themselves through the outbox: exactly one catalog.products.changed per change,
// nothing for a change that failed or was rolled back, large changes cut into events of at most 1000 ids.
// Other services read products with catalog.products.get-many over RabbitMQ.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientProxyFactory, type ClientProxy } from '@nestjs/microservices';
import {
  CatalogPatterns,
  EventNames,
  type EventEnvelope,
  type GetManyProductsResult,
  type ProductsChangedEvent,
  type RequestMeta,
} from '@torque/contracts';
import { EventBus, loadEnv, PlatformEnv, rmqClientOptions, rmqNames } from '@torque/platform';
import { firstValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { CatalogError } from '../../apps/ingestion-service/src/catalog/catalog.errors.js';
import { ProductChangesPublisher } from '../../apps/ingestion-service/src/catalog/product-changes.publisher.js';
import { ProductsRepository } from '../../apps/ingestion-service/src/catalog/products.repository.js';
import { ProductsService } from '../../apps/ingestion-service/src/catalog/products.service.js';
import { TEST_RABBITMQ_URL } from '../support/servers.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

interface Received {
  routingKey: string;
  event: EventEnvelope<ProductsChangedEvent>;
}

const meta = (tenantId = 'acme', correlationId = 'corr-catalog'): RequestMeta => ({
  tenantId,
  correlationId,
  userId: 'editor-1',
  roles: ['admin'],
});

describe('catalog change events and reads over RabbitMQ', () => {
  let suite: Suite;
  let bus: EventBus;
  let products: ProductsService;
  let publisher: ProductChangesPublisher;
  let repo: ProductsRepository;
  let dataSource: DataSource;
  const received: Received[] = [];
  let markers = 0;

  const eventsFor = (id: number) => received.filter((r) => r.event.data.productIds.includes(id));
  /**
   * Makes one more change and waits for its event. The relay publishes outbox rows in commit order
   * over one channel, so once it arrives every event of earlier changes has arrived too.
   */
  const fence = async () => {
    const marker = await products.create(meta(), { part_number: `MARKER-${++markers}`, name: 'Fence' });
    await eventually(async () => eventsFor(marker.id).length > 0);
    return marker.id;
  };
  const outboxRowsFor = async (id: number): Promise<number> =>
    (
      await dataSource.query(
        `SELECT count(*)::int AS n FROM outbox WHERE payload -> 'data' -> 'productIds' @> $1::jsonb`,
        [JSON.stringify([id])],
      )
    )[0].n;

  beforeAll(async () => {
    suite = await startSuite({ services: ['ingestion'], gateway: false });
    const app = suite.services.get('ingestion')!;
    products = app.get(ProductsService);
    publisher = app.get(ProductChangesPublisher);
    repo = app.get(ProductsRepository);
    dataSource = app.get(DataSource);
    bus = new EventBus({
      url: TEST_RABBITMQ_URL,
      exchange: rmqNames(suite.ns).eventsExchange,
      connectionName: `${suite.ns}-catalog-test`,
    });
    await bus.subscribe({ exclusive: true }, ['catalog.#'], (event, msg) => {
      received.push({ routingKey: msg.fields.routingKey, event: event as EventEnvelope<ProductsChangedEvent> });
    });
  });
  afterAll(async () => {
    await bus?.close();
    await suite?.close();
  });

  it('publishes exactly one catalog.products.changed per change: created, updated, deleted', async () => {
    const p = await products.create(meta(), { part_number: 'EV-1', name: 'Evented', brand: 'Bosch' });
    await products.update(meta(), p.id, { name: 'Evented again' });
    await products.update(meta(), p.id, { name: 'Evented again', brand: 'Bosch' }); // changes nothing: no event
    await products.delete(meta(), p.id);
    await fence();

    const events = eventsFor(p.id);
    expect(events.map((e) => e.event.data.kind)).toEqual(['created', 'updated', 'deleted']);
    for (const { routingKey, event } of events) {
      expect(routingKey).toBe('catalog.products.changed.ingestion');
      expect(event).toEqual({
        id: expect.any(String),
        event: EventNames.CatalogProductsChanged,
        service: 'ingestion',
        tenantId: 'acme',
        correlationId: 'corr-catalog',
        occurredAt: expect.any(String),
        data: { kind: event.data.kind, productIds: [p.id], source: { type: 'manual', userId: 'editor-1' } },
      });
    }
    expect(new Set(events.map((e) => e.event.id)).size).toBe(3);
    expect(await outboxRowsFor(p.id)).toBe(3);
  });

  it('publishes nothing for a change that failed or was rolled back', async () => {
    const kept = await products.create(meta(), { part_number: 'KEEP-1', name: 'Kept' });
    await expect(products.create(meta(), { part_number: 'KEEP-1', name: 'Duplicate' })).rejects.toBeInstanceOf(
      CatalogError,
    );
    await expect(products.update(meta(), kept.id, { part_number: 'MARKER-1' })).rejects.toMatchObject({ status: 409 });
    await expect(products.delete(meta('other-tenant'), kept.id)).rejects.toMatchObject({ status: 404 });

    let rolledBackId = 0;
    await expect(
      dataSource.transaction(async (em) => {
        const row = await repo.insert(em, 'acme', { part_number: 'ROLLBACK-1', name: 'Never committed' });
        rolledBackId = Number(row!.id);
        await publisher.enqueue(em, {
          tenantId: 'acme',
          correlationId: null,
          kind: 'created',
          productIds: [rolledBackId],
          source: { type: 'import', uploadId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f' },
        });
        throw new Error('merge failed');
      }),
    ).rejects.toThrow('merge failed');
    publisher.flush();
    await fence();

    expect(rolledBackId).toBeGreaterThan(0);
    expect(await products.getMany('acme', [rolledBackId])).toEqual({ products: [], missing_ids: [rolledBackId] });
    expect(eventsFor(rolledBackId)).toEqual([]);
    expect(await outboxRowsFor(rolledBackId)).toBe(0);
    expect(eventsFor(kept.id).map((e) => e.event.data.kind)).toEqual(['created']);
  });

  it('cuts a large change into events of at most 1000 ids, each id once', async () => {
    const ids = Array.from({ length: 2500 }, (_, i) => 1_000_000 + i);
    const uploadId = '0b7e1f7a-1111-4c2d-9e8f-000000000001';
    const written = await dataSource.transaction((em) =>
      publisher.enqueue(em, {
        tenantId: 'acme',
        correlationId: 'corr-import',
        kind: 'updated',
        productIds: [...ids, ...ids.slice(0, 10)],
        source: { type: 'import', uploadId },
      }),
    );
    expect(written).toBe(3);
    publisher.flush();

    const events = await eventually(async () => {
      const mine = received.filter((r) => r.event.correlationId === 'corr-import');
      return mine.length >= 3 ? mine : null;
    });
    await fence();
    expect(received.filter((r) => r.event.correlationId === 'corr-import')).toHaveLength(3);
    // Events of one transaction may be relayed in any order; each carries its own slice of the ids.
    const slices = events.map((e) => e.event.data.productIds).sort((x, y) => x[0] - y[0]);
    expect(slices.map((s) => s.length)).toEqual([1000, 1000, 500]);
    expect(slices.flat()).toEqual(ids);
    for (const { event } of events)
      expect(event.data).toEqual(expect.objectContaining({ kind: 'updated', source: { type: 'import', uploadId } }));
  });

  describe('catalog.products.get-many over RabbitMQ', () => {
    let client: ClientProxy;
    const getMany = (data: unknown, m: RequestMeta = meta()) =>
      firstValueFrom(client.send<GetManyProductsResult>(CatalogPatterns.ProductsGetMany, { meta: m, data }));

    beforeAll(async () => {
      client = ClientProxyFactory.create(rmqClientOptions(loadEnv(PlatformEnv, suite.baseEnv), 'ingestion'));
      await client.connect();
    });
    afterAll(async () => {
      await client?.close();
    });

    it('returns the products found, in the order asked, and the ids that are missing', async () => {
      const a = await products.create(meta(), { part_number: 'GM-A', name: 'A' });
      const b = await products.create(meta(), { part_number: 'GM-B', name: 'B' });
      const gone = await products.create(meta(), { part_number: 'GM-GONE', name: 'Gone' });
      await products.delete(meta(), gone.id);

      const result = await getMany({ ids: [b.id, 987654321, a.id, gone.id, b.id] });
      expect(result.products.map((p) => p.part_number)).toEqual(['GM-B', 'GM-A']);
      expect(result.products[0]).toEqual(b);
      expect(result.missing_ids).toEqual([987654321, gone.id]);

      expect(await getMany({ ids: [a.id, b.id] }, meta('globex'))).toEqual({ products: [], missing_ids: [a.id, b.id] });
      expect(await getMany({ ids: [] })).toEqual({ products: [], missing_ids: [] });
    });

    it('answers a validation error for more than 1000 ids or ids that are not positive integers', async () => {
      const tooMany = Array.from({ length: 1001 }, (_, i) => i + 1);
      await expect(getMany({ ids: tooMany })).rejects.toMatchObject({
        status: 400,
        error: 'validation_failed',
        details: { ids: [expect.stringMatching(/1000/)] },
      });
      await expect(getMany({ ids: ['1', 0] })).rejects.toMatchObject({ status: 400, error: 'validation_failed' });
      expect((await getMany({ ids: Array.from({ length: 1000 }, (_, i) => 5_000_000 + i) })).missing_ids).toHaveLength(
        1000,
      );
    });
  });
});
