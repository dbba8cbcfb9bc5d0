import { describe, expect, it } from '@jest/globals';
import { JobCancelledError, JobContext, MetricsService, type JobRecord } from '@torque/platform';
import type { DataSource } from 'typeorm';
import type { GeneratedMetadata, MetadataGenerator, MetadataInput } from './engine/metadata-generator.js';
import { GenerateMetadataJobHandler } from './generate.job-handler.js';
import { MetadataEngineEnv } from './engine/metadata-engine-env.js';
import { MetadataMetrics } from './metadata-metrics.js';
import type { GeneratedRow, MetadataRepository, MetadataRow } from './metadata.repository.js';
import type { MetadataService, SubjectText } from './metadata.service.js';

/** Answers tags with noise for the handler to normalize; rejects when `fail` is set; `hold` waits for an abort. */
class FakeGenerator implements MetadataGenerator {
  readonly inputs: MetadataInput[] = [];
  fail = false;
  hold = false;

  async generate(input: MetadataInput, signal?: AbortSignal): Promise<GeneratedMetadata> {
    this.inputs.push(input);
    if (this.hold)
      await new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    if (this.fail) throw new Error('every provider failed');
    return {
      summary: `  A   summary of ${input.title} `,
      tags: ['Brakes', 'brakes ', 'Front  Axle', 'pads'],
      provider: 'openai',
      model: 'gpt-4o-mini',
      tokens: { prompt: 120, completion: 30 },
    };
  }
}

const TEXT: SubjectText = { title: 'Brake guide', content: 'x'.repeat(5000), hash: 'h1' };

function setup(opts: {
  stored?: Partial<MetadataRow> | null;
  params?: Record<string, unknown>;
  text?: SubjectText | null;
  held?: boolean;
}) {
  const generator = new FakeGenerator();
  const saved: { row: GeneratedRow; replaceEdits: boolean }[] = [];
  const reindexed: number[] = [];
  const repo = {
    get: async () => (opts.stored === undefined || opts.stored === null ? null : (opts.stored as MetadataRow)),
    saveGenerated: async (_em: unknown, _t: string, _s: string, _id: string, row: GeneratedRow, replace: boolean) => {
      saved.push({ row, replaceEdits: replace });
      return {} as MetadataRow;
    },
  } as unknown as MetadataRepository;
  const service = {
    subjectText: async () => (opts.text === undefined ? TEXT : opts.text),
    holdSubject: async () => opts.held ?? true,
    reindexProduct: async (_meta: unknown, id: number) => {
      reindexed.push(id);
    },
  } as unknown as MetadataService;
  const metricsService = new MetricsService();
  const metrics = new MetadataMetrics(metricsService);
  const env = Object.assign(new MetadataEngineEnv(), { METADATA_MAX_CONTENT_CHARS: 4000 });
  const dataSource = { manager: {}, transaction: (fn: (em: unknown) => Promise<unknown>) => fn({}) };
  const handler = new GenerateMetadataJobHandler(
    dataSource as unknown as DataSource,
    repo,
    service,
    metrics,
    generator,
    env,
  );
  const job = {
    id: 'job-1',
    tenant_id: 'acme',
    correlation_id: 'c',
    counts: {},
    params: { subject: 'project', subject_id: 'p1', force: false, replace_edits: false, ...opts.params },
  } as unknown as JobRecord;
  const abort = new AbortController();
  const ctx = new JobContext(job, abort.signal, { progress: async () => job });
  return { generator, saved, reindexed, handler, ctx, abort, registry: metricsService.registry };
}

describe('GenerateMetadataJobHandler', () => {
  it('generates from the first METADATA_MAX_CONTENT_CHARS characters and stores normalized tags', async () => {
    const { generator, saved, handler, ctx, registry } = setup({});
    const outcome = await handler.handle(ctx);
    expect(generator.inputs).toEqual([{ title: 'Brake guide', content: 'x'.repeat(4000) }]);
    expect(saved).toEqual([
      {
        row: {
          summary: 'A summary of Brake guide',
          tags: ['brakes', 'front axle', 'pads'],
          provider: 'openai',
          model: 'gpt-4o-mini',
          content_hash: 'h1',
          content_chars: 5000,
          tokens_prompt: 120,
          tokens_completion: 30,
        },
        replaceEdits: false,
      },
    ]);
    expect(outcome.result).toEqual({
      outcome: 'generated',
      provider: 'openai',
      model: 'gpt-4o-mini',
      tags: 3,
      tokens: 150,
    });
    const text = await registry.metrics();
    expect(text).toMatch(/project_meta_generated_total\{status="success",provider="openai"\} 1/);
    expect(text).toMatch(/project_meta_content_length_chars_sum 5000/);
    expect(text).toMatch(/project_meta_tags_count_sum 3/);
    expect(text).toMatch(/project_meta_generation_in_progress 0/);
  });

  it('does not generate again for unchanged content unless forced', async () => {
    const unchanged = setup({ stored: { content_hash: 'h1' } });
    expect((await unchanged.handler.handle(unchanged.ctx)).result).toMatchObject({ outcome: 'unchanged' });
    expect(unchanged.generator.inputs).toHaveLength(0);
    expect(unchanged.saved).toHaveLength(0);

    const forced = setup({ stored: { content_hash: 'h1' }, params: { force: true, replace_edits: true } });
    expect((await forced.handler.handle(forced.ctx)).result).toMatchObject({ outcome: 'generated' });
    expect(forced.saved.map((s) => s.replaceEdits)).toEqual([true]);

    const changed = setup({ stored: { content_hash: 'h0' } });
    expect((await changed.handler.handle(changed.ctx)).result).toMatchObject({ outcome: 'generated' });
  });

  it('records nothing for a subject that is gone (or deleted during the call), and re-indexes a product it wrote', async () => {
    const gone = setup({ text: null });
    expect((await gone.handler.handle(gone.ctx)).result).toMatchObject({ outcome: 'gone' });
    expect(gone.generator.inputs).toHaveLength(0);

    const deleted = setup({ held: false });
    expect((await deleted.handler.handle(deleted.ctx)).result).toMatchObject({ outcome: 'gone' });
    expect(deleted.generator.inputs).toHaveLength(1);
    expect(deleted.saved).toHaveLength(0);

    const product = setup({ params: { subject: 'product', subject_id: '42' } });
    await product.handler.handle(product.ctx);
    expect(product.reindexed).toEqual([42]);
  });

  it('counts a failure by provider none and throws for Bull to retry', async () => {
    const { generator, handler, ctx, saved, registry } = setup({});
    generator.fail = true;
    await expect(handler.handle(ctx)).rejects.toThrow('every provider failed');
    expect(saved).toHaveLength(0);
    const text = await registry.metrics();
    expect(text).toMatch(/project_meta_generated_total\{status="failure",provider="none"\} 1/);
    expect(text).toMatch(/project_meta_generation_in_progress 0/);
  });

  it('ends cancelled, not failed, when the job was cancelled during the call', async () => {
    const { generator, handler, ctx, abort, registry } = setup({});
    generator.hold = true;
    const started = handler.handle(ctx);
    while (generator.inputs.length === 0) await new Promise((r) => setImmediate(r));
    abort.abort();
    await expect(started).rejects.toBeInstanceOf(JobCancelledError);
    expect(await registry.metrics()).not.toMatch(/project_meta_generated_total\{status="failure"/);
  });
});
