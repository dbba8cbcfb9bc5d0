import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EventNames, type EventEnvelope, type JobViewDto } from '@torque/contracts';
import { EVENT_BUS, type EventBus } from '@torque/platform';
import { filter, Subject, type Observable } from 'rxjs';
import { JobsListCache } from './jobs-list-cache.js';

const SEEN_CAPACITY = 10_000;

/**
 * Job events from every service, received once per gateway process (its own exclusive queue bound
 * to the events exchange) and fanned out to the event-stream clients of each tenant.
 */
@Injectable()
export class JobEventsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobEventsService.name);
  private readonly events = new Subject<EventEnvelope<JobViewDto>>();
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
    return this.events.pipe(filter((e) => e.tenantId === tenantId));
  }

  private accept(event: EventEnvelope<JobViewDto>): void {
    // The outbox delivers at least once: skip ids already fanned out.
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    this.listCache.changed(event.tenantId, event.service);
    if (this.seen.size > SEEN_CAPACITY) this.seen.delete(this.seen.values().next().value!);
    this.events.next(event);
  }
}
