import { EventNames, MAX_PRODUCT_ID, type EventEnvelope } from '@torque/contracts';

/** The events that change search documents, and the routing keys the indexer binds (one publisher each). */
export const INDEXED_EVENTS = [
  { event: EventNames.CatalogProductsChanged, routingKey: `${EventNames.CatalogProductsChanged}.ingestion` },
  { event: EventNames.CatalogPricesChanged, routingKey: `${EventNames.CatalogPricesChanged}.ingestion` },
  { event: EventNames.FitmentFitmentsChanged, routingKey: `${EventNames.FitmentFitmentsChanged}.fitment` },
] as const;

/** Most product ids one event may name (the publishers send at most 1000). */
export const MAX_EVENT_PRODUCT_IDS = 10_000;

export interface ProductChangeEvent {
  id: string;
  tenantId: string;
  correlationId: string | null;
  occurredAt: Date;
  productIds: number[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The products an event says changed, or a reason to drop it: a service trusts no publisher, so the envelope
 * and the ids are checked before anything is written.
 */
export function readProductChange(event: EventEnvelope): ProductChangeEvent | string {
  const known = INDEXED_EVENTS.some((e) => e.event === event?.event);
  if (!known) return `event ${String(event?.event)} is not one the index reads`;
  if (typeof event.id !== 'string' || !UUID.test(event.id)) return 'the event id is not a UUID';
  if (typeof event.tenantId !== 'string' || event.tenantId.length < 1 || event.tenantId.length > 64)
    return 'the tenant is missing or longer than 64 characters';
  const ids = (event.data as { productIds?: unknown } | null)?.productIds;
  if (!Array.isArray(ids) || ids.length > MAX_EVENT_PRODUCT_IDS) return 'productIds is not a list of at most 10000 ids';
  if (!ids.every((id) => Number.isInteger(id) && id >= 1 && id <= MAX_PRODUCT_ID))
    return 'productIds holds something other than product ids';
  const occurredAt = new Date(event.occurredAt);
  return {
    id: event.id,
    tenantId: event.tenantId,
    correlationId: typeof event.correlationId === 'string' ? event.correlationId : null,
    // A missing or odd time counts as now (it only feeds the lag metric).
    occurredAt: Number.isNaN(occurredAt.getTime()) || occurredAt.getTime() > Date.now() ? new Date() : occurredAt,
    productIds: ids as number[],
  };
}
