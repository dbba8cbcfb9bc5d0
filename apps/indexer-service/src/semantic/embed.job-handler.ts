import { Inject, Injectable, Optional } from '@nestjs/common';
import { IndexerJobNames, IndexerQueueNames, type EmbedJobResult } from '@torque/contracts';
import { JobContext, JobHandler, type JobHandlerInstance, type Outcome } from '@torque/platform';
import { DataSource } from 'typeorm';
import { INDEXER_ENV, type IndexerEnv } from '../common/indexer-env.js';
import { DocumentsRepository } from '../documents/documents.repository.js';
import { planEmbeddings } from '../embeddings/embedding-reuse.js';
import { EMBEDDER, type Embedder } from '../embeddings/embedder.js';
import { EmbeddingsRepository } from '../embeddings/embeddings.repository.js';
import { EmbeddingsService } from '../embeddings/embeddings.service.js';
import { toEmbeddingDoc } from './embedding-text.js';
import { EmbedRepository } from './embed.repository.js';

/** A job passes over the documents at most this often (changes keep coming: the next request picks them up). */
const MAX_PASSES = 5;
/**
 * A pass that embedded nothing is the last one unless a document was written since it started, less this margin
 * (`indexed_at` is the time its transaction started, a little before it committed).
 */
const WRITE_MARGIN_MS = 1000;

/**
 * Embeds the tenant's documents of the active generation whose text (its hash) has no vector of the configured
 * model yet, model batch by model batch (each stored when embedded, so a cancelled or failed job keeps what it
 * did), and removes the vectors of products no longer indexed. Documents written while it runs join the job
 * (their requests found it running): it passes over the documents again until a pass embeds nothing and no
 * document was written since that pass started. (A write between that last check and the job's end, a few
 * milliseconds, waits for the next request: the next change, rebuild or audit.)
 * With EMBEDDINGS_PROVIDER `none` nothing submits it; one that was queued before completes with nothing done.
 */
@Injectable()
@JobHandler(IndexerQueueNames.Embed, IndexerJobNames.IndexerEmbed)
export class EmbedJobHandler implements JobHandlerInstance<'indexer.embed'> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly docs: DocumentsRepository,
    private readonly repo: EmbedRepository,
    @Inject(INDEXER_ENV) private readonly env: IndexerEnv,
    @Optional() private readonly embeddings?: EmbeddingsService,
    @Optional() private readonly vectors?: EmbeddingsRepository,
    @Optional() @Inject(EMBEDDER) private readonly embedder?: Embedder,
  ) {}

  async handle(ctx: JobContext): Promise<Outcome<EmbedJobResult>> {
    const result: EmbedJobResult = { passes: 0, documents: 0, embedded: 0, removed: 0, obsolete: 0 };
    Object.assign(ctx.counts, result);
    const { embeddings, vectors, embedder } = this;
    if (!embeddings || !vectors || !embedder)
      return { status: 'completed', counts: { ...result }, result, message: 'Semantic search is off' };
    const tenantId = ctx.job.tenant_id;
    const em = this.dataSource.manager;
    const step = this.env.INDEX_BATCH_SIZE;
    while (result.passes < MAX_PASSES) {
      ctx.throwIfCancelled();
      result.passes++;
      // read again each pass: a rebuild may have swapped generations meanwhile
      const passStarted = await this.repo.now(em);
      const { active_generation: generation } = await this.docs.state(em, tenantId);
      const total = await this.docs.countDocuments(em, tenantId, generation);
      const message = `Embedding documents (pass ${result.passes})`;
      await ctx.progress(0, total, message, true);
      let embeddedThisPass = 0;
      let read = 0;
      for (let afterId = 0; ;) {
        ctx.throwIfCancelled();
        const page = (await this.repo.page(em, tenantId, generation, afterId, step)).map(toEmbeddingDoc);
        if (page.length === 0) break;
        afterId = page[page.length - 1].productId;
        const stored = await vectors.storedHashes(
          em,
          tenantId,
          embedder.model,
          page.map((d) => d.productId),
        );
        const { toEmbed } = planEmbeddings(page, stored);
        for (let i = 0; i < toEmbed.length; i += embedder.batchSize) {
          ctx.throwIfCancelled();
          const outcome = await embeddings.ensure(tenantId, toEmbed.slice(i, i + embedder.batchSize));
          embeddedThisPass += outcome.embedded;
          result.embedded += outcome.embedded;
          ctx.counts.embedded = result.embedded;
          await ctx.progress(read + Math.min(i + embedder.batchSize, toEmbed.length), Math.max(total, read), message);
        }
        read += page.length;
        result.documents += page.length;
        Object.assign(ctx.counts, result);
        await ctx.progress(read, Math.max(total, read), message);
      }
      for (;;) {
        ctx.throwIfCancelled();
        const gone = await this.repo.orphans(em, tenantId, generation, step);
        if (gone.length === 0) break;
        const removed = await embeddings.remove(tenantId, gone);
        result.removed += removed;
        ctx.counts.removed = result.removed;
        if (removed === 0) break;
      }
      if (embeddedThisPass > 0) continue;
      const lastWrite = await this.repo.lastIndexedAt(em, tenantId, generation);
      if (!lastWrite || lastWrite.getTime() < passStarted.getTime() - WRITE_MARGIN_MS) break;
    }
    // every document has a vector of this model now: those of a model the tenant no longer uses can go (a
    // replica still on the old model searches lexical only from here on)
    result.obsolete = await vectors.deleteOtherModels(em, tenantId, embedder.model);
    Object.assign(ctx.counts, result);
    return {
      status: 'completed',
      counts: { ...result },
      result,
      message: `${result.embedded} document${result.embedded === 1 ? '' : 's'} embedded, ${result.removed} removed, ${result.obsolete} of other models removed (${result.documents} read in ${result.passes} pass${result.passes === 1 ? '' : 'es'})`,
    };
  }
}
