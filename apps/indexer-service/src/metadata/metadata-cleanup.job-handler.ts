import { Inject, Injectable } from '@nestjs/common';
import { IndexerJobNames, IndexerQueueNames, type MetadataCleanupJobResult } from '@torque/contracts';
import { JobContext, JobHandler, PermanentJobError, type JobHandlerInstance, type Outcome } from '@torque/platform';
import { DataSource } from 'typeorm';
import { METADATA_ENV, type MetadataEnv } from './metadata-env.js';
import { SYSTEM_TENANT } from './metadata-cleanup.trigger.js';
import { MetadataRepository } from './metadata.repository.js';

/**
 * The weekly clean-up of every tenant's metadata: rows whose project or product is gone, and the generated
 * metadata of drafts unchanged for METADATA_DRAFT_RETENTION_DAYS (a person's edits are kept).
 */
@Injectable()
@JobHandler(IndexerQueueNames.Heavy, IndexerJobNames.IndexerMetadataCleanup)
export class MetadataCleanupJobHandler implements JobHandlerInstance<'indexer.metadata-cleanup'> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: MetadataRepository,
    @Inject(METADATA_ENV) private readonly env: MetadataEnv,
  ) {}

  async handle(ctx: JobContext): Promise<Outcome<MetadataCleanupJobResult>> {
    if (ctx.job.tenant_id !== SYSTEM_TENANT)
      throw new PermanentJobError('forbidden', 'The metadata clean-up runs as tenant system only');
    const days = Number(ctx.job.params.draft_retention_days ?? this.env.METADATA_DRAFT_RETENTION_DAYS);
    await ctx.progress(0, 2, 'Removing orphaned metadata', true);
    const orphaned = await this.repo.deleteOrphaned(this.dataSource.manager);
    ctx.throwIfCancelled();
    await ctx.progress(1, 2, 'Removing metadata of old drafts', true);
    const oldDrafts = await this.repo.deleteOfOldDrafts(this.dataSource.manager, days);
    const result = { orphaned, old_drafts: oldDrafts };
    return {
      status: 'completed',
      counts: { ...result },
      result,
      message: `${orphaned} orphaned and ${oldDrafts} old drafts' metadata removed`,
    };
  }
}
