import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IndexerJobNames, IndexerQueueNames } from '@torque/contracts';
import { JobSubmitterService, QueueService, TriggerHandler, type TriggerHandlerInstance } from '@torque/platform';
import { randomUUID } from 'node:crypto';
import { METADATA_ENV, type MetadataEnv } from './metadata-env.js';

/** Tenant of the weekly clean-up's job: it cleans every tenant's metadata. */
export const SYSTEM_TENANT = 'system';

/**
 * The weekly metadata clean-up (METADATA_CLEANUP_CRON, a Bull repeatable job): starts an
 * `indexer.metadata-cleanup` job as tenant `system` (one queued or running at a time).
 */
@Injectable()
@TriggerHandler(IndexerQueueNames.Heavy, IndexerJobNames.IndexerMetadataCleanupSchedule)
export class MetadataCleanupTrigger implements OnApplicationBootstrap, TriggerHandlerInstance {
  private readonly logger = new Logger(MetadataCleanupTrigger.name);

  constructor(
    private readonly submitter: JobSubmitterService,
    private readonly queues: QueueService,
    @Inject(METADATA_ENV) private readonly env: MetadataEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.scheduleAtBoot(
      'weekly metadata clean-up',
      IndexerQueueNames.Heavy,
      IndexerJobNames.IndexerMetadataCleanupSchedule,
      this.env.METADATA_CLEANUP_CRON,
      { jobId: 'weekly' },
    );
  }

  async trigger(): Promise<{ jobId: string }> {
    const { row } = await this.submitter.submit({
      meta: { tenantId: SYSTEM_TENANT, correlationId: `metadata-cleanup-${randomUUID()}` },
      queue: IndexerQueueNames.Heavy,
      name: IndexerJobNames.IndexerMetadataCleanup,
      params: { draft_retention_days: this.env.METADATA_DRAFT_RETENTION_DAYS },
      dedupeKey: 'metadata-cleanup',
    });
    return { jobId: row.id };
  }
}
