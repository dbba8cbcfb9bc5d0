import { Injectable } from '@nestjs/common';
import type { MediaWebhookDeliveryDto, RequestMeta } from '@torque/contracts';
import { DataSource } from 'typeorm';
import { TasksService } from '../tasks/tasks.service.js';
import { WebhooksRepository } from './webhooks.repository.js';

/** A task's webhook deliveries, as people read them. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: WebhooksRepository,
    private readonly tasks: TasksService,
  ) {}

  async forTask(
    meta: Pick<RequestMeta, 'tenantId' | 'correlationId'>,
    taskId: string,
  ): Promise<MediaWebhookDeliveryDto[]> {
    await this.tasks.status(meta, taskId);
    const rows = await this.repo.forTask(this.dataSource.manager, taskId);
    return rows.map((d) => ({
      id: d.id,
      url: d.url,
      status: d.status,
      attempts: d.attempts,
      next_attempt_at: d.status === 'pending' ? d.next_attempt_at.toISOString() : null,
      delivered_at: d.delivered_at?.toISOString() ?? null,
      payload: d.payload,
      attempt_log: d.attempt_log.map((a) => ({
        attempt: a.attempt,
        http_status: a.http_status,
        error: a.error,
        duration_ms: a.duration_ms,
        attempted_at: new Date(a.attempted_at).toISOString(),
      })),
    }));
  }
}
