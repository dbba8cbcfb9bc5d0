import { randomUUID } from 'node:crypto';
import { eventRoutingKey, type EventEnvelope, type EventName, type ServiceName } from '@torque/contracts';
import type { EntityManager } from 'typeorm';

/** Writes an event into the outbox inside the caller's transaction; OutboxRelay publishes it after commit. */
export async function enqueueEvent<T>(
  em: EntityManager,
  event: EventName,
  service: ServiceName,
  tenantId: string,
  correlationId: string | null,
  data: T,
): Promise<EventEnvelope<T>> {
  const envelope: EventEnvelope<T> = {
    id: randomUUID(),
    event,
    service,
    tenantId,
    correlationId,
    occurredAt: new Date().toISOString(),
    data,
  };
  await em.query(`INSERT INTO outbox (id, routing_key, payload) VALUES ($1, $2, $3)`, [
    envelope.id,
    eventRoutingKey(event, service),
    envelope,
  ]);
  return envelope;
}
