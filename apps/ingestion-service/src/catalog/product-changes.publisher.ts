import { Inject, Injectable } from '@nestjs/common';
import { EventNames, type ProductChangeKind, type ProductsChangedEvent, type ServiceName } from '@torque/contracts';
import { enqueueEvent, OutboxRelayService, SERVICE_NAME } from '@torque/platform';
import type { EntityManager } from 'typeorm';

/** Product ids per `catalog.products.changed` event: keeps each message small whatever the size of an import. */
export const PRODUCT_IDS_PER_EVENT = 1000;

export interface ProductChange {
  tenantId: string;
  correlationId: string | null;
  kind: ProductChangeKind;
  productIds: readonly number[];
  source: ProductsChangedEvent['source'];
}

/** The ids once each, in their first order, cut into chunks of at most `size`. */
export function chunkIds(ids: readonly number[], size = PRODUCT_IDS_PER_EVENT): number[][] {
  const unique = [...new Set(ids)];
  const chunks: number[][] = [];
  for (let i = 0; i < unique.length; i += size) chunks.push(unique.slice(i, i + size));
  return chunks;
}

/**
 * Announces product changes (`catalog.products.changed`) through the outbox. Call `enqueue` inside the
 * transaction that makes the change, so the events exist exactly when the change does, and `flush`
 * after it committed so the relay publishes at once instead of at its next poll.
 */
@Injectable()
export class ProductChangesPublisher {
  constructor(
    private readonly relay: OutboxRelayService,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
  ) {}

  /** Writes one event per PRODUCT_IDS_PER_EVENT ids; returns how many. No ids, no event. */
  async enqueue(em: EntityManager, change: ProductChange): Promise<number> {
    const chunks = chunkIds(change.productIds);
    for (const productIds of chunks) {
      await enqueueEvent<ProductsChangedEvent>(
        em,
        EventNames.CatalogProductsChanged,
        this.service,
        change.tenantId,
        change.correlationId,
        {
          kind: change.kind,
          productIds,
          source: change.source,
        },
      );
    }
    return chunks.length;
  }

  flush(): void {
    this.relay.kick();
  }
}
