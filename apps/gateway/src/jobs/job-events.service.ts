import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EventNames, type EventEnvelope, type JobViewDto } from '@torque/contracts';
import { EVENT_BUS, type EventBus } from '@torque/platform';
import { Observable, Subject } from 'rxjs';
import { JobsListCache } from './jobs-list-cache.js';

const SEEN_CAPACITY = 10_000;

/**
 * Job events from every service, received once per gateway process (its own exclusive queue bound
 * to the events exchange) and fanned out to the event-stream clients of each tenant.
 */
@Injectable()
export class JobEventsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobEventsService.name);
  /** The open streams' subjects by tenant: an event reaches its tenant's streams only, without a filter per stream. */
  private readonly tenants = new Map<string, { subject: Subject<EventEnvelope<JobViewDto>>; streams: number }>();
  private readonly seen = new Set<string>();

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly listCache: JobsListCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // An exclusive queue goes with its connection: events published meanwhile are lost to this process.
    this.bus.onConnectionChange(() => this.listCache.changedEverywhere());
    await this.bus.subscribe(
      { exclusive: true },
      [`${EventNames.JobStateChanged}.*`, `${EventNames.JobProgress}.*`],
      (event) => this.accept(event as EventEnvelope<JobViewDto>),
    );
    this.logger.log('receiving job events');
  }

  /** Events of one tenant, as they happen. */
  forTenant(tenantId: string): Observable<EventEnvelope<JobViewDto>> {
    return new Observable((subscriber) => {
      let entry = this.tenants.get(tenantId);
      if (!entry) {
        entry = { subject: new Subject(), streams: 0 };
        this.tenants.set(tenantId, entry);
      }
      entry.streams++;
      const subscription = entry.subject.subscribe(subscriber);
      const opened = entry;
      return () => {
        subscription.unsubscribe();
        if (--opened.streams === 0 && this.tenants.get(tenantId) === opened) this.tenants.delete(tenantId);
      };
    });
  }

  private accept(event: EventEnvelope<JobViewDto>): void {
    // The outbox delivers at least once: skip ids already fanned out.
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    this.listCache.changed(event.tenantId, event.service);
    if (this.seen.size > SEEN_CAPACITY) this.seen.delete(this.seen.values().next().value!);
    this.tenants.get(event.tenantId)?.subject.next(event);
  }
}
