import type { JobViewDto } from '../jobs/job-view.dto.js';
import type { ServiceName } from '../services.js';

/** Topic exchange all domain events are published to (name is prefixed per deployment: `<prefix>.events`). */
export const EVENTS_EXCHANGE_SUFFIX = 'events';

/** Event names; the routing key is `<event>.<service>` so consumers can bind `job.#` or `job.*.fitment`. */
export const EventNames = {
  JobStateChanged: 'job.state',
  JobProgress: 'job.progress',
  /** Products of the catalog were created, updated or deleted (import or manual edit). */
  CatalogProductsChanged: 'catalog.products.changed',
  /** Prices of products changed: purchase order lines were created or changed (procurement imports). */
  CatalogPricesChanged: 'catalog.prices.changed',
  /** Fitments of products were approved, rejected or edited (review): the vehicles a product fits changed. */
  FitmentFitmentsChanged: 'fitment.fitments.changed',
} as const;
export type EventName = (typeof EventNames)[keyof typeof EventNames];

export function eventRoutingKey(event: EventName, service: ServiceName): string {
  return `${event}.${service}`;
}

/** Every event on the bus: an id for de-duplication, the tenant, and the correlation id of the request behind it. */
export interface EventEnvelope<T = unknown> {
  id: string;
  event: EventName;
  service: ServiceName;
  tenantId: string;
  correlationId: string | null;
  occurredAt: string;
  data: T;
}

export type ProductChangeKind = 'created' | 'updated' | 'deleted';

/** Data of `catalog.products.changed`: which products changed and how; readers fetch the products by id. */
export interface ProductsChangedEvent {
  kind: ProductChangeKind;
  productIds: number[];
  /** What caused it: an import (with its upload id) or a manual edit. */
  source: { type: 'import'; uploadId: string } | { type: 'manual'; userId?: string };
}

/**
 * Data of `catalog.prices.changed`: products whose price history changed (an import's purchase order lines, a
 * price left out by a conflict's resolution); readers fetch the prices by id.
 */
export interface PricesChangedEvent {
  productIds: number[];
  source: ProductsChangedEvent['source'];
}

/** Data of `fitment.fitments.changed`: catalog products whose fitments changed status or vehicle. */
export interface FitmentsChangedEvent {
  productIds: number[];
}

export interface EventContracts {
  [EventNames.JobStateChanged]: JobViewDto;
  [EventNames.JobProgress]: JobViewDto;
  [EventNames.CatalogProductsChanged]: ProductsChangedEvent;
  [EventNames.CatalogPricesChanged]: PricesChangedEvent;
  [EventNames.FitmentFitmentsChanged]: FitmentsChangedEvent;
}
