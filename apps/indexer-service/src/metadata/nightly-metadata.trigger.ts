import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IndexerJobNames, IndexerQueueNames } from '@torque/contracts';
import { QueueService, TriggerHandler, type TriggerHandlerInstance } from '@torque/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProjectsRepository } from '../projects/projects.repository.js';
import { METADATA_ENV, type MetadataEnv } from './metadata-env.js';
import { MetadataService } from './metadata.service.js';

/**
 * The nightly metadata run (METADATA_NIGHTLY_CRON, a Bull repeatable job: one schedule however many replicas
 * register it): per tenant, the projects without metadata of their current content, read and submitted
 * METADATA_NIGHTLY_BATCH_SIZE at a time as generation jobs. Those run at the queue's rate limit; a person's edits
 * stay (the generation is the suggestion beside them).
 */
@Injectable()
@TriggerHandler(IndexerQueueNames.Heavy, IndexerJobNames.IndexerMetadataNightlySchedule)
export class NightlyMetadataTrigger implements OnApplicationBootstrap, TriggerHandlerInstance {
  private readonly logger = new Logger(NightlyMetadataTrigger.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsRepository,
    private readonly metadata: MetadataService,
    private readonly queues: QueueService,
    @Inject(METADATA_ENV) private readonly env: MetadataEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.scheduleAtBoot(
      'nightly metadata generation',
      IndexerQueueNames.Heavy,
      IndexerJobNames.IndexerMetadataNightlySchedule,
      this.env.METADATA_NIGHTLY_CRON,
      { jobId: 'nightly' },
    );
  }

  async trigger(): Promise<{ tenants: number; submitted: number }> {
    const em = this.dataSource.manager;
    const tenants = await this.projects.tenants(em);
    let submitted = 0;
    for (const tenantId of tenants) {
      const meta = { tenantId, correlationId: `nightly-metadata-${randomUUID()}` };
      let afterId: string | null = null;
      for (;;) {
        const batch = await this.projects.stale(
          em,
          tenantId,
          afterId,
          this.env.METADATA_NIGHTLY_BATCH_SIZE,
          this.env.METADATA_DRAFT_RETENTION_DAYS,
        );
        for (const { id } of batch) {
          await this.metadata.submit(meta, {
            subject: 'project',
            subject_id: id,
            force: false,
            replace_edits: false,
            origin: 'nightly',
          });
        }
        submitted += batch.length;
        if (batch.length < this.env.METADATA_NIGHTLY_BATCH_SIZE) break;
        afterId = batch[batch.length - 1].id;
      }
    }
    return { tenants: tenants.length, submitted };
  }
}
