import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { eventRoutingKey, EventNames, isTerminalStatus, type EventEnvelope, type JobViewDto } from '@torque/contracts';
import { EVENT_BUS, InboxService, runsApi, SERVICE_ENV, type EventBus, type ServiceEnv } from '@torque/platform';
import { randomUUID } from 'node:crypto';
import { TasksRepository } from '../tasks/tasks.repository.js';
import { TasksService } from '../tasks/tasks.service.js';
import { WebhooksRepository } from './webhooks.repository.js';

/** Inbox consumer name of task-ending events (a wire name of the inbox table: keep it). */
export const WEBHOOK_EVENTS_CONSUMER = 'media.webhooks';

export function mediaEventsQueue(namespace: string): string {
  return `${namespace}.media.events`;
}

/**
 * Turns the media service's own job state events into webhook deliveries: a task that ended (SUCCESS, FAILURE,
 * REVOKED, whoever ended it) and named a webhook_url gets one delivery of its final status, exactly once per event
 * through the inbox.
 */
@Injectable()
export class WebhookEventsConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookEventsConsumer.name);

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
    private readonly inbox: InboxService,
    private readonly tasks: TasksService,
    private readonly tasksRepo: TasksRepository,
    private readonly repo: WebhooksRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!runsApi(this.env)) return;
    await this.bus.subscribe(
      { name: mediaEventsQueue(this.env.NAMESPACE), durable: true },
      [eventRoutingKey(EventNames.JobStateChanged, 'media')],
      (event) => this.handle(event),
    );
  }

  async handle(event: EventEnvelope): Promise<void> {
    const job = event.data as JobViewDto | undefined;
    if (!job?.id || !job.status || !isTerminalStatus(job.status)) return;
    await this.inbox.handleOnce(WEBHOOK_EVENTS_CONSUMER, event.id, async (em) => {
      const task = await this.tasksRepo.get(em, job.id);
      if (!task?.webhook_url) return;
      const status = await this.tasks.view(task);
      await this.repo.enqueue(em, {
        id: randomUUID(),
        taskId: task.id,
        tenantId: task.tenant_id,
        eventId: event.id,
        url: task.webhook_url,
        payload: { event: 'media.task.finished', occurred_at: event.occurredAt, task: status },
      });
      this.logger.debug(`webhook of task ${task.id} (${status.status}) queued`);
    });
  }
}
