// Crash resume of an AI fitment job: the worker process is killed (SIGKILL) in the middle of a job and
// another one takes the job over once its Bull lock lapses. The second worker starts at the first product
// not done, redoes at most the one product that was in flight, and inserts no fitment twice.
// Workers run as real child processes from the build (`npm run build` first).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AiFitmentJobCreatedDto, ProductDto } from '@torque/contracts';
import Bull from 'bull';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { TEST_REDIS_URL } from '../support/servers.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';
import { FakeChatServer } from './fitment-chat-server.js';

const MAIN =
  process.env.TEST_FITMENT_MAIN ??
  fileURLToPath(new URL('../../dist/apps/fitment-service/src/main.js', import.meta.url));
const PRODUCTS = 20;

describe('crash resume of an AI fitment job', () => {
  let suite: Suite;
  let chat: FakeChatServer;
  let db: pg.Client;
  const children: ChildProcess[] = [];
  const ids: number[] = [];

  function spawnWorker(): { child: ChildProcess; lines: string[] } {
    const lines: string[] = [];
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        ...suite.baseEnv,
        LOG_LEVEL: 'info',
        ROLE: 'worker',
        HTTP_PORT: '0',
        BULL_LOCK_DURATION_MS: '1500',
        BULL_STALLED_INTERVAL_MS: '500',
        FITMENT_PROVIDER: 'openai',
        OPENAI_BASE_URL: chat.baseUrl,
        OPENAI_MODEL: 'pace',
        FITMENT_PROVIDER_CONCURRENCY: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    children.push(child);
    return { child, lines };
  }

  beforeAll(async () => {
    chat = await new FakeChatServer().start();
    chat.delayMs = 150;
    // The fitment service in this process only answers requests; the child processes are its workers.
    suite = await startSuite({ services: ['fitment', 'ingestion'], serviceEnv: { fitment: { ROLE: 'api' } } });
    db = new pg.Client({ connectionString: suite.db.url, options: '-c search_path=fitment' });
    await db.connect();
    for (let i = 1; i <= PRODUCTS; i++) {
      const res = await suite.http('/api/v1/catalog/products', {
        method: 'POST',
        json: {
          part_number: `RES-${i}`,
          name: `Cabin Air Filter ${i}`,
          description: 'Fits 2014-2016 Mazda CX-5',
          category: 'Cabin Air Filters',
        },
      });
      ids.push(((await res.json()) as ProductDto).id);
    }
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await db?.end();
    await suite?.close();
    await chat?.stop();
  });

  it('resumes after the worker is killed mid-job without redoing finished products or duplicating fitments', async () => {
    const res = await suite.http('/api/data-uploads/ai-fitment-jobs/', {
      method: 'POST',
      json: { product_ids: ids, job_type: 'selection' },
    });
    const { job_id: jobId } = (await res.json()) as AiFitmentJobCreatedDto;
    const doneCount = async () =>
      (await db.query(`SELECT products_done FROM ai_jobs WHERE job_id = $1`, [jobId])).rows[0].products_done as number;

    const first = spawnWorker();
    await eventually(async () => (await doneCount()) >= 5, 30_000, 25);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const doneBefore: string[] = (
      await db.query(
        `SELECT part_number, product_id::text FROM ai_job_parts WHERE job_id = $1 AND done_at IS NOT NULL`,
        [jobId],
      )
    ).rows.map((r) => r.product_id);
    const partsDoneBefore = new Set(doneBefore.map((pid) => `RES-${ids.indexOf(Number(pid)) + 1}`));
    expect(partsDoneBefore.size).toBeGreaterThanOrEqual(5);
    expect(partsDoneBefore.size).toBeLessThan(PRODUCTS);
    const row = (await db.query(`SELECT status, attempts FROM jobs WHERE id = $1`, [jobId])).rows[0];
    expect(row).toEqual({ status: 'processing', attempts: 1 });

    const second = spawnWorker();
    const finished = await eventually(async () => {
      const r = (await db.query(`SELECT status, attempts, progress_message FROM jobs WHERE id = $1`, [jobId])).rows[0];
      return r.status === 'review_required' ? r : null;
    }, 30_000);
    expect(finished.attempts).toBe(2);
    expect(second.lines.some((l) => l.includes('fitment engine built'))).toBe(true);

    // Every product done once; 3 fitments (2014-2016) each, none twice.
    const counts = (
      await db.query(
        `SELECT a.products_done, a.fitments_count,
                (SELECT count(*)::int FROM fitments WHERE job_id = $1) AS rows,
                (SELECT count(DISTINCT (part_key, base_vehicle_id))::int FROM fitments WHERE job_id = $1) AS distinct_rows
           FROM ai_jobs a WHERE a.job_id = $1`,
        [jobId],
      )
    ).rows[0];
    expect(counts).toEqual({
      products_done: PRODUCTS,
      fitments_count: PRODUCTS * 3,
      rows: PRODUCTS * 3,
      distinct_rows: PRODUCTS * 3,
    });

    // Products finished before the crash were not asked for again; at most the one in flight was asked twice.
    for (const part of partsDoneBefore) expect(chat.requestsFor(part)).toHaveLength(1);
    const twice = Array.from({ length: PRODUCTS }, (_, i) => `RES-${i + 1}`).filter(
      (p) => chat.requestsFor(p).length > 1,
    );
    expect(twice.length).toBeLessThanOrEqual(1);
    for (let i = 1; i <= PRODUCTS; i++) expect(chat.requestsFor(`RES-${i}`).length).toBeGreaterThanOrEqual(1);
    process.stdout.write(
      `killed after ${partsDoneBefore.size} of ${PRODUCTS} products; redone after the takeover: ${twice.join(', ') || 'none'}\n`,
    );
    resumedJob = jobId;
  });

  let resumedJob = '';

  it('inserts nothing twice when the same job row is run again from the start (cursor lost)', async () => {
    const jobId = resumedJob;
    const before = (
      await db.query(`SELECT count(*)::int AS n, min(created_at) AS first FROM fitments WHERE job_id = $1`, [jobId])
    ).rows[0];
    // Forget the cursor and queue the job again: every product is generated a second time.
    await db.query(`UPDATE ai_job_parts SET done_at = NULL WHERE job_id = $1`, [jobId]);
    await db.query(`UPDATE ai_jobs SET products_done = 0 WHERE job_id = $1`, [jobId]);
    await db.query(`UPDATE jobs SET status = 'queued', completed_at = NULL WHERE id = $1`, [jobId]);
    const requestsBefore = chat.requests.length;
    chat.delayMs = 0;
    const queue = new Bull('fitment.generate', TEST_REDIS_URL, { prefix: `${suite.ns}:bull` });
    try {
      await queue.add(
        'fitment.generate',
        { jobId, meta: { tenantId: 'acme', correlationId: 'rerun' } },
        { jobId: `rerun-${jobId}` },
      );
      await eventually(
        async () =>
          (await db.query(`SELECT status FROM jobs WHERE id = $1`, [jobId])).rows[0].status === 'review_required',
        30_000,
      );
    } finally {
      await queue.close();
    }
    expect(chat.requests.length - requestsBefore).toBe(PRODUCTS);
    const after = (
      await db.query(`SELECT count(*)::int AS n, min(created_at) AS first FROM fitments WHERE job_id = $1`, [jobId])
    ).rows[0];
    expect(after).toEqual(before);
    const job = (await db.query(`SELECT products_done, fitments_count FROM ai_jobs WHERE job_id = $1`, [jobId]))
      .rows[0];
    expect(job).toEqual({ products_done: PRODUCTS, fitments_count: PRODUCTS * 3 });
  });
});
