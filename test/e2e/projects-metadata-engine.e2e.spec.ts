// Smart metadata with the real metadata engine (MetadataEngineModule, no key set: the local wink TextRank engine
// alone), wired as the indexer boots in production: a project's and a product's summary and tags generated,
// existing metadata answered without a job, a person's edits kept over a forced run, and the seed's metrics.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  GenerateMetadataAcceptedDto,
  JobViewDto,
  MetadataDto,
  ProductDto,
  ProjectDto,
  SearchResultDto,
} from '@torque/contracts';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const PROJECT_TEXT =
  'Front brake pads wear faster on vehicles that tow trailers or drive in heavy city traffic. ' +
  'Ceramic brake pads stay quiet and leave little dust, while semi-metallic brake pads handle heat better. ' +
  'Inspect the brake rotors for grooves whenever you replace the brake pads, and bleed the brake fluid every two years. ' +
  'A squealing noise usually means the wear indicator touches the rotor and the pads need replacing soon.';

describe('projects metadata with the local engine', () => {
  let suite: Suite;

  const json = async <T>(res: Response, status: number): Promise<T> => {
    const body = await res.text();
    expect({ status: res.status, body }).toEqual({ status, body: expect.any(String) });
    return JSON.parse(body) as T;
  };
  const ended = (id: string) =>
    eventually(async () => {
      const view = await json<JobViewDto>(await suite.http(`/api/v1/jobs/${id}`), 200);
      return ['completed', 'failed', 'cancelled'].includes(view.status) ? view : null;
    }, 20_000);
  const expectWellFormed = (meta: MetadataDto) => {
    expect(meta).toMatchObject({ provider: 'local', edited: false, tokens_used: { total: 0 } });
    expect(meta.model).toEqual(expect.any(String));
    expect(meta.summary!.length).toBeGreaterThan(20);
    expect(meta.summary!.length).toBeLessThanOrEqual(300);
    expect(meta.tags.length).toBeGreaterThanOrEqual(3);
    expect(meta.tags.length).toBeLessThanOrEqual(12);
    expect(new Set(meta.tags).size).toBe(meta.tags.length);
    for (const tag of meta.tags) expect(tag).toMatch(/^\S+( \S+)*$/);
    for (const tag of meta.tags) expect(tag).toBe(tag.toLowerCase());
  };

  beforeAll(async () => {
    suite = await startSuite({
      services: ['ingestion', 'fitment', 'media', 'indexer'],
      env: { METADATA_PROVIDERS: 'local' },
    });
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('generates a project’s summary and tags, answers them again without a job, keeps a person’s edits', async () => {
    const project = await json<ProjectDto>(
      await suite.http('/api/v1/projects', {
        method: 'POST',
        json: { title: 'Brake pad guide', content: PROJECT_TEXT, status: 'published' },
      }),
      201,
    );
    const path = `/api/projects/${project.id}/generate_metadata/`;
    const accepted = await json<GenerateMetadataAcceptedDto>(await suite.http(path, { method: 'POST' }), 202);
    expect((await ended(accepted.task_id!)).status).toBe('completed');
    const meta = await json<MetadataDto>(await suite.http(`/api/v1/projects/${project.id}/metadata`), 200);
    expectWellFormed(meta);
    expect(meta.tags.join(' ')).toMatch(/brake/);
    expect(meta.content_hash).toBe(project.content_hash);

    const again = await json<GenerateMetadataAcceptedDto>(await suite.http(path, { method: 'POST' }), 200);
    expect(again).toMatchObject({ status: 'existing', job: null, metadata: meta });

    await json<MetadataDto>(
      await suite.http(`/api/v1/projects/${project.id}/metadata`, {
        method: 'PATCH',
        json: { summary: 'How to choose and replace brake pads.', tags: ['brakes', 'maintenance', 'how to'] },
      }),
      200,
    );
    const forced = await json<GenerateMetadataAcceptedDto>(
      await suite.http(`${path}?force=true`, { method: 'POST' }),
      202,
    );
    expect((await ended(forced.task_id!)).status).toBe('completed');
    const kept = await json<MetadataDto>(await suite.http(`/api/v1/projects/${project.id}/metadata`), 200);
    expect(kept).toMatchObject({
      summary: 'How to choose and replace brake pads.',
      tags: ['brakes', 'maintenance', 'how to'],
      edited: true,
      suggestion: { summary: meta.summary, tags: meta.tags },
    });
  });

  it('generates a catalog product’s metadata and search finds the product by its tags', async () => {
    const product = await json<ProductDto>(
      await suite.http('/api/v1/catalog/products', {
        method: 'POST',
        json: {
          part_number: 'CB-900',
          name: 'Ceramic Brake Pad Set',
          description:
            'Low-dust ceramic brake pads for quiet daily driving. The pad set includes wear sensors and shims. ' +
            'Each brake pad uses a copper-free friction compound that resists fade on long descents.',
          brand: 'Bosch',
          category: 'Brake Pads',
        },
      }),
      201,
    );
    const search = async (q: string) =>
      json<SearchResultDto>(await suite.http(`/api/v1/search/products?q=${encodeURIComponent(q)}`), 200);
    await eventually(async () => (await search('CB-900')).meta.total === 1, 15_000);
    const path = `/api/v1/search/products/${product.id}/metadata`;
    const accepted = await json<GenerateMetadataAcceptedDto>(
      await suite.http(`${path}/generate`, { method: 'POST' }),
      202,
    );
    expect((await ended(accepted.task_id!)).status).toBe('completed');
    const meta = await json<MetadataDto>(await suite.http(path), 200);
    expectWellFormed(meta);
    const found = await search(meta.tags[0]);
    expect(found.data.map((h) => h.product_id)).toContain(product.id);
  });

  it('serves the seed’s metrics, and the engine’s, on /metrics', async () => {
    const url = await suite.services.get('indexer')!.getUrl();
    const text = await (await fetch(`${url.replace('[::1]', '127.0.0.1')}/metrics`)).text();
    expect(text).toMatch(/^project_meta_generated_total\{status="success",provider="local"\} 3$/m);
    expect(text).toMatch(/^project_meta_generation_in_progress 0$/m);
    expect(text).toMatch(/^project_meta_generation_duration_seconds_count 3$/m);
    expect(text).toMatch(/^project_meta_content_length_chars_count 3$/m);
    expect(text).toMatch(/^project_meta_tags_count_count 3$/m);
    expect(text).toMatch(/^project_meta_summary_length_chars_count 3$/m);
    expect(text).toMatch(/^# TYPE project_meta_generation_failures_total counter$/m);
  });
});
