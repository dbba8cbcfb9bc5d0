import { Inject, Injectable, Logger } from '@nestjs/common';
import { IndexerJobNames, IndexerQueueNames, type RebuildJobResult } from '@torque/contracts';
import { JobContext, JobHandler, PermanentJobError, type JobHandlerInstance, type Outcome } from '@torque/platform';
import { DataSource } from 'typeorm';
import { INDEXER_ENV, type IndexerEnv } from '../common/indexer-env.js';
import { IndexerMetrics } from '../common/indexer-metrics.js';
import { CatalogSourceService } from '../documents/catalog-source.service.js';
import { DocumentWriterService } from '../documents/document-writer.service.js';
import { DocumentsRepository } from '../documents/documents.repository.js';
import { EmbedRequestsService } from '../semantic/embed-requests.service.js';
import { IndexAdminService } from './index-admin.service.js';

/** Rows deleted per statement when an old or abandoned generation goes. */
const DELETE_BATCH = 5000;

/**
 * A full rebuild of the tenant's index: pages through the catalog over RPC into a new generation, which
 * changes made meanwhile also reach (their writes go to every live generation), then makes it active in one
 * write and deletes the previous one. Searches read the active generation throughout, so they neither fail nor
 * come back empty. A rebuild that fails or is cancelled gives its generation up.
 */
@Injectable()
@JobHandler(IndexerQueueNames.Heavy, IndexerJobNames.IndexerRebuild)
export class RebuildJobHandler implements JobHandlerInstance<'indexer.rebuild'> {
  private readonly logger = new Logger(RebuildJobHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly docs: DocumentsRepository,
    private readonly source: CatalogSourceService,
    private readonly writer: DocumentWriterService,
    private readonly admin: IndexAdminService,
    private readonly metrics: IndexerMetrics,
    private readonly embeds: EmbedRequestsService,
    @Inject(INDEXER_ENV) private readonly env: IndexerEnv,
  ) {}

  async handle(ctx: JobContext): Promise<Outcome<RebuildJobResult>> {
    const started = Date.now();
    const tenantId = ctx.job.tenant_id;
    const meta = { tenantId, correlationId: ctx.job.correlation_id ?? ctx.job.id };
    const { generation, abandoned } = await this.dataSource.transaction(async (em) => {
      const state = await this.docs.state(em, tenantId, { forUpdate: true });
      const next = Math.max(state.active_generation, state.building_generation ?? 0) + 1;
      await this.docs.startBuilding(em, tenantId, next, ctx.job.id);
      return { generation: next, abandoned: state.building_generation, previous: state.active_generation };
    });
    if (abandoned !== null) await this.dropGeneration(tenantId, abandoned);

    const result: RebuildJobResult = { generation, documents: 0, unchanged: 0 };
    ctx.counts.documents = 0;
    ctx.counts.unchanged = 0;
    let active: number;
    let total: number;
    try {
      total = await this.source.count(meta);
      await ctx.progress(0, total, `Building index generation ${generation}`, true);
      let afterId = 0;
      for (;;) {
        ctx.throwIfCancelled();
        const fetchedAt = new Date();
        const page = await this.source.scan(meta, afterId, this.env.INDEX_BATCH_SIZE);
        if (page.products.length > 0) {
          await this.writer.index(meta, page.products, [], fetchedAt, generation, 'rebuild');
          const ids = page.products.map((p) => p.id);
          const state = await this.docs.state(this.dataSource.manager, tenantId);
          result.documents += ids.length;
          result.unchanged += await this.docs.sameContent(
            this.dataSource.manager,
            tenantId,
            generation,
            state.active_generation,
            ids,
          );
          ctx.counts.documents = result.documents;
          ctx.counts.unchanged = result.unchanged;
          await ctx.progress(result.documents, Math.max(total, result.documents), 'Indexing the catalog');
        }
        if (page.next_after_id === null) break;
        afterId = page.next_after_id;
      }
      ctx.throwIfCancelled();
      active = await this.dataSource.transaction(async (em) => {
        const state = await this.docs.state(em, tenantId, { forUpdate: true });
        if (state.building_generation !== generation)
          throw new PermanentJobError('superseded', `Another rebuild took generation ${generation} over`);
        await this.docs.activate(em, tenantId, generation);
        return state.active_generation;
      });
    } catch (err) {
      await this.dataSource.transaction((em) => this.docs.abandon(em, tenantId, generation));
      await this.dropGeneration(tenantId, generation).catch((e) =>
        this.logger.warn(`could not drop generation ${generation}: ${(e as Error).message}`),
      );
      throw err;
    }
    await ctx.progress(result.documents, Math.max(total, result.documents), 'Deleting the previous generation', true);
    await this.dropGeneration(tenantId, active);
    await this.docs.vacuum(this.dataSource.manager);
    this.metrics.rebuildDuration.observe((Date.now() - started) / 1000);
    // documents whose content changed may need new embeddings (unchanged ones keep theirs)
    if (result.documents > result.unchanged) await this.embeds.request(meta, 'rebuild');
    if (ctx.job.params.then_audit === true) await this.admin.audit(meta, 'nightly');
    return {
      status: 'completed',
      counts: { ...ctx.counts },
      result,
      message: `Index generation ${generation} active: ${result.documents} documents, ${result.unchanged} unchanged`,
    };
  }

  private async dropGeneration(tenantId: string, generation: number): Promise<void> {
    while ((await this.docs.deleteGeneration(this.dataSource.manager, tenantId, generation, DELETE_BATCH)) > 0);
  }
}
