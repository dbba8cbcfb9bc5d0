// A running AI fitment job waits out an unreachable catalog (found by the chaos tests: a RabbitMQ outage longer
// than Bull's three quick attempts failed accepted jobs): the ingestion service is stopped after the job was
// accepted, the job's worker keeps trying with backoff instead of spending its attempts, and the job completes
// once the catalog answers again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AiFitmentJobCreatedDto, JobViewDto, ProductDto } from '@torque/contracts';
import { createServiceApp, loadEnv, ServiceEnv, startServiceApp } from '@torque/platform';
import pg from 'pg';
import { FitmentModule } from '../../apps/fitment-service/src/fitment.module.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

describe('a fitment job while the catalog is unreachable', () => {
  let suite: Suite;
  let worker: NestFastifyApplication | null = null;
  let db: pg.Client;

  beforeAll(async () => {
    // fitment in this process answers requests only; the worker starts once the catalog is gone
    suite = await startSuite({ services: ['ingestion', 'fitment'], serviceEnv: { fitment: { ROLE: 'api' } } });
    db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
  });
  afterAll(async () => {
    await worker?.close();
    await db?.end();
    await suite?.close();
  });

  it('retries the catalog with backoff, keeps its attempt, and completes when the catalog is back', async () => {
    const product = (await (
      await suite.http('/api/v1/catalog/products', {
        method: 'POST',
        json: { part_number: 'OUT-1', name: 'Cabin Air Filter', description: 'Fits 2014-2016 Mazda CX-5' },
      })
    ).json()) as ProductDto;
    const created = await suite.http('/api/data-uploads/ai-fitment-jobs/', {
      method: 'POST',
      json: { product_ids: [product.id], job_type: 'selection' },
    });
    expect(created.status).toBe(201);
    const { job_id: jobId } = (await created.json()) as AiFitmentJobCreatedDto;

    await suite.services.get('ingestion')!.close();
    suite.services.delete('ingestion');
    const source = { ...suite.baseEnv, ROLE: 'worker', WORKER_QUEUES: 'generate', RPC_TIMEOUT_MS: '500' };
    const env = loadEnv(ServiceEnv, source);
    worker = await createServiceApp('fitment', env, FitmentModule.forRoot(env));
    await startServiceApp(worker, env);

    const job = async () => {
      const { rows } = await db.query(`SELECT status, attempts FROM fitment.jobs WHERE id = $1`, [jobId]);
      return rows[0] as { status: string; attempts: number };
    };
    await eventually(async () => (await job()).status === 'processing');
    // Longer than Bull's three attempts would last (2 s and 4 s backoff): the first attempt is still waiting.
    await new Promise((r) => setTimeout(r, 8000));
    expect(await job()).toEqual({ status: 'processing', attempts: 1 });

    await suite.startService('ingestion');
    const ended = await eventually(
      async () => {
        const res = await suite.http(`/api/v1/jobs/${jobId}`);
        const view = (await res.json()) as JobViewDto;
        return ['completed', 'review_required', 'failed'].includes(view.status) ? view : null;
      },
      30_000,
      200,
    );
    expect(ended.status).not.toBe('failed');
    expect((await job()).attempts).toBe(1);
  }, 60_000);
});
