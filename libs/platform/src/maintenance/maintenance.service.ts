import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobNames, QueueNames, type RequestMeta } from '@torque/contracts';
import { randomUUID } from 'node:crypto';
import type { Job } from 'bull';
import { QueueService } from '../bull/queue.service.js';
import { type ServiceEnv } from '../config/env.js';
import { TriggerHandler, type TriggerHandlerInstance } from '../jobs/job-handler.decorator.js';
import type { JobRecord } from '../jobs/job-record.js';
import { JobSubmitterService } from '../jobs/job-submitter.service.js';
import { SERVICE_ENV } from '../tokens.js';

/** Tenant that owns jobs the system starts by itself (the nightly schedule). */
export const SYSTEM_TENANT = 'system';

/**
 * Starts retention clean-ups, on request or from the nightly schedule. The schedule is a Bull
 * repeatable job (one per deployment, however many replicas register it), the celery-beat replacement.
 */
@Injectable()
@TriggerHandler(QueueNames.Maintenance, JobNames.CleanupSchedule)
export class MaintenanceService implements OnApplicationBootstrap, TriggerHandlerInstance {
  private readonly logger = new Logger(MaintenanceService.name);

  constructor(
    private readonly submitter: JobSubmitterService,
    private readonly queues: QueueService,
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.scheduleAtBoot(
      'nightly clean-up',
      QueueNames.Maintenance,
      JobNames.CleanupSchedule,
      this.env.CLEANUP_CRON,
      {
        jobId: 'nightly',
      },
    );
  }

  /** One clean-up at a time per tenant: a second request returns the running one. */
  async startCleanup(
    meta: Pick<RequestMeta, 'tenantId' | 'correlationId'>,
    olderThanDays?: number,
  ): Promise<JobRecord> {
    const { row } = await this.submitter.submit({
      meta,
      queue: QueueNames.Maintenance,
      name: JobNames.Cleanup,
      params: olderThanDays === undefined ? {} : { olderThanDays },
      dedupeKey: 'cleanup',
      options: { attempts: 2 },
    });
    return row;
  }

  async trigger(_job: Job): Promise<unknown> {
    const row = await this.startCleanup({ tenantId: SYSTEM_TENANT, correlationId: `schedule-${randomUUID()}` });
    return { jobId: row.id };
  }
}
