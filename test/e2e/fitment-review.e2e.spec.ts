// Review of generated fitments through the gateway: filters, sort and paging; approve/reject one, a list or
// everything matching a filter; edits with revisions (stale: 409) checked against the vehicle catalog; job
// counts exact under concurrent reviews; a review racing the end of generation; reads that never write;
// validation findings; learning from approved fitments.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type {
  AiFitmentJobCreatedDto,
  AiFitmentJobDto,
  ErrorEnvelopeDto,
  FitmentDto,
  FitmentPageDto,
  JobFitmentsDto,
  ProductDto,
  ReviewResultDto,
} from '@torque/contracts';
import { JobLifecycleService, type Outcome } from '@torque/platform';
import pg from 'pg';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const JOBS = '/api/data-uploads/ai-fitment-jobs';
const FITMENTS = '/api/v1/fitment/fitments';

describe('fitment review', () => {
  let suite: Suite;
  let db: pg.Client;

  async function product(p: Record<string, unknown>): Promise<number> {
    const res = await suite.http('/api/v1/catalog/products', { method: 'POST', json: p });
    expect(res.status).toBe(201);
    return ((await res.json()) as ProductDto).id;
  }
  async function job(productIds: number[]): Promise<string> {
    const res = await suite.http(`${JOBS}/`, {
      method: 'POST',
      json: { product_ids: productIds, job_type: 'selection' },
    });
    const { job_id } = (await res.json()) as AiFitmentJobCreatedDto;
    await eventually(async () => ['review_required', 'completed'].includes((await getJob(job_id)).status), 15_000);
    return job_id;
  }
  async function getJob(id: string): Promise<AiFitmentJobDto> {
    return (await (await suite.http(`${JOBS}/${id}/`)).json()) as AiFitmentJobDto;
  }
  async function list(query: string): Promise<FitmentPageDto> {
    const res = await suite.http(`${FITMENTS}?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as FitmentPageDto;
  }
  async function actual(jobId: string) {
    const r = await db.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'approved')::int AS approved, count(*) FILTER (WHERE status = 'rejected')::int AS rejected
         FROM fitments WHERE job_id = $1`,
      [jobId],
    );
    return r.rows[0] as { total: number; approved: number; rejected: number };
  }

  let racedJob = '';
  let civic = 0;
  let camry = 0;
  let jobId = '';

  beforeAll(async () => {
    suite = await startSuite({ services: ['fitment', 'ingestion'] });
    db = new pg.Client({ connectionString: suite.db.url, options: '-c search_path=fitment' });
    await db.connect();
    civic = await product({
      part_number: 'BR-1',
      name: 'Front Brake Rotor',
      description: 'Fits 2016-2021 Honda Civic LX, EX',
      category: 'Brake Rotors',
    });
    camry = await product({
      part_number: 'OF-2',
      name: 'Engine Oil Filter',
      description: 'For 2018-2020 Toyota Camry',
      category: 'Oil Filters',
    });
    const future = await product({
      part_number: 'AF-3',
      name: 'Engine Air Filter',
      description: 'Fits 2024-2028 Honda Civic',
      category: 'Air Filters',
    });
    jobId = await job([civic, camry, future]);
  });
  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  it('filters, sorts (lowest confidence first) and paginates', async () => {
    const all = await list(`job_id=${jobId}&limit=100`);
    expect(all.meta.total).toBe(12 + 3 + 3);
    const toyota = await list(`job_id=${jobId}&make=toyota`);
    expect(toyota.data.map((f) => f.year).sort()).toEqual([2018, 2019, 2020]);
    expect((await list(`job_id=${jobId}&model=Civic&year=2018`)).data.map((f) => f.submodel).sort()).toEqual([
      'EX',
      'LX',
    ]);

    const byConfidence = await list(`job_id=${jobId}&sort=confidence&limit=100`);
    const scores = byConfidence.data.map((f) => f.confidence_score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const lowest = scores[0];
    const highest = scores[scores.length - 1];
    expect(lowest).toBeLessThan(highest);
    const high = await list(`job_id=${jobId}&min_confidence=${highest}`);
    expect(high.data.every((f) => f.confidence_score >= highest)).toBe(true);
    const low = await list(`job_id=${jobId}&max_confidence=${lowest}`);
    expect(low.data.every((f) => f.confidence_score <= lowest)).toBe(true);

    const page1 = await list(`job_id=${jobId}&sort=year&limit=5&page=1`);
    const page2 = await list(`job_id=${jobId}&sort=year&limit=5&page=2`);
    expect(page1.meta).toEqual({ page: 1, limit: 5, total: 18 });
    expect(new Set([...page1.data, ...page2.data].map((f) => f.id)).size).toBe(10);

    expect((await suite.http(`${FITMENTS}?min_confidence=2`)).status).toBe(400);
  });

  it('shows years the catalog does not have as findings', async () => {
    const body = (await (await suite.http(`${JOBS}/${jobId}/fitments/`)).json()) as JobFitmentsDto;
    expect(body.finding_counts.years_not_in_catalog).toBe(1);
    expect(body.part_findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ part_id: 'AF-3', code: 'years_not_in_catalog' })]),
    );
    const air = body.fitments.filter((f) => f.part_id === 'AF-3');
    expect(air.map((f) => f.year).sort()).toEqual([2024, 2025, 2026]);
    expect(air[0].findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'years_not_in_catalog' })]),
    );
  });

  it('approves and rejects one fitment, with the job counts following; a stale revision is 409', async () => {
    const [f] = (await list(`job_id=${jobId}&make=Toyota&year=2018`)).data;
    let res = await suite.http(`${FITMENTS}/${f.id}/approve`, { method: 'POST', json: { revision: f.revision } });
    expect(res.status).toBe(200);
    const approved = (await res.json()) as FitmentDto;
    expect(approved).toEqual(
      expect.objectContaining({ status: 'approved', revision: f.revision + 1, reviewed_by: 'tester' }),
    );
    expect(await getJob(jobId)).toEqual(
      expect.objectContaining({ approved_count: 1, rejected_count: 0, pending_count: 17 }),
    );

    res = await suite.http(`${FITMENTS}/${f.id}/reject`, { method: 'POST', json: { revision: f.revision } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorEnvelopeDto).details?.revision).toBeDefined();
    res = await suite.http(`${FITMENTS}/${f.id}/reject`, { method: 'POST', json: {} });
    expect(res.status).toBe(200);
    expect(await getJob(jobId)).toEqual(
      expect.objectContaining({ approved_count: 0, rejected_count: 1, pending_count: 17 }),
    );
    expect((await suite.http(`${FITMENTS}/${crypto.randomUUID()}/approve`, { method: 'POST', json: {} })).status).toBe(
      404,
    );
    expect(
      (await suite.http(`${FITMENTS}/${f.id}/approve`, { method: 'POST', json: {}, roles: ['viewer'] })).status,
    ).toBe(403);
  });

  it('edits submodel, engine, qty, position and notes against the catalog; a stale revision is 409', async () => {
    const [f] = (await list(`job_id=${jobId}&model=Civic&year=2018&sort=make`)).data.filter((x) => x.submodel === 'LX');
    let res = await suite.http(`${FITMENTS}/${f.id}`, {
      method: 'PATCH',
      json: { revision: f.revision, submodel: 'Sport', engine: '2.0L I4', qty: 2, position: 'Front', notes: 'Vented' },
    });
    expect(res.status).toBe(200);
    const edited = (await res.json()) as FitmentDto;
    expect(edited).toEqual(
      expect.objectContaining({
        submodel: 'Sport',
        engine: '2.0L I4',
        qty: 2,
        position: 'Front',
        notes: 'Vented',
        revision: f.revision + 1,
      }),
    );
    expect(edited.vehicle_id).toEqual(expect.any(Number));
    const vehicle = await db.query(`SELECT submodel_id, engine_id FROM vehicles WHERE id = $1`, [edited.vehicle_id]);
    expect(vehicle.rows[0]).toEqual({ submodel_id: edited.submodel_id, engine_id: edited.engine_id });

    // the same edit on the revision it started from: somebody else changed it meanwhile
    res = await suite.http(`${FITMENTS}/${f.id}`, { method: 'PATCH', json: { revision: f.revision, notes: 'late' } });
    expect(res.status).toBe(409);
    expect((await res.json()) as ErrorEnvelopeDto).toEqual(
      expect.objectContaining({ error: 'conflict', details: { revision: [expect.stringContaining('stale')] } }),
    );

    res = await suite.http(`${FITMENTS}/${f.id}`, {
      method: 'PATCH',
      json: { revision: edited.revision, submodel: 'Zzz' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorEnvelopeDto).details?.submodel?.[0]).toMatch(/no submodel "Zzz".*LX/);
    res = await suite.http(`${FITMENTS}/${f.id}`, {
      method: 'PATCH',
      json: { revision: edited.revision, submodel: 'LX', engine: '1.5L I4 Turbo' },
    });
    expect(res.status).toBe(400);
    // back to every submodel of the base vehicle: now it overlaps the EX fitment of the same part
    res = await suite.http(`${FITMENTS}/${f.id}`, {
      method: 'PATCH',
      json: { revision: edited.revision, submodel: '', engine: null },
    });
    expect(res.status).toBe(200);
    const wide = (await res.json()) as FitmentDto;
    expect(wide).toEqual(expect.objectContaining({ submodel: '', engine: '', vehicle_id: null }));
    expect(wide.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'overlap', fitment_ids: [expect.any(String)] })]),
    );
  });

  it('approves everything matching a filter ("approve all pending with confidence >= x")', async () => {
    const pending = (await list(`job_id=${jobId}&status=pending&limit=100`)).data;
    const threshold = [...pending.map((f) => f.confidence_score)].sort((a, b) => a - b)[Math.floor(pending.length / 2)];
    const expected = pending.filter((f) => f.confidence_score >= threshold).length;
    const res = await suite.http(`${FITMENTS}/review`, {
      method: 'POST',
      json: { action: 'approve', filter: { job_id: jobId, status: 'pending', min_confidence: threshold } },
    });
    expect(res.status).toBe(200);
    const result = (await res.json()) as ReviewResultDto;
    expect(result.updated_count).toBe(expected);
    const counts = await actual(jobId);
    expect(result.jobs).toEqual([
      expect.objectContaining({
        job_id: jobId,
        approved_count: counts.approved,
        rejected_count: counts.rejected,
        total_count: 18,
      }),
    ]);
    expect(await getJob(jobId)).toEqual(
      expect.objectContaining({ approved_count: counts.approved, rejected_count: counts.rejected }),
    );
    expect((await suite.http(`${FITMENTS}/review`, { method: 'POST', json: { action: 'approve' } })).status).toBe(400);
  });

  it('keeps the job counts exact under concurrent reviews and completes the job once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 4; i++)
      ids.push(
        await product({
          part_number: `CC-${i}`,
          name: `Shock Absorber ${i}`,
          description: 'Fits 2005-2020 Toyota Corolla',
          category: 'Shocks',
        }),
      );
    const busy = await job(ids);
    const all = (await list(`job_id=${busy}&limit=200`)).data.map((f) => f.id);
    expect(all.length).toBeGreaterThanOrEqual(60);
    const reviews: Array<Promise<Response>> = [];
    // Overlapping batches and single reviews, approve and reject mixed, all at once.
    for (let i = 0; i < all.length; i += 7) {
      reviews.push(
        suite.http(`${JOBS}/${busy}/bulk-approve/`, { method: 'POST', json: { fitment_ids: all.slice(i, i + 10) } }),
      );
      if (i + 3 < all.length)
        reviews.push(
          suite.http(`${JOBS}/${busy}/bulk-reject/`, {
            method: 'POST',
            json: { fitment_ids: all.slice(i + 3, i + 9) },
          }),
        );
      reviews.push(suite.http(`${FITMENTS}/${all[i]}/reject`, { method: 'POST', json: {} }));
    }
    reviews.push(
      suite.http(`${FITMENTS}/review`, {
        method: 'POST',
        json: { action: 'reject', filter: { job_id: busy, year: 2010 } },
      }),
    );
    const answers = await Promise.all(reviews);
    expect(answers.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    // whatever is still pending, approve it: the job then has nothing pending and completes
    await suite.http(`${FITMENTS}/review`, {
      method: 'POST',
      json: { action: 'approve', filter: { job_id: busy, status: 'pending' } },
    });
    const counts = await actual(busy);
    const view = await getJob(busy);
    expect(view).toEqual(
      expect.objectContaining({
        fitments_count: counts.total,
        approved_count: counts.approved,
        rejected_count: counts.rejected,
        pending_count: 0,
        status: 'completed',
      }),
    );
    expect(counts.approved + counts.rejected).toBe(counts.total);
    const completions = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE routing_key = 'job.state.fitment' AND payload->'data'->>'id' = $1 AND payload->'data'->>'status' = 'completed'`,
      [busy],
    );
    expect(completions.rows[0].n).toBe(1);
  });

  /** The job row as stored (not through any read path of the service). */
  async function stored(id: string) {
    const r = await db.query(`SELECT status, counts FROM jobs WHERE id = $1`, [id]);
    return r.rows[0] as { status: string; counts: Record<string, number> };
  }

  it('completes a job whose last fitments are reviewed while its generation ends', async () => {
    const pid = await product({
      part_number: 'RV-1',
      name: 'Cabin Air Filter',
      description: 'Fits 2019-2021 Toyota RAV4',
      category: 'Cabin Air Filters',
    });
    const lifecycle = suite.services.get('fitment')!.get(JobLifecycleService);
    const finish = lifecycle.finish.bind(lifecycle);
    let reviewed: ReviewResultDto | null = null;
    // The handler has counted its pending fitments and returned; a review of all of them commits
    // before the worker records that outcome. The job must still end completed.
    const spy = jest.spyOn(lifecycle, 'finish').mockImplementation(async (id: string, outcome: Outcome) => {
      if (outcome.status === 'review_required' && !reviewed) {
        const res = await suite.http(`${FITMENTS}/review`, {
          method: 'POST',
          json: { action: 'approve', filter: { job_id: id } },
        });
        reviewed = (await res.json()) as ReviewResultDto;
      }
      return finish(id, outcome);
    });
    let id = '';
    try {
      const res = await suite.http(`${JOBS}/`, { method: 'POST', json: { product_ids: [pid], job_type: 'selection' } });
      id = ((await res.json()) as AiFitmentJobCreatedDto).job_id;
      await eventually(async () => ['review_required', 'completed'].includes((await stored(id)).status), 15_000);
    } finally {
      spy.mockRestore();
    }
    expect(reviewed).toEqual(
      expect.objectContaining({ updated_count: 3, jobs: [expect.objectContaining({ status: 'processing' })] }),
    );
    expect(await stored(id)).toEqual({
      status: 'completed',
      counts: expect.objectContaining({ fitments: 3, approved: 3, pending: 0 }),
    });
    racedJob = id;
  });

  it('answers reads without writing, even for a job waiting for review with nothing pending', async () => {
    // A row as the race above left it before generation's end was decided under the counts lock.
    await db.query(`UPDATE jobs SET status = 'review_required', completed_at = NULL WHERE id = $1`, [racedJob]);
    const snapshot = () =>
      db.query(`SELECT (SELECT count(*) FROM outbox)::int AS events, (SELECT max(updated_at) FROM jobs) AS updated`);
    const before = (await snapshot()).rows[0];
    expect((await getJob(racedJob)).status).toBe('review_required');
    expect((await suite.http(`${JOBS}/${racedJob}/progress/`)).status).toBe(200);
    expect((await suite.http(`${JOBS}/${racedJob}/fitments/`)).status).toBe(200);
    expect((await suite.http(`${JOBS}/`)).status).toBe(200);
    expect((await snapshot()).rows[0]).toEqual(before);
    expect((await stored(racedJob)).status).toBe('review_required');
  });

  it('lists and searches the vehicle catalog (aliases included)', async () => {
    const makes = (await (await suite.http('/api/v1/fitment/vehicles/makes')).json()) as {
      data: Array<{ name: string; model_count: number }>;
    };
    expect(makes.data.find((m) => m.name === 'Honda')?.model_count).toBeGreaterThan(3);
    const models = (await (await suite.http('/api/v1/fitment/vehicles/models?make=Chevy')).json()) as {
      data: Array<{ make: string; name: string; first_year: number }>;
    };
    expect(models.data.length).toBeGreaterThan(3);
    expect(models.data.every((m) => m.make === 'Chevrolet')).toBe(true);
    const res = await suite.http('/api/v1/fitment/vehicles?year=2018&make=Honda&model=Civic&limit=100');
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      data: Array<{ submodel: string; engine: string; vehicle_id: number; base_vehicle_id: number }>;
      meta: { total: number };
    };
    expect(page.meta.total).toBe(page.data.length);
    expect(page.data.map((v) => v.submodel)).toEqual(expect.arrayContaining(['LX', 'EX', 'Sport']));
    expect(page.data.every((v) => v.base_vehicle_id === page.data[0].base_vehicle_id)).toBe(true);
    const q = (await (await suite.http('/api/v1/fitment/vehicles?q=2018 civic type r')).json()) as {
      data: Array<{ submodel: string }>;
    };
    expect(q.data.map((v) => v.submodel)).toEqual(['Type R']);
  });

  it('marks duplicates across jobs, and learns from approved fitments of similar parts', async () => {
    const again = await job([camry]);
    const body = (await (await suite.http(`${JOBS}/${again}/fitments/`)).json()) as JobFitmentsDto;
    const live = await db.query(
      `SELECT count(*)::int AS n FROM fitments WHERE job_id = $1 AND product_id = $2 AND status <> 'rejected'`,
      [jobId, camry],
    );
    expect(body.finding_counts.duplicate).toBe(live.rows[0].n);
    expect(body.fitments.filter((f) => f.findings.some((x) => x.code === 'duplicate'))).toHaveLength(live.rows[0].n);

    const source = await product({
      part_number: 'WB-1001',
      name: 'Rear Wiper Blade 14 in',
      description: 'Fits 2019-2021 Subaru Outback',
      category: 'Wiper Blades',
    });
    const first = await job([source]);
    await suite.http(`${FITMENTS}/review`, { method: 'POST', json: { action: 'approve', filter: { job_id: first } } });
    const similar = await product({
      part_number: 'WB-1002',
      name: 'Rear Wiper Blade 14 in',
      description: 'OE-style rear blade, easy install',
      category: 'Wiper Blades',
    });
    const learnt = (await (await suite.http(`${JOBS}/${await job([similar])}/fitments/`)).json()) as JobFitmentsDto;
    expect(learnt.fitments.map((f) => `${f.year} ${f.make} ${f.model}`).sort()).toEqual([
      '2019 Subaru Outback',
      '2020 Subaru Outback',
      '2021 Subaru Outback',
    ]);
    const textConfidence = (await list(`job_id=${first}`)).data[0].confidence_score;
    for (const f of learnt.fitments) {
      expect(f.source).toBe('similar');
      expect(f.ai_reasoning).toMatch(/WB-1001/);
      expect(f.confidence_score).toBeLessThan(textConfidence);
    }
  });
});
