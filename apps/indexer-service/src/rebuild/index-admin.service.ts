import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IndexerJobNames, IndexerQueueNames, type RequestMeta } from '@torque/contracts';
import {
  JobSubmitterService,
  QueueService,
  TriggerHandler,
  type JobRecord,
  type TriggerHandlerInstance,
} from '@torque/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { INDEXER_ENV, type IndexerEnv } from '../common/indexer-env.js';
import { DocumentsRepository } from '../documents/documents.repository.js';

type Meta = Pick<RequestMeta, 'tenantId' | 'correlationId'>;

/**
 * Starts rebuilds and audits, on request or from the nightly refresh (a Bull repeatable job: one schedule
 * however many replicas register it). One rebuild and one audit at a time per tenant: a second request
 * answers the queued or running job.
 */
@Injectable()
@TriggerHandler(IndexerQueueNames.Heavy, IndexerJobNames.IndexerRefreshSchedule)
export class IndexAdminService implements OnApplicationBootstrap, TriggerHandlerInstance {
  private readonly logger = new Logger(IndexAdminService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly submitter: JobSubmitterService,
    private readonly queues: QueueService,
    private readonly docs: DocumentsRepository,
    @Inject(INDEXER_ENV) private readonly env: IndexerEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.scheduleAtBoot(
      'nightly index refresh',
      IndexerQueueNames.Heavy,
      IndexerJobNames.IndexerRefreshSchedule,
      this.env.INDEX_REFRESH_CRON,
      { jobId: 'nightly' },
    );
  }

  async rebuild(meta: Meta, origin: 'request' | 'nightly', reason?: string): Promise<JobRecord> {
    const { row } = await this.submitter.submit({
      meta,
      queue: IndexerQueueNames.Heavy,
      name: IndexerJobNames.IndexerRebuild,
      params: { origin, then_audit: origin === 'nightly', ...(reason ? { reason } : {}) },
      dedupeKey: 'rebuild',
      options: this.retries(),
    });
    return row;
  }

  async audit(meta: Meta, origin: 'request' | 'nightly', reason?: string): Promise<JobRecord> {
    const { row } = await this.submitter.submit({
      meta,
      queue: IndexerQueueNames.Heavy,
      name: IndexerJobNames.IndexerAudit,
      params: { origin, ...(reason ? { reason } : {}) },
      dedupeKey: 'audit',
      options: this.retries(),
    });
    return row;
  }

  /** The nightly refresh: per tenant a rebuild then an audit, or only the audit after a recent rebuild. */
  async trigger(): Promise<{ tenants: number }> {
    const tenants = await this.docs.tenants(this.dataSource.manager);
    const recent = Date.now() - this.env.INDEX_REFRESH_SKIP_HOURS * 3600_000;
    for (const tenantId of tenants) {
      const meta = { tenantId, correlationId: `nightly-${randomUUID()}` };
      const state = await this.docs.state(this.dataSource.manager, tenantId);
      if (state.last_rebuild_at && state.last_rebuild_at.getTime() > recent) await this.audit(meta, 'nightly');
      else await this.rebuild(meta, 'nightly');
    }
    return { tenants: tenants.length };
  }

  private retries() {
    return { attempts: this.env.INDEX_JOB_ATTEMPTS, backoff: { type: 'fixed', delay: this.env.INDEX_RETRY_DELAY_MS } };
  }
}
