import { Inject, Injectable } from '@nestjs/common';
import { IndexerJobNames, IndexerQueueNames, type UpdateJobResult } from '@torque/contracts';
import { JobContext, JobHandler, type JobHandlerInstance, type Outcome } from '@torque/platform';
import { DataSource } from 'typeorm';
import { INDEXER_ENV, type IndexerEnv } from '../common/indexer-env.js';
import { IndexerMetrics } from '../common/indexer-metrics.js';
import { DocumentWriterService } from '../documents/document-writer.service.js';
import { EmbedRequestsService } from '../semantic/embed-requests.service.js';
import { ChangeBatchesRepository } from './change-batches.repository.js';

/** How long an update job holds the changes it took: far longer than a step takes (one RPC round and a write). */
const CLAIM_LEASE_MS = 120_000;

/**
 * One batch of a tenant's changes: closes the batch (later changes open the next one), then claims the pending
 * changes in steps of INDEX_BATCH_SIZE until none is left unclaimed, re-reading each product from the catalog;
 * then, when documents changed, asks for their embeddings (an `indexer.embed` job, never waited for). The express
 * job (`params.express`) claims only the changes flagged for it, and closes no batch.
 */
@Injectable()
@JobHandler(IndexerQueueNames.Light, IndexerJobNames.IndexerUpdate)
export class UpdateJobHandler implements JobHandlerInstance<'indexer.update'> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly batches: ChangeBatchesRepository,
    private readonly writer: DocumentWriterService,
    private readonly metrics: IndexerMetrics,
    private readonly embeds: EmbedRequestsService,
    @Inject(INDEXER_ENV) private readonly env: IndexerEnv,
  ) {}

  async handle(ctx: JobContext): Promise<Outcome<UpdateJobResult>> {
    const tenantId = ctx.job.tenant_id;
    const meta = { tenantId, correlationId: ctx.job.correlation_id ?? ctx.job.id };
    const em = this.dataSource.manager;
    const seq = ctx.job.params.batch;
    const express = ctx.job.params.express === true;
    if (typeof seq === 'string') await this.batches.start(em, tenantId, seq);
    if (express) await this.batches.startExpress(em, tenantId);
    const result: UpdateJobResult = { changes: 0, indexed: 0, removed: 0 };
    Object.assign(ctx.counts, result);
    let total = await this.batches.countPending(em, tenantId, express);
    await ctx.progress(0, total, 'Indexing changed products', true);
    for (;;) {
      ctx.throwIfCancelled();
      const changes = await this.batches.claim(em, tenantId, this.env.INDEX_BATCH_SIZE, CLAIM_LEASE_MS, express);
      if (changes.length === 0) break;
      const counts = await this.writer.refresh(
        meta,
        changes.map((c) => c.product_id),
        'update',
      );
      await this.batches.done(em, tenantId, changes);
      await this.batches.addTaken(em, tenantId, changes.length);
      const now = Date.now();
      for (const c of changes) this.metrics.indexLag.observe((now - c.first_changed_at.getTime()) / 1000);
      result.changes += changes.length;
      result.indexed += counts.indexed;
      result.removed += counts.removed;
      Object.assign(ctx.counts, result);
      total = Math.max(total, result.changes);
      await ctx.progress(result.changes, total, 'Indexing changed products');
    }
    // after the documents are written and searchable: the embeddings follow on their own queue
    if (result.indexed + result.removed > 0) await this.embeds.request(meta, 'update');
    return {
      status: 'completed',
      counts: { ...result },
      result,
      message: `${result.changes} changed product${result.changes === 1 ? '' : 's'}: ${result.indexed} indexed, ${result.removed} removed`,
    };
  }
}
