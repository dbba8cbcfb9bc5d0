import { Inject, Injectable } from '@nestjs/common';
import { IndexerJobNames, IndexerQueueNames, VERSIONS_MAX_IDS, type AuditJobResult } from '@torque/contracts';
import { JobContext, JobHandler, type JobHandlerInstance, type Outcome } from '@torque/platform';
import { DataSource } from 'typeorm';
import { INDEXER_ENV, type IndexerEnv } from '../common/indexer-env.js';
import { IndexerMetrics } from '../common/indexer-metrics.js';
import { CatalogSourceService } from '../documents/catalog-source.service.js';
import { DocumentWriterService } from '../documents/document-writer.service.js';
import { DocumentsRepository } from '../documents/documents.repository.js';
import { EmbedRequestsService } from '../semantic/embed-requests.service.js';

/**
 * The drift audit: pages through the catalog's product ids and versions and compares them with the active
 * generation. Products missing from the index or indexed at an older version are re-indexed; documents of ids
 * the catalog page does not list are checked with get-many (a product created meanwhile is indexed, not
 * removed) and removed when the catalog no longer has them.
 */
@Injectable()
@JobHandler(IndexerQueueNames.Heavy, IndexerJobNames.IndexerAudit)
export class AuditJobHandler implements JobHandlerInstance<'indexer.audit'> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly docs: DocumentsRepository,
    private readonly source: CatalogSourceService,
    private readonly writer: DocumentWriterService,
    private readonly metrics: IndexerMetrics,
    private readonly embeds: EmbedRequestsService,
    @Inject(INDEXER_ENV) private readonly env: IndexerEnv,
  ) {}

  async handle(ctx: JobContext): Promise<Outcome<AuditJobResult>> {
    const tenantId = ctx.job.tenant_id;
    const meta = { tenantId, correlationId: ctx.job.correlation_id ?? ctx.job.id };
    const em = this.dataSource.manager;
    const { active_generation: generation } = await this.docs.state(em, tenantId);
    const result: AuditJobResult = {
      catalog_products: 0,
      index_documents: await this.docs.countDocuments(em, tenantId, generation),
      missing: 0,
      stale: 0,
      orphaned: 0,
      repaired: 0,
    };
    const total = await this.source.count(meta);
    await ctx.progress(0, total, 'Comparing the catalog with the index', true);
    let afterId = 0;
    for (;;) {
      ctx.throwIfCancelled();
      const page = await this.source.versions(meta, afterId, VERSIONS_MAX_IDS);
      const ids = page.items.map((i) => i.id);
      const indexed = await this.docs.versionsOf(em, tenantId, generation, ids);
      const repair: number[] = [];
      for (const item of page.items) {
        const version = indexed.get(item.id);
        if (version === undefined) {
          result.missing++;
          repair.push(item.id);
        } else if (version.getTime() < new Date(item.updated_at).getTime()) {
          result.stale++;
          repair.push(item.id);
        }
      }
      const upTo = page.next_after_id === null ? null : ids[ids.length - 1];
      const unlisted = await this.docs.idsNotIn(em, tenantId, generation, afterId, upTo, ids);
      for (let i = 0; i < repair.length; i += this.env.INDEX_BATCH_SIZE) {
        ctx.throwIfCancelled();
        const counts = await this.writer.refresh(meta, repair.slice(i, i + this.env.INDEX_BATCH_SIZE), 'audit');
        result.repaired += counts.indexed + counts.unchanged + counts.removed;
      }
      for (let i = 0; i < unlisted.length; i += this.env.INDEX_BATCH_SIZE) {
        ctx.throwIfCancelled();
        const counts = await this.writer.refresh(meta, unlisted.slice(i, i + this.env.INDEX_BATCH_SIZE), 'audit');
        result.orphaned += counts.removed;
        result.repaired += counts.removed;
      }
      result.catalog_products += ids.length;
      Object.assign(ctx.counts, result);
      await ctx.progress(
        result.catalog_products,
        Math.max(total, result.catalog_products),
        'Comparing the catalog with the index',
      );
      if (page.next_after_id === null) break;
      afterId = page.next_after_id;
    }
    this.metrics.driftFound.inc({ kind: 'missing' }, result.missing);
    this.metrics.driftFound.inc({ kind: 'stale' }, result.stale);
    this.metrics.driftFound.inc({ kind: 'orphaned' }, result.orphaned);
    if (result.repaired > 0) await this.embeds.request(meta, 'audit');
    return {
      status: 'completed',
      counts: { ...result },
      result,
      message: `Drift: ${result.missing} missing, ${result.stale} stale, ${result.orphaned} orphaned; ${result.repaired} repaired`,
    };
  }
}
