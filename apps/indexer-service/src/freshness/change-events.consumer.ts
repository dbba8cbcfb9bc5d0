import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventEnvelope } from '@torque/contracts';
import { EVENT_BUS, InboxService, runsApi, SERVICE_ENV, type EventBus, type ServiceEnv } from '@torque/platform';
import { ChangeBatchesService, type OpenedBatch } from './change-batches.service.js';
import { INDEXED_EVENTS, readProductChange } from './change-events.js';

/** Inbox consumer name of the change events (a wire name of the inbox table: keep it). */
export const CHANGE_EVENTS_CONSUMER = 'indexer.product-changes';

/** The durable queue of the indexer's events: every api process of the service consumes it. */
export function changeEventsQueue(namespace: string): string {
  return `${namespace}.indexer.events`;
}

/**
 * Consumes the events that change search documents (catalog products and prices, approved fitments) from the
 * indexer's durable queue, each exactly once through the inbox: its pending changes are written in the
 * transaction that records the event, and the batch it opened (if any) is submitted after the commit.
 */
@Injectable()
export class ChangeEventsConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ChangeEventsConsumer.name);

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
    private readonly inbox: InboxService,
    private readonly batches: ChangeBatchesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!runsApi(this.env)) return;
    await this.bus.subscribe(
      { name: changeEventsQueue(this.env.NAMESPACE), durable: true },
      INDEXED_EVENTS.map((e) => e.routingKey),
      (event) => this.handle(event),
    );
    this.logger.log('receiving product change events');
  }

  /** Handles one event; a thrown error makes the bus redeliver it once. */
  async handle(event: EventEnvelope): Promise<void> {
    const change = readProductChange(event);
    if (typeof change === 'string') {
      this.logger.warn(`dropping event ${String(event?.id)}: ${change}`);
      return;
    }
    let opened: OpenedBatch[] = [];
    await this.inbox.handleOnce(CHANGE_EVENTS_CONSUMER, change.id, async (em) => {
      opened = await this.batches.record(em, change.tenantId, change.productIds, change.occurredAt);
    });
    for (const batch of opened) await this.batches.submit(batch, change.correlationId);
  }
}
