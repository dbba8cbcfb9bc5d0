import { Inject, Injectable } from '@nestjs/common';
import { IndexerJobNames, IndexerQueueNames, isMetadataSubject, type MetadataJobResult } from '@torque/contracts';
import { JobContext, JobHandler, PermanentJobError, type JobHandlerInstance, type Outcome } from '@torque/platform';
import { DataSource } from 'typeorm';
import { METADATA_ENGINE_ENV, truncateMetadataContent, type MetadataEngineEnv } from './engine/metadata-engine-env.js';
import { METADATA_GENERATOR, type GeneratedMetadata, type MetadataGenerator } from './engine/metadata-generator.js';
import { MetadataMetrics } from './metadata-metrics.js';
import { normalizeSummary, normalizeTags } from './metadata-text.js';
import { MetadataRepository } from './metadata.repository.js';
import { MetadataService } from './metadata.service.js';

/**
 * Generates the summary and tags of one project or product. Unchanged content (same hash as the stored
 * metadata) is not generated again unless the job was forced; a person's edits are never overwritten unless the
 * job says to replace them (the generation is stored beside them as the suggestion). A generator failure (every
 * provider failed) is thrown, so Bull tries again (METADATA_JOB_ATTEMPTS).
 */
@Injectable()
@JobHandler(IndexerQueueNames.Metadata, IndexerJobNames.IndexerMetadataGenerate)
export class GenerateMetadataJobHandler implements JobHandlerInstance<'indexer.metadata.generate'> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: MetadataRepository,
    private readonly metadata: MetadataService,
    private readonly metrics: MetadataMetrics,
    @Inject(METADATA_GENERATOR) private readonly generator: MetadataGenerator,
    @Inject(METADATA_ENGINE_ENV) private readonly engineEnv: MetadataEngineEnv,
  ) {}

  async handle(ctx: JobContext): Promise<Outcome<MetadataJobResult>> {
    const { subject, subject_id: id, force, replace_edits: replaceEdits } = ctx.job.params;
    if (!isMetadataSubject(subject) || typeof id !== 'string')
      throw new PermanentJobError('invalid_params', 'The job names no project or product');
    const tenantId = ctx.job.tenant_id;
    const nothing = { provider: null, model: null, tags: 0, tokens: 0 };
    const text = await this.metadata.subjectText(tenantId, subject, id);
    if (!text)
      return { status: 'completed', result: { outcome: 'gone', ...nothing }, message: `The ${subject} is gone` };
    const existing = await this.repo.get(this.dataSource.manager, tenantId, subject, id);
    if (force !== true && existing?.content_hash === text.hash)
      return {
        status: 'completed',
        result: { outcome: 'unchanged', ...nothing },
        message: 'Content unchanged since the last generation',
      };
    ctx.throwIfCancelled();

    const generated = await this.run(ctx, text.title, text.content);
    const tags = normalizeTags(generated.tags);
    const summary = normalizeSummary(generated.summary);
    const row = {
      summary,
      tags,
      provider: generated.provider,
      model: generated.model,
      content_hash: text.hash,
      content_chars: text.content.length,
      tokens_prompt: generated.tokens.prompt,
      tokens_completion: generated.tokens.completion,
    };
    const stored = await this.dataSource.transaction(async (em) => {
      if (!(await this.metadata.holdSubject(em, tenantId, subject, id))) return false;
      await this.repo.saveGenerated(em, tenantId, subject, id, row, replaceEdits === true);
      return true;
    });
    if (!stored)
      return {
        status: 'completed',
        result: { outcome: 'gone', ...nothing },
        message: `The ${subject} was deleted while its metadata was generated`,
      };
    this.metrics.tagsCount.observe(tags.length);
    this.metrics.summaryLength.observe(summary.length);
    if (subject === 'product')
      await this.metadata.reindexProduct({ tenantId, correlationId: ctx.job.correlation_id ?? ctx.job.id }, Number(id));
    const tokens = generated.tokens.prompt + generated.tokens.completion;
    ctx.counts.tags = tags.length;
    ctx.counts.tokens = tokens;
    return {
      status: 'completed',
      counts: { ...ctx.counts },
      result: { outcome: 'generated', provider: generated.provider, model: generated.model, tags: tags.length, tokens },
      message: `${tags.length} tags by ${generated.provider} (${generated.model})`,
    };
  }

  /** One generator call, measured: in progress, duration, content length, and its outcome by provider. */
  private async run(ctx: JobContext, title: string, content: string): Promise<GeneratedMetadata> {
    this.metrics.contentLength.observe(content.length);
    this.metrics.inProgress.inc();
    const stop = this.metrics.duration.startTimer();
    try {
      const input = { title, content: truncateMetadataContent(content, this.engineEnv.METADATA_MAX_CONTENT_CHARS) };
      const generated = await this.generator.generate(input, ctx.signal);
      this.metrics.generated.inc({ status: 'success', provider: generated.provider });
      return generated;
    } catch (err) {
      ctx.throwIfCancelled();
      this.metrics.generated.inc({ status: 'failure', provider: 'none' });
      throw err;
    } finally {
      stop();
      this.metrics.inProgress.dec();
    }
  }
}
