// Projects and their smart metadata (seed 003) through the gateway: CRUD, the seed's generate_metadata path
// (existing metadata of unchanged content answered without a job, a forced run followed to completed, cancel),
// a person's edits kept over nightly and forced runs, the nightly run (batches, stale content only, old drafts
// left out), the weekly clean-up, product metadata whose tags search finds, the seed's metrics on /metrics, bad
// input and tenant isolation. The generator is a fake.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  ErrorEnvelopeDto,
  GenerateMetadataAcceptedDto,
  JobViewDto,
  MetadataDto,
  ProductDto,
  ProjectDto,
  ProjectPageDto,
  SearchResultDto,
} from '@torque/contracts';
import { createServiceApp, loadEnv, ServiceEnv, startServiceApp } from '@torque/platform';
import Bull from 'bull';
import pg from 'pg';
import { IndexerModule } from '../../apps/indexer-service/src/indexer.module.js';
import { truncateMetadataContent } from '../../apps/indexer-service/src/metadata/engine/metadata-engine-env.js';
import { MetadataCleanupTrigger } from '../../apps/indexer-service/src/metadata/metadata-cleanup.trigger.js';
import { NightlyMetadataTrigger } from '../../apps/indexer-service/src/metadata/nightly-metadata.trigger.js';
import { FakeMetadataGenerator, FakeMetadataGeneratorModule } from '../support/fake-metadata-generator.js';
import { TEST_REDIS_URL } from '../support/servers.js';
import { SseClient } from '../support/sse-client.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const PROJECTS = '/api/v1/projects';
const generatePath = (id: string, query = '', slash = '') => `/api/projects/${id}/generate_metadata${slash}${query}`;

