import { describe, expect, it, jest } from '@jest/globals';
import type { EventEnvelope, ProductsChangedEvent } from '@torque/contracts';
import type { OutboxRelayService } from '@torque/platform';
import type { EntityManager } from 'typeorm';
import { chunkIds, ProductChangesPublisher } from './product-changes.publisher.js';

describe('chunkIds', () => {
  it('keeps each id once, in first order, in chunks of at most `size`', () => {
    expect(chunkIds([3, 1, 3, 2, 1, 4, 5], 2)).toEqual([[3, 1], [2, 4], [5]]);
    expect(chunkIds([])).toEqual([]);
    expect(chunkIds(Array.from({ length: 2001 }, (_, i) => i)).map((c) => c.length)).toEqual([1000, 1000, 1]);
  });
});

describe('ProductChangesPublisher', () => {
  /** An EntityManager that records the outbox inserts instead of running them. */
  function recordingEm() {
    const inserts: { routingKey: string; envelope: EventEnvelope<ProductsChangedEvent> }[] = [];
    const em = {
      query: jest.fn(async (_sql: string, params: unknown[]) => {
        inserts.push({ routingKey: params[1] as string, envelope: params[2] as EventEnvelope<ProductsChangedEvent> });
        return [];
      }),
    } as unknown as EntityManager;
    return { em, inserts };
  }

  it("writes one outbox row per 1000 ids with the change's kind, source, tenant and correlation id", async () => {
    const kick = jest.fn();
    const publisher = new ProductChangesPublisher({ kick } as unknown as OutboxRelayService, 'ingestion');
    const { em, inserts } = recordingEm();
    const ids = Array.from({ length: 1500 }, (_, i) => i + 1);
    const n = await publisher.enqueue(em, {
      tenantId: 'acme',
      correlationId: 'c-1',
      kind: 'updated',
      productIds: ids,
      source: { type: 'import', uploadId: 'u-1' },
    });
    expect(n).toBe(2);
    expect(inserts.map((i) => i.routingKey)).toEqual([
      'catalog.products.changed.ingestion',
      'catalog.products.changed.ingestion',
    ]);
    expect(inserts.map((i) => i.envelope.data.productIds.length)).toEqual([1000, 500]);
    expect(inserts[0].envelope).toEqual(
      expect.objectContaining({
        event: 'catalog.products.changed',
        service: 'ingestion',
        tenantId: 'acme',
        correlationId: 'c-1',
        data: { kind: 'updated', productIds: ids.slice(0, 1000), source: { type: 'import', uploadId: 'u-1' } },
      }),
    );
    expect(kick).not.toHaveBeenCalled();
    publisher.flush();
    expect(kick).toHaveBeenCalledTimes(1);
  });

  it('writes nothing for no ids', async () => {
    const publisher = new ProductChangesPublisher({ kick: jest.fn() } as unknown as OutboxRelayService, 'ingestion');
    const { em, inserts } = recordingEm();
    expect(
      await publisher.enqueue(em, {
        tenantId: 'acme',
        correlationId: null,
        kind: 'deleted',
        productIds: [],
        source: { type: 'manual' },
      }),
    ).toBe(0);
    expect(inserts).toEqual([]);
  });
});
