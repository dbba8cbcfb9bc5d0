// Seed 000 against the gateway: its five curl examples and the fetch calls of its React components, as
// written (base URL and a Bearer token aside), with and without the trailing slash.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AiFitmentJobCreatedDto,
  AiFitmentJobListDto,
  AiFitmentJobProgressDto,
  JobFitmentsDto,
  JobReviewResultDto,
  ProductDto,
} from '@torque/contracts';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const JOBS = '/api/data-uploads/ai-fitment-jobs';

describe('seed 000: AI fitment jobs through the gateway', () => {
  let suite: Suite;
  let token: string;
  const products: ProductDto[] = [];

  /** A request as the seed's curl examples send it, plus the Bearer token. */
  const curl = (path: string, init: { method?: string; body?: string; json?: boolean } = {}) =>
    fetch(`${suite.gatewayUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.json ? { 'Content-Type': 'application/json' } : {}),
        'X-Tenant-ID': 'acme',
        Authorization: `Bearer ${token}`,
      },
      body: init.body,
    });

  beforeAll(async () => {
    suite = await startSuite({ services: ['fitment', 'ingestion'] });
    token = await suite.token({ tenants: ['acme'], roles: ['admin', 'reviewer'] });
    const catalog = [
      {
        part_number: 'BRAKE001',
        name: 'Front Brake Rotor - Vented',
        description: 'Fits 2016-2021 Honda Civic LX, EX',
        category: 'Brake Rotors',
        attributes: { position: 'Front' },
      },
      {
        part_number: 'FILTER-77',
        name: 'Engine Oil Filter',
        description: 'For 2018+ Toyota Camry 2.5L',
        category: 'Oil Filters',
      },
      {
        part_number: 'WIPER-22',
        name: 'Wiper Blade 22 in',
        description: 'Universal fit wiper blade',
        category: 'Wiper Blades',
      },
    ];
    for (const p of catalog) {
      const res = await suite.http('/api/v1/catalog/products', { method: 'POST', json: p });
      expect(res.status).toBe(201);
      products.push((await res.json()) as ProductDto);
    }
  });
  afterAll(async () => {
    await suite?.close();
  });

  let jobId = '';

  it("1. creates a job: POST /api/data-uploads/ai-fitment-jobs/ answers the seed's shape", async () => {
    const ids = products.map((p) => p.id);
    const res = await curl(`${JOBS}/`, {
      method: 'POST',
      json: true,
      body: JSON.stringify({ product_ids: ids, job_type: 'selection' }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as AiFitmentJobCreatedDto;
    expect(body).toEqual({
      job_id: expect.any(String),
      status: expect.stringMatching(/^(queued|processing|review_required)$/),
      message: 'AI fitment job created successfully and queued for processing',
      job: expect.objectContaining({
        id: body.job_id,
        job_type: 'selection',
        product_count: 3,
        fitments_count: expect.any(Number),
        status: expect.any(String),
        created_at: expect.any(String),
      }),
    });
    jobId = body.job_id;
  });

  it('2. follows progress: GET .../{job_id}/progress/ until the fitments wait for review', async () => {
    const done = await eventually(async () => {
      const res = await curl(`${JOBS}/${jobId}/progress/`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as AiFitmentJobProgressDto;
      return body.job.status === 'review_required' ? body : null;
    }, 20_000);
    expect(done.job).toEqual(
      expect.objectContaining({
        id: jobId,
        status: 'review_required',
        product_count: 3,
        started_at: expect.any(String),
      }),
    );
    expect(done.job.fitments_count).toBeGreaterThan(0);
    expect(done.task_status).toEqual({ state: 'SUCCESS', info: { current: 3, total: 3, status: expect.any(String) } });
    // without the trailing slash too
    expect((await curl(`${JOBS}/${jobId}/progress`)).status).toBe(200);
  });

  it("2b. answers the seed's useJobProgress fetch, which sends no X-Tenant-ID (single-tenant token)", async () => {
    const res = await fetch(`${suite.gatewayUrl}${JOBS}/${jobId}/progress/`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as AiFitmentJobProgressDto).job.id).toBe(jobId);
  });

  it("3. lists the fitments: GET .../{job_id}/fitments/ with the seed's fields and counts", async () => {
    const res = await curl(`${JOBS}/${jobId}/fitments/`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as JobFitmentsDto;
    expect(body.total_count).toBe(body.fitments.length);
    expect(body).toEqual(
      expect.objectContaining({ pending_count: body.total_count, approved_count: 0, rejected_count: 0 }),
    );
    const civic = body.fitments.filter((f) => f.part_id === 'BRAKE001');
    // 2016-2021 Civic, LX and EX: 6 years x 2 submodels
    expect(civic.map((f) => `${f.year} ${f.make} ${f.model} ${f.submodel}`).sort()).toEqual(
      [2016, 2017, 2018, 2019, 2020, 2021].flatMap((y) => [`${y} Honda Civic EX`, `${y} Honda Civic LX`]),
    );
    for (const f of body.fitments) {
      expect(f).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          part_id: expect.any(String),
          part_description: expect.any(String),
          year: expect.any(Number),
          make: expect.any(String),
          model: expect.any(String),
          submodel: expect.any(String),
          confidence_score: expect.any(Number),
          ai_reasoning: expect.any(String),
          status: 'pending',
        }),
      );
      expect(f.confidence_score).toBeGreaterThan(0);
      expect(f.confidence_score).toBeLessThanOrEqual(1);
    }
    expect(civic[0]).toEqual(
      expect.objectContaining({ part_description: 'Front Brake Rotor - Vented', position: 'Front' }),
    );
    expect(body.fitments.some((f) => f.part_id === 'WIPER-22')).toBe(false);
    expect((await curl(`${JOBS}/${jobId}/fitments`)).status).toBe(200);
  });

  it('4. bulk-approves and bulk-rejects with {fitment_ids}; the job completes once nothing is pending', async () => {
    const all = ((await (await curl(`${JOBS}/${jobId}/fitments/`)).json()) as JobFitmentsDto).fitments;
    const [a, b, ...rest] = all.map((f) => f.id);
    let res = await curl(`${JOBS}/${jobId}/bulk-approve/`, {
      method: 'POST',
      json: true,
      body: JSON.stringify({ fitment_ids: [a, b] }),
    });
    expect(res.status).toBe(200);
    let body = (await res.json()) as JobReviewResultDto;
    expect(body).toEqual(
      expect.objectContaining({
        updated_count: 2,
        approved_count: 2,
        rejected_count: 0,
        pending_count: all.length - 2,
        job_status: 'review_required',
      }),
    );

    // the seed's example ids, literally: nothing to change, and they are named back
    res = await curl(`${JOBS}/${jobId}/bulk-approve/`, {
      method: 'POST',
      json: true,
      body: JSON.stringify({ fitment_ids: ['fitment-uuid-1', 'fitment-uuid-2'] }),
    });
    expect(res.status).toBe(200);
    body = (await res.json()) as JobReviewResultDto;
    expect(body).toEqual(
      expect.objectContaining({
        updated_count: 0,
        not_found_ids: ['fitment-uuid-1', 'fitment-uuid-2'],
        approved_count: 2,
      }),
    );

    res = await curl(`${JOBS}/${jobId}/bulk-reject`, {
      method: 'POST',
      json: true,
      body: JSON.stringify({ fitment_ids: rest }),
    });
    expect(res.status).toBe(200);
    body = (await res.json()) as JobReviewResultDto;
    expect(body).toEqual(
      expect.objectContaining({
        updated_count: rest.length,
        approved_count: 2,
        rejected_count: rest.length,
        pending_count: 0,
        job_status: 'completed',
      }),
    );
  });

  it('lists the jobs as the AI Jobs tab reads them: {data: [...]} with counts', async () => {
    for (const path of [`${JOBS}/`, JOBS]) {
      const res = await curl(path);
      expect(res.status).toBe(200);
      const body = (await res.json()) as AiFitmentJobListDto;
      const job = body.data.find((j) => j.id === jobId)!;
      expect(job).toEqual(
        expect.objectContaining({
          id: jobId,
          job_type: 'selection',
          status: 'completed',
          product_count: 3,
          approved_count: 2,
          rejected_count: job.fitments_count - 2,
          created_at: expect.any(String),
          started_at: expect.any(String),
          completed_at: expect.any(String),
        }),
      );
    }
  });

  it('refuses bad input with the error envelope', async () => {
    let res = await curl(`${JOBS}/`, {
      method: 'POST',
      json: true,
      body: JSON.stringify({ product_ids: [], job_type: 'selection' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(
      expect.objectContaining({
        error: 'validation_failed',
        details: expect.objectContaining({ product_ids: expect.any(Array) }),
      }),
    );
    res = await curl(`${JOBS}/`, {
      method: 'POST',
      json: true,
      body: JSON.stringify({ product_ids: [1], job_type: 'upload' }),
    });
    expect(res.status).toBe(400);
    res = await curl(`${JOBS}/not-a-uuid/progress/`);
    expect(res.status).toBe(400);
    res = await curl(`${JOBS}/${crypto.randomUUID()}/progress/`);
    expect(res.status).toBe(404);
  });
});