describe('projects and their metadata', () => {
  let suite: Suite;
  let db: pg.Client;
  const fake = new FakeMetadataGenerator();
  const indexers: NestFastifyApplication[] = [];

  /** An indexer with the fake generator (the suite's would get the metadata engine). */
  async function indexer(vars: Record<string, string> = {}): Promise<NestFastifyApplication> {
    const source = { ...suite.baseEnv, ...vars };
    const env = loadEnv(ServiceEnv, source);
    const module = IndexerModule.forRoot(env, source, {
      metadataGenerator: FakeMetadataGeneratorModule.forRoot(fake, source),
    });
    const app = await createServiceApp('indexer', env, module);
    await startServiceApp(app, env);
    indexers.push(app);
    return app;
  }

  const json = async <T>(res: Response, status: number): Promise<T> => {
    const body = await res.text();
    expect({ status: res.status, body }).toEqual({ status, body: expect.any(String) });
    return JSON.parse(body) as T;
  };
  const createProject = async (body: Record<string, unknown>, tenant = 'acme') =>
    json<ProjectDto>(await suite.http(PROJECTS, { method: 'POST', json: body, tenant }), 201);
  const generate = (id: string, query = '', tenant = 'acme', slash = '') =>
    suite.http(generatePath(id, query, slash), { method: 'POST', tenant });
  const job = async (id: string, tenant = 'acme') =>
    json<JobViewDto>(await suite.http(`/api/v1/jobs/${id}`, { tenant }), 200);
  const ended = (id: string, tenant = 'acme', timeoutMs = 20_000) =>
    eventually(async () => {
      const view = await job(id, tenant);
      return ['completed', 'failed', 'cancelled'].includes(view.status) ? view : null;
    }, timeoutMs);
  const metadataOf = async (id: string, tenant = 'acme') =>
    json<MetadataDto>(await suite.http(`${PROJECTS}/${id}/metadata`, { tenant }), 200);
  const generationJobs = async (tenant: string) =>
    (
      await db.query(`SELECT id, status, params FROM indexer.jobs WHERE tenant_id = $1 AND type = $2`, [
        tenant,
        'indexer.metadata.generate',
      ])
    ).rows as { id: string; status: string; params: Record<string, unknown> }[];
  /** Waits until no generation of any tenant is queued or running. */
  const idle = () =>
    eventually(async () => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM indexer.jobs WHERE type = 'indexer.metadata.generate' AND status IN ('queued', 'processing')`,
      );
      return rows[0].n === 0;
    }, 30_000);
  /** Generates (forced) and waits for the job to complete. */
  const generated = async (id: string, query = '?force=true', tenant = 'acme') => {
    const accepted = await json<GenerateMetadataAcceptedDto>(await generate(id, query, tenant), 202);
    expect((await ended(accepted.task_id!, tenant)).status).toBe('completed');
    return metadataOf(id, tenant);
  };

  beforeAll(async () => {
    suite = await startSuite({
      // the jobs API asks every service for a job id
      services: ['ingestion', 'fitment', 'media'],
      env: {
        // the limit itself is metadata-rate-limit.e2e.spec.ts's (two worker processes)
        METADATA_RATE_LIMIT: '20',
        METADATA_RATE_WINDOW_MS: '1000',
        METADATA_NIGHTLY_BATCH_SIZE: '2',
        METADATA_DRAFT_RETENTION_DAYS: '30',
        METADATA_JOB_RETRY_DELAY_MS: '100',
        METADATA_MAX_CONTENT_CHARS: '200',
      },
    });
    suite.services.set('indexer', await indexer());
    db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
  });

  afterAll(async () => {
    for (const title of ['hold: slow model', 'hold: deleted meanwhile']) fake.release(title);
    await db?.end();
    for (const app of indexers.reverse()) await app.close().catch(() => undefined);
    suite?.services.delete('indexer');
    await suite?.close();
  });

  it('creates, reads, lists, changes and deletes projects', async () => {
    const p = await createProject({ title: 'Brake guide', content: 'Pads and rotors.' });
    expect(p).toMatchObject({ title: 'Brake guide', content: 'Pads and rotors.', status: 'draft' });
    expect(p.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await json<ProjectDto>(await suite.http(`${PROJECTS}/${p.id}`), 200)).toEqual(p);

    const published = await createProject({ title: 'Oil guide', content: 'Change it.', status: 'published' });
    const all = await json<ProjectPageDto>(await suite.http(`${PROJECTS}?limit=100`), 200);
    expect(all.data.map((x) => x.id)).toEqual(expect.arrayContaining([p.id, published.id]));
    const pubs = await json<ProjectPageDto>(await suite.http(`${PROJECTS}?status=published&limit=100`), 200);
    expect(pubs.data.map((x) => x.id)).toContain(published.id);
    expect(pubs.data.map((x) => x.id)).not.toContain(p.id);

    const changed = await json<ProjectDto>(
      await suite.http(`${PROJECTS}/${p.id}`, { method: 'PATCH', json: { content: 'Pads, rotors, calipers.' } }),
      200,
    );
    expect(changed).toMatchObject({ title: 'Brake guide', content: 'Pads, rotors, calipers.' });
    expect(changed.content_hash).not.toBe(p.content_hash);
    const retitled = await json<ProjectDto>(
      await suite.http(`${PROJECTS}/${p.id}`, { method: 'PATCH', json: { status: 'published' } }),
      200,
    );
    expect(retitled.content_hash).toBe(changed.content_hash);

    expect((await suite.http(`${PROJECTS}/${p.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await suite.http(`${PROJECTS}/${p.id}`)).status).toBe(404);
    expect((await suite.http(`${PROJECTS}/${p.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('generates on request: a job followed to completed, then the existing metadata without a job', async () => {
    const p = await createProject({ title: 'Wiper blades', content: 'Replace every year. '.repeat(40) });
    const events = await new SseClient().open(`${suite.gatewayUrl}/api/v1/jobs/events`, {
      authorization: `Bearer ${await suite.token()}`,
      'x-tenant-id': 'acme',
    });
    const accepted = await json<GenerateMetadataAcceptedDto>(await generate(p.id), 202);
    expect(accepted).toMatchObject({ status: 'scheduled', metadata: null });
    expect(accepted.job).toMatchObject({ id: accepted.task_id, service: 'indexer', type: 'indexer.metadata.generate' });
    const done = await ended(accepted.task_id!);
    expect(done.status).toBe('completed');
    // the event stream follows it too
    await eventually(async () =>
      events.jobEvents(accepted.task_id!).some((e) => e.event === 'job.state' && e.job.status === 'completed'),
    );
    await events.close();

    const meta = await metadataOf(p.id);
    expect(meta).toMatchObject({
      subject: 'project',
      subject_id: p.id,
      provider: 'local',
      model: 'fake-1',
      content_hash: p.content_hash,
      edited: false,
      suggestion: null,
      tokens_used: { prompt: 0, completion: 0, total: 0 },
    });
    // normalized and deduplicated: `Generated  Tag` once, the marker once
    expect(meta.tags).toEqual(['wiper', 'blades', 'generated tag', 'zymurgy']);
    expect(meta.summary).toMatch(/^About Wiper blades/);
    // the generator reads METADATA_MAX_CONTENT_CHARS (200 here) of the content, cut at a word
    expect(fake.callsFor('Wiper blades').map((c) => c.content)).toEqual([truncateMetadataContent(p.content, 200)]);
    expect(truncateMetadataContent(p.content, 200)).toMatch(/^.{190,200}$/s);

    const jobsBefore = (await generationJobs('acme')).length;
    for (const slash of ['', '/']) {
      const again = await json<GenerateMetadataAcceptedDto>(await generate(p.id, '', 'acme', slash), 200);
      expect(again).toEqual({ status: 'existing', task_id: null, job: null, metadata: meta });
    }
    expect((await generationJobs('acme')).length).toBe(jobsBefore);
    expect(fake.callsFor('Wiper blades')).toHaveLength(1);

    const forced = await json<GenerateMetadataAcceptedDto>(await generate(p.id, '?force=true', 'acme', '/'), 202);
    expect(forced.metadata).toEqual(meta);
    expect((await ended(forced.task_id!)).status).toBe('completed');
    expect(fake.callsFor('Wiper blades')).toHaveLength(2);

    // changed content: generated again without force
    await suite.http(`${PROJECTS}/${p.id}`, { method: 'PATCH', json: { content: 'Replace twice a year.' } });
    const stale = await json<GenerateMetadataAcceptedDto>(await generate(p.id), 202);
    expect((await ended(stale.task_id!)).status).toBe('completed');
    expect((await metadataOf(p.id)).content_hash).not.toBe(p.content_hash);
    expect(fake.callsFor('Wiper blades')).toHaveLength(3);
  });

  it('keeps a person’s edits over forced and nightly runs, unless replace_edits', async () => {
    const p = await createProject({ title: 'Spark plugs', content: 'Gap them right.', status: 'published' });
    await generated(p.id, '');
    const edited = await json<MetadataDto>(
      await suite.http(`${PROJECTS}/${p.id}/metadata`, {
        method: 'PATCH',
        json: { summary: 'Written by a person.', tags: ['Ignition', 'ignition ', 'Spark  Plugs', 'tune up'] },
      }),
      200,
    );
    expect(edited).toMatchObject({
      summary: 'Written by a person.',
      tags: ['ignition', 'spark plugs', 'tune up'],
      edited: true,
      edited_by: 'tester',
      suggestion: { summary: expect.stringMatching(/^About Spark plugs/) },
    });

    const forced = await generated(p.id);
    expect(forced).toMatchObject({ summary: 'Written by a person.', tags: ['ignition', 'spark plugs', 'tune up'] });
    expect(forced.generated_at! > edited.generated_at!).toBe(true);

    await suite.http(`${PROJECTS}/${p.id}`, { method: 'PATCH', json: { content: 'Gap them to 1.1 mm.' } });
    const nightly = suite.services.get('indexer')!.get(NightlyMetadataTrigger);
    await nightly.trigger();
    const run = await eventually(async () =>
      (await generationJobs('acme')).find((j) => j.params.subject_id === p.id && j.params.origin === 'nightly'),
    );
    expect((await ended(run.id)).status).toBe('completed');
    const afterNightly = await metadataOf(p.id);
    expect(afterNightly).toMatchObject({ summary: 'Written by a person.', edited: true });
    expect(afterNightly.suggestion!.summary).toMatch(/Gap them to 1\.1 mm/);

    const replaced = await generated(p.id, '?force=true&replace_edits=true');
    expect(replaced).toMatchObject({ edited: false, suggestion: null, edited_at: null });
    expect(replaced.summary).toMatch(/^About Spark plugs/);
  });

  it('cancels a running generation like any job', async () => {
    const p = await createProject({ title: 'hold: slow model', content: 'x' });
    const accepted = await json<GenerateMetadataAcceptedDto>(await generate(p.id), 202);
    await eventually(async () => fake.isHeld('hold: slow model'));
    const cancel = await suite.http(`/api/v1/jobs/${accepted.task_id}/cancel`, { method: 'POST' });
    expect(cancel.status).toBe(202);
    expect((await ended(accepted.task_id!)).status).toBe('cancelled');
    expect((await suite.http(`${PROJECTS}/${p.id}/metadata`)).status).toBe(404);
    expect((await suite.http(`${PROJECTS}/${p.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('leaves no metadata of a project deleted while its generation ran', async () => {
    const p = await createProject({ title: 'hold: deleted meanwhile', content: 'x' });
    const accepted = await json<GenerateMetadataAcceptedDto>(await generate(p.id), 202);
    await eventually(async () => fake.isHeld('hold: deleted meanwhile'));
    expect((await suite.http(`${PROJECTS}/${p.id}`, { method: 'DELETE' })).status).toBe(204);
    fake.release('hold: deleted meanwhile');
    expect((await ended(accepted.task_id!)).status).toBe('completed');
    const { rows } = await db.query(`SELECT result FROM indexer.jobs WHERE id = $1`, [accepted.task_id]);
    expect(rows[0].result).toMatchObject({ outcome: 'gone' });
    const left = await db.query(`SELECT 1 FROM indexer.metadata WHERE subject_id = $1`, [p.id]);
    expect(left.rows).toEqual([]);
  });

  it('fails a generation whose every provider failed, after its retries', async () => {
    const p = await createProject({ title: 'fail: no provider', content: 'x' });
    const accepted = await json<GenerateMetadataAcceptedDto>(await generate(p.id), 202);
    const done = await ended(accepted.task_id!, 'acme', 30_000);
    expect(done).toMatchObject({ status: 'failed', error: { code: 'job_error' } });
    expect(fake.callsFor('fail: no provider')).toHaveLength(3);
    expect((await suite.http(`${PROJECTS}/${p.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('generates nightly what is missing or stale, in batches, leaving old drafts and fresh metadata alone', async () => {
    const tenant = 'nightly';
    const projects: ProjectDto[] = [];
    for (let i = 0; i < 5; i++)
      projects.push(await createProject({ title: `Night ${i}`, content: `Text ${i}`, status: 'published' }, tenant));
    const oldDraft = await createProject({ title: 'Night old draft', content: 'Old' }, tenant);
    await db.query(`UPDATE indexer.projects SET updated_at = now() - interval '40 days' WHERE id = $1`, [oldDraft.id]);
    const fresh = await createProject({ title: 'Night fresh', content: 'Fresh', status: 'published' }, tenant);
    await generated(fresh.id, '', tenant);

    const nightly = suite.services.get('indexer')!.get(NightlyMetadataTrigger);
    const result = await nightly.trigger();
    expect(result.submitted).toBeGreaterThanOrEqual(5);
    const jobs = await eventually(async () => {
      const all = (await generationJobs(tenant)).filter((j) => j.params.origin === 'nightly');
      return all.length === 5 && all.every((j) => j.status === 'completed') ? all : null;
    }, 30_000);
    expect(jobs.map((j) => j.params.subject_id).sort()).toEqual(projects.map((p) => p.id).sort());
    for (const p of projects) expect((await metadataOf(p.id, tenant)).content_hash).toBe(p.content_hash);
    expect((await suite.http(`${PROJECTS}/${oldDraft.id}/metadata`, { tenant })).status).toBe(404);

    await idle();
    const calls = fake.calls.length;
    expect((await nightly.trigger()).submitted).toBe(0);
    expect(fake.calls.length).toBe(calls);
  });

  it('cleans up weekly: orphaned metadata and unedited metadata of old drafts', async () => {
    const tenant = 'weekly';
    const oldDraft = await createProject({ title: 'Weekly old', content: 'a' }, tenant);
    const oldEdited = await createProject({ title: 'Weekly edited', content: 'b' }, tenant);
    const current = await createProject({ title: 'Weekly current', content: 'c' }, tenant);
    for (const p of [oldDraft, oldEdited, current]) await generated(p.id, '', tenant);
    await suite.http(`${PROJECTS}/${oldEdited.id}/metadata`, {
      method: 'PATCH',
      tenant,
      json: { tags: ['one', 'two', 'three'] },
    });
    await db.query(`UPDATE indexer.projects SET updated_at = now() - interval '40 days' WHERE id = ANY($1)`, [
      [oldDraft.id, oldEdited.id],
    ]);
    await db.query(
      `INSERT INTO indexer.metadata (tenant_id, subject, subject_id, summary, tags)
       VALUES ($1, 'project', '00000000-0000-4000-8000-000000000001', 's', '{a,b,c}'),
              ($1, 'product', '987654321', 's', '{a,b,c}')`,
      [tenant],
    );

    const cleanup = suite.services.get('indexer')!.get(MetadataCleanupTrigger);
    const { jobId } = await cleanup.trigger();
    const done = await ended(jobId, 'system');
    expect(done).toMatchObject({ status: 'completed', tenant: 'system' });
    expect(done.counts).toMatchObject({ orphaned: 2, old_drafts: 1 });
    const left = await db.query(`SELECT subject_id FROM indexer.metadata WHERE tenant_id = $1 ORDER BY 1`, [tenant]);
    expect(left.rows.map((r) => r.subject_id).sort()).toEqual([oldEdited.id, current.id].sort());
  });

  it('generates metadata of catalog products from their search documents, and search finds their tags', async () => {
    const created = await json<ProductDto>(
      await suite.http('/api/v1/catalog/products', {
        method: 'POST',
        json: { part_number: 'MD-100', name: 'Cabin Air Filter', description: 'Traps pollen.', category: 'Filters' },
      }),
      201,
    );
    const search = async (q: string) =>
      json<SearchResultDto>(await suite.http(`/api/v1/search/products?q=${encodeURIComponent(q)}`), 200);
    await eventually(async () => (await search('cabin')).meta.total === 1, 15_000);
    expect((await search('zymurgy')).meta.total).toBe(0);

    const path = `/api/v1/search/products/${created.id}/metadata`;
    const accepted = await json<GenerateMetadataAcceptedDto>(
      await suite.http(`${path}/generate`, { method: 'POST' }),
      202,
    );
    expect((await ended(accepted.task_id!)).status).toBe('completed');
    const meta = await json<MetadataDto>(await suite.http(path), 200);
    expect(meta).toMatchObject({ subject: 'product', subject_id: String(created.id), provider: 'local' });
    expect(meta.tags).toContain('zymurgy');
    expect(fake.callsFor('Cabin Air Filter (MD-100)')[0].content).toMatch(/Traps pollen\.\nFilters/);
    expect((await search('zymurgy')).data.map((h) => h.product_id)).toEqual([created.id]);

    const again = await json<GenerateMetadataAcceptedDto>(
      await suite.http(`${path}/generate`, { method: 'POST' }),
      200,
    );
    expect(again.status).toBe('existing');

    await json<MetadataDto>(
      await suite.http(path, { method: 'PATCH', json: { tags: ['hvac', 'allergy season', 'interior'] } }),
      200,
    );
    await eventually(async () => (await search('allergy')).meta.total === 1);
    expect((await search('zymurgy')).meta.total).toBe(0);
    expect((await suite.http(`/api/v1/search/products/987654321/metadata/generate`, { method: 'POST' })).status).toBe(
      404,
    );
  });

  it('registers the nightly and weekly schedules once, however many api replicas start', async () => {
    const replicas = [
      await indexer({ ROLE: 'api', SCHEDULES_ENABLED: 'true' }),
      await indexer({ ROLE: 'api', SCHEDULES_ENABLED: 'true' }),
    ];
    const heavy = new Bull('indexer.heavy', TEST_REDIS_URL, { prefix: `${suite.ns}:bull` });
    try {
      const schedules = (await heavy.getRepeatableJobs())
        .filter((j) => j.name.startsWith('indexer.metadata'))
        .map((j) => ({ name: j.name, cron: j.cron }))
        .sort((a, b) => a.name.localeCompare(b.name));
      expect(schedules).toEqual([
        { name: 'indexer.metadata-cleanup-schedule', cron: '0 4 * * 0' },
        { name: 'indexer.metadata-nightly-schedule', cron: '0 2 * * *' },
      ]);
    } finally {
      await heavy.close();
      for (const app of replicas) {
        await app.close();
        indexers.splice(indexers.indexOf(app), 1);
      }
    }
  });

  it('serves the seed’s metrics on /metrics', async () => {
    const url = await suite.services.get('indexer')!.getUrl();
    const text = await (await fetch(`${url.replace('[::1]', '127.0.0.1')}/metrics`)).text();
    expect(text).toMatch(/^project_meta_generated_total\{status="success",provider="local"\} [1-9]/m);
    expect(text).toMatch(/^project_meta_generated_total\{status="failure",provider="none"\} [1-9]/m);
    expect(text).toMatch(/^project_meta_generation_in_progress 0$/m);
    expect(text).toMatch(/^project_meta_generation_duration_seconds_count [1-9]/m);
    expect(text).toMatch(/^project_meta_content_length_chars_count [1-9]/m);
    expect(text).toMatch(/^project_meta_tags_count_bucket\{le="4"\} [1-9]/m);
    expect(text).toMatch(/^project_meta_summary_length_chars_count [1-9]/m);
    expect(text).not.toMatch(/project_meta_[a-z_]+\{[^}]*(project|tenant|id)=/);
  });

  it('refuses bad input naming the field', async () => {
    const p = await createProject({ title: 'Valid', content: 'ok' });
    const error = async (res: Response, status: number) => json<ErrorEnvelopeDto>(res, status);
    const unknown = '00000000-0000-4000-8000-00000000abcd';

    expect((await error(await generate(unknown), 404)).error).toBe('not_found');
    expect((await error(await suite.http(`${PROJECTS}/${unknown}`), 404)).error).toBe('not_found');
    expect((await error(await suite.http(`${PROJECTS}/${unknown}/metadata`), 404)).error).toBe('not_found');
    expect((await error(await generate('not-a-uuid'), 400)).details).toHaveProperty('project_id');
    expect((await error(await generate(p.id, '?force=maybe'), 400)).details).toHaveProperty('force');
    expect((await error(await generate(p.id, '?replace_edits=true'), 400)).details).toHaveProperty('replace_edits');
    expect((await error(await generate(p.id, '?nope=1'), 400)).details).toHaveProperty('nope');

    const post = (body: unknown) => suite.http(PROJECTS, { method: 'POST', json: body });
    expect((await error(await post({ title: 'x', content: 'y'.repeat(200_001) }), 400)).details).toHaveProperty(
      'content',
    );
    expect((await error(await post({ title: 'a\u0000b', content: 'y' }), 400)).details).toHaveProperty('title');
    expect((await error(await post({ title: 'a', content: 'y\u0000' }), 400)).details).toHaveProperty('content');
    expect((await error(await post({ title: 'a', content: 'y', owner: 'me' }), 400)).details).toHaveProperty('owner');
    expect((await error(await post({ title: ' ', content: 'y' }), 400)).details).toHaveProperty('title');
    expect((await error(await post({ title: 'a', content: 'y', status: 'live' }), 400)).details).toHaveProperty(
      'status',
    );
    expect((await error(await post({ content: 'y' }), 400)).details).toHaveProperty('title');

    const edit = (body: unknown) => suite.http(`${PROJECTS}/${p.id}/metadata`, { method: 'PATCH', json: body });
    expect((await error(await edit({}), 400)).details).toHaveProperty('summary');
    expect((await error(await edit({ tags: null }), 400)).details).toHaveProperty('summary');
    expect((await error(await edit({ tags: ['a', 'A', 'a '] }), 400)).details).toHaveProperty('tags');
    expect((await error(await edit({ tags: ['a', 'b'] }), 400)).details).toHaveProperty('tags');
    expect((await error(await edit({ summary: 'x'.repeat(301) }), 400)).details).toHaveProperty('summary');
    expect((await error(await edit({ summary: 'ok', extra: 1 }), 400)).details).toHaveProperty('extra');
    const tooBig = await suite.http(PROJECTS, { method: 'POST', json: { title: 'a', content: 'y'.repeat(1_100_000) } });
    expect(tooBig.status).toBe(413);
    expect((await suite.http(`/api/v1/search/products/0/metadata`)).status).toBe(400);
  });

  it('keeps tenants apart', async () => {
    const mine = await createProject({ title: 'Mine only', content: 'secret' });
    await generated(mine.id, '');
    const other = 'other-tenant';
    expect((await suite.http(`${PROJECTS}/${mine.id}`, { tenant: other })).status).toBe(404);
    expect((await suite.http(`${PROJECTS}/${mine.id}/metadata`, { tenant: other })).status).toBe(404);
    expect((await generate(mine.id, '?force=true', other)).status).toBe(404);
    expect(
      (await suite.http(`${PROJECTS}/${mine.id}`, { method: 'PATCH', tenant: other, json: { title: 'x' } })).status,
    ).toBe(404);
    expect((await suite.http(`${PROJECTS}/${mine.id}`, { method: 'DELETE', tenant: other })).status).toBe(404);
    const list = await json<ProjectPageDto>(await suite.http(`${PROJECTS}?limit=100`, { tenant: other }), 200);
    expect(list.data.map((p) => p.id)).not.toContain(mine.id);
    expect((await metadataOf(mine.id)).summary).toMatch(/^About Mine only/);
  });
});
