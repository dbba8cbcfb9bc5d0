// AI fitment jobs through the gateway: queued -> processing -> review_required with per-product progress,
// a second job for the same selection answered with the running one, cancel of a running job, and upload
// jobs from CSV and .xlsx parts files, and selections naming products the tenant does not have refused
// at once. A chat server that answers slowly (the AI provider) paces the job,
// so its progress can be watched and a cancel lands mid-job.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  AiFitmentJobCreatedDto,
  AiFitmentJobDto,
  AiFitmentJobProgressDto,
  JobFitmentsDto,
  JobViewDto,
  ProductDto,
} from '@torque/contracts';
import ExcelJS from 'exceljs';
import { eventually, startSuite, type Suite } from '../support/suite.js';
import { FakeChatServer } from './fitment-chat-server.js';

const JOBS = '/api/data-uploads/ai-fitment-jobs';
const PROVIDER_ENV = { FITMENT_PROVIDER: 'openai', OPENAI_MODEL: 'pace', FITMENT_PROVIDER_CONCURRENCY: '1' };

describe('AI fitment jobs', () => {
  let suite: Suite;
  let chat: FakeChatServer;
  let worker: NestFastifyApplication | null = null;
  const ids: number[] = [];

  const progress = async (jobId: string) =>
    (await (await suite.http(`${JOBS}/${jobId}/progress/`)).json()) as AiFitmentJobProgressDto;
  const create = async (body: unknown) => {
    const res = await suite.http(`${JOBS}/`, { method: 'POST', json: body });
    return { status: res.status, body: (await res.json()) as AiFitmentJobCreatedDto };
  };

  beforeAll(async () => {
    chat = await new FakeChatServer().start();
    Object.assign(process.env, PROVIDER_ENV, { OPENAI_BASE_URL: chat.baseUrl });
    // The fitment service starts as API only: jobs stay queued until a worker starts.
    suite = await startSuite({ services: ['fitment', 'ingestion'], serviceEnv: { fitment: { ROLE: 'api' } } });
    for (let i = 1; i <= 12; i++) {
      const res = await suite.http('/api/v1/catalog/products', {
        method: 'POST',
        json: {
          part_number: `PAD-${100 + i}`,
          name: `Ceramic Brake Pad Set ${i}`,
          description: 'Fits 2016-2018 Honda Civic',
          category: 'Brake Pads',
        },
      });
      ids.push(((await res.json()) as ProductDto).id);
    }
  });
  afterAll(async () => {
    for (const key of [...Object.keys(PROVIDER_ENV), 'OPENAI_BASE_URL']) delete process.env[key];
    await worker?.close();
    await suite?.close();
    await chat?.stop();
  });

  let firstJob = '';

  it('queues a job and answers a second one for the same selection with it', async () => {
    const first = await create({ product_ids: ids, job_type: 'selection' });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('queued');
    firstJob = first.body.job_id;

    const again = await create({ product_ids: [...ids].reverse().concat(ids[0]), job_type: 'selection' });
    expect(again.status).toBe(200);
    expect(again.body.job_id).toBe(firstJob);
    expect(again.body.message).toMatch(/already queued or running/);

    const p = await progress(firstJob);
    expect(p.task_status).toEqual({ state: 'PENDING', info: { current: 0, total: 12, status: expect.any(String) } });
  });

  it('runs queued -> processing -> review_required, reporting progress product by product', async () => {
    chat.delayMs = 120;
    const api = suite.services.get('fitment')!;
    worker = await suite.startService('fitment', { ROLE: 'worker' });
    suite.services.set('fitment', api);

    const seen: Array<{ status: string; current: number; state: string }> = [];
    await eventually(
      async () => {
        const p = await progress(firstJob);
        seen.push({ status: p.job.status, current: p.task_status.info.current, state: p.task_status.state });
        return p.job.status === 'review_required';
      },
      20_000,
      40,
    );
    const statuses = seen.map((s) => s.status).filter((s, i, all) => s !== all[i - 1]);
    expect(statuses).toEqual(expect.arrayContaining(['processing', 'review_required']));
    expect(statuses.indexOf('processing')).toBeLessThan(statuses.indexOf('review_required'));
    const currents = seen.map((s) => s.current);
    expect(currents).toEqual([...currents].sort((a, b) => a - b));
    expect(currents.some((c) => c > 0 && c < 12)).toBe(true);
    expect(seen.find((s) => s.status === 'processing')?.state).toBe('PROGRESS');

    const fitments = (await (await suite.http(`${JOBS}/${firstJob}/fitments/`)).json()) as JobFitmentsDto;
    // 2016-2018 Civic, no trim named: one base-vehicle fitment per year and product
    expect(fitments.total_count).toBe(36);
    expect(new Set(fitments.fitments.map((f) => `${f.part_id}:${f.year}`)).size).toBe(36);
    const view = (await (await suite.http(`/api/v1/jobs/${firstJob}`)).json()) as JobViewDto;
    expect(view).toEqual(
      expect.objectContaining({
        status: 'review_required',
        type: 'fitment.generate',
        counts: expect.objectContaining({ products: 12, fitments: 36, pending: 36 }),
      }),
    );
    expect(view.progress).toEqual(expect.objectContaining({ current: 12, total: 12 }));
  });

  it('cancels a running job before its next product; fitments of the products done stay', async () => {
    chat.delayMs = 250;
    const { body } = await create({ product_ids: ids, job_type: 'selection' });
    const jobId = body.job_id;
    await eventually(async () => (await progress(jobId)).task_status.info.current >= 2, 15_000, 25);
    const res = await suite.http(`${JOBS}/${jobId}/cancel/`, { method: 'POST' });
    expect(res.status).toBe(202);
    const ended = await eventually(
      async () => {
        const p = await progress(jobId);
        return p.job.status === 'cancelled' ? p : null;
      },
      5000,
      25,
    );
    expect(ended.task_status.state).toBe('REVOKED');
    expect(ended.job.products_processed).toBeLessThan(12);
    expect(ended.job.fitments_count).toBe(ended.job.products_processed * 3);
    const fitments = (await (await suite.http(`${JOBS}/${jobId}/fitments/`)).json()) as JobFitmentsDto;
    expect(fitments.total_count).toBe(ended.job.fitments_count);
  });

  async function upload(name: string, content: Blob, fields: Record<string, string> = { job_type: 'upload' }) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('product_file', content, name);
    const res = await suite.http(`${JOBS}/`, { method: 'POST', body: form });
    return { status: res.status, body: (await res.json()) as any };
  }

  async function finished(jobId: string): Promise<AiFitmentJobDto> {
    return eventually(async () => {
      const p = await progress(jobId);
      return ['review_required', 'completed', 'failed'].includes(p.job.status) ? p.job : null;
    }, 15_000);
  }

  it('takes a CSV parts file as an upload job', async () => {
    chat.delayMs = 0;
    const csv =
      'part_number,description,category\nUP-1,"Fits 2019-2020 Toyota Camry",Oil Filters\nUP-2,For 2017 Ford F-150 5.0L,Air Filters\n,no part number,x\nUP-3,Universal floor mat,Mats\n';
    const { status, body } = await upload('parts.csv', new Blob([csv], { type: 'text/csv' }));
    expect(status).toBe(201);
    expect(body.job).toEqual(
      expect.objectContaining({ job_type: 'upload', product_file_name: 'parts.csv', product_count: 3 }),
    );
    const job = await finished(body.job_id);
    expect(job.status).toBe('review_required');
    const fitments = (await (await suite.http(`${JOBS}/${body.job_id}/fitments/`)).json()) as JobFitmentsDto;
    const camry = fitments.fitments.filter((f) => f.part_id === 'UP-1');
    expect(camry.map((f) => `${f.year} ${f.make} ${f.model}`).sort()).toEqual([
      '2019 Toyota Camry',
      '2020 Toyota Camry',
    ]);
    expect(camry[0]).toEqual(expect.objectContaining({ product_id: null, part_type: 'Oil Filters' }));
    expect(fitments.fitments.some((f) => f.part_id === 'UP-2' && f.make === 'Ford' && f.year === 2017)).toBe(true);
    expect(fitments.fitments.some((f) => f.part_id === 'UP-3')).toBe(false);

    // the same file again while nothing runs: a new job; a file without a part column: 400
    const bad = await upload('bad.csv', new Blob(['colour,size\nred,2\n'], { type: 'text/csv' }));
    expect(bad.status).toBe(400);
    expect(bad.body.details.product_file[0]).toMatch(/part number column/);
    const txt = await upload('parts.txt', new Blob(['x'], { type: 'text/plain' }));
    expect(txt.status).toBe(415);
    // job_type after the file would not be read: refused, not taken as a JSON-less request without a type.
    const late = new FormData();
    late.append('product_file', new Blob([csv], { type: 'text/csv' }), 'late.csv');
    late.append('job_type', 'upload');
    const lateRes = await suite.http(`${JOBS}/`, { method: 'POST', body: late });
    expect(lateRes.status).toBe(400);
    expect(((await lateRes.json()) as { details: Record<string, string[]> }).details).toEqual({
      job_type: ['job_type must come before the file part in the form'],
    });
  });

  it('takes an .xlsx parts file, with catalog product ids', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Parts');
    sheet.addRow(['Part #', 'Product ID', 'Title']);
    sheet.addRow(['XL-1', null, '2018-2019 Subaru Outback rear wiper']);
    sheet.addRow([null, ids[0], null]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { status, body } = await upload('parts.xlsx', new Blob([buffer]), {});
    expect(status).toBe(201);
    expect(body.job).toEqual(expect.objectContaining({ job_type: 'upload', product_count: 2, product_ids: [ids[0]] }));
    await finished(body.job_id);
    const fitments = (await (await suite.http(`${JOBS}/${body.job_id}/fitments/`)).json()) as JobFitmentsDto;
    expect(
      fitments.fitments
        .filter((f) => f.part_id === 'XL-1')
        .map((f) => `${f.year} ${f.make} ${f.model}`)
        .sort(),
    ).toEqual(['2018 Subaru Outback', '2019 Subaru Outback']);
    expect(fitments.fitments.filter((f) => f.product_id === ids[0])).toHaveLength(3);
  });

  it("refuses a selection with another tenant's or unknown product ids, the same way for both", async () => {
    const res = await suite.http('/api/v1/catalog/products', {
      method: 'POST',
      tenant: 'globex',
      json: { part_number: 'GX-1', name: 'Brake Pad Set', description: 'Fits 2016-2018 Honda Civic' },
    });
    expect(res.status).toBe(201);
    const foreign = ((await res.json()) as ProductDto).id;
    const unknown = Math.max(...ids, foreign) + 1000;
    const jobsBefore = ((await (await suite.http(`${JOBS}/`)).json()) as { data: unknown[] }).data.length;

    const both = await create({ product_ids: [ids[0], foreign, unknown], job_type: 'selection' });
    expect(both.status).toBe(400);
    expect(both.body).toEqual({
      error: 'validation_failed',
      message: expect.stringContaining('not in the catalog'),
      details: { product_ids: [`product ${foreign} not found`, `product ${unknown} not found`] },
    });

    // Whether an id is another tenant's or nobody's does not show: the answers differ only by the id.
    const foreignOnly = await create({ product_ids: [foreign], job_type: 'selection' });
    const unknownOnly = await create({ product_ids: [unknown], job_type: 'selection' });
    expect(foreignOnly.status).toBe(400);
    expect(JSON.stringify(foreignOnly.body).replaceAll(String(foreign), 'ID')).toBe(
      JSON.stringify(unknownOnly.body).replaceAll(String(unknown), 'ID'),
    );
    expect(((await (await suite.http(`${JOBS}/`)).json()) as { data: unknown[] }).data).toHaveLength(jobsBefore);
  });
});
