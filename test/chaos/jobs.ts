// The jobs the chaos scenarios submit (an AI fitment job on products of the demo vehicle catalog, a procurement
// CSV import, a style_transfer media task on a large image) and the ledger that checks each one's effects once
// it ended: the job ended, and every effect is there exactly once.
import sharp from 'sharp';
import { readdir } from 'node:fs/promises';
import type { ChaosCluster } from './chaos-cluster.js';
import { TENANT } from './chaos-cluster.js';

export type JobKind = 'fitment' | 'import' | 'media';

export interface SubmittedJob {
  kind: JobKind;
  id: string;
  /** What the ledger checks the job's effects against. */
  expect: { products?: number; rows?: number; uploadId?: string; prefix?: string };
}

/** What the ledger found for one job. */
export interface LedgerEntry {
  job: SubmittedJob;
  status: string;
  /** The job did not end, or ended without its work (failed, cancelled). */
  lost: boolean;
  /** Effects found more than once (fitments, order lines, products, result files), with what they were. */
  duplicated: number;
  problems: string[];
}

export const SCHEMA: Record<JobKind, string> = { fitment: 'fitment', import: 'ingestion', media: 'media' };
const ENDED = ['completed', 'review_required', 'failed', 'cancelled'];
const DONE = ['completed', 'review_required'];

/** Vehicles of the demo catalog, written as sellers write them. */
const FITS = [
  'Fits 2014-2016 Mazda CX-5',
  'for 16-18 Honda Civic 1.5L',
  'Compatible with Toyota Camry 2015, 2016 and 2017.',
  'Ford F-150 (2015-2019). Not for hybrid models.',
  'Universal fit, one size fits most vehicles.',
];

/** Inserts `n` catalog products of tenant acme straight into the catalog table (fixtures, not under test); returns their ids. */
export async function seedProducts(cluster: ChaosCluster, prefix: string, n: number): Promise<number[]> {
  const { rows } = await cluster.db.query<{ id: string }>(
    `INSERT INTO ingestion.products (tenant_id, part_number, name, description, category)
     SELECT $1, $2 || i, 'Cabin Air Filter ' || i, ($3::text[])[1 + i % $4], 'Cabin Air Filters'
       FROM generate_series(1, $5) AS i
     RETURNING id`,
    [TENANT, `${prefix}-`, FITS, FITS.length, n],
  );
  return rows.map((r) => Number(r.id));
}

async function answer<T>(res: Response, status: number, what: string): Promise<T> {
  const body = await res.text();
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

/** POST of an AI fitment job on `productIds`; the response, to be judged by the caller. */
export function postFitmentJob(cluster: ChaosCluster, productIds: number[], timeoutMs?: number): Promise<Response> {
  return cluster.http('/api/data-uploads/ai-fitment-jobs/', {
    method: 'POST',
    json: { product_ids: productIds, job_type: 'selection' },
    timeoutMs,
  });
}

export async function submitFitment(cluster: ChaosCluster, productIds: number[]): Promise<SubmittedJob> {
  const { job_id } = await answer<{ job_id: string }>(await postFitmentJob(cluster, productIds), 201, 'fitment job');
  return { kind: 'fitment', id: job_id, expect: { products: productIds.length } };
}

/** A procurement CSV of `rows` lines in orders of 10 lines, its orders and parts named `<prefix>-...`. */
export function procurementCsv(prefix: string, rows: number): string {
  const lines = ['PO #,Vendor,Vendor ID,Part No,Material Description,Qty,Unit Cost,Curr,PO Date'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${prefix}-PO-${Math.floor(i / 10)},Chaos Brakes,SUP-CHAOS,${prefix}-P-${i % 1000},Brake pad set,${1 + (i % 9)},12.50,EUR,2024-03-01`,
    );
  }
  return lines.join('\n');
}

export async function submitImport(cluster: ChaosCluster, prefix: string, rows: number): Promise<SubmittedJob> {
  const form = new FormData();
  form.append('kind', 'procurement');
  form.append('file', new Blob([procurementCsv(prefix, rows)]), `${prefix}.csv`);
  const up = await answer<{ id: string }>(
    await cluster.http('/api/v1/ingestion/uploads', { method: 'POST', body: form, timeoutMs: 120_000 }),
    201,
    'upload',
  );
  const accepted = await answer<{ job: { id: string } }>(
    await cluster.http(`/api/v1/ingestion/uploads/${up.id}/process`, { method: 'POST', json: {} }),
    202,
    'import',
  );
  return { kind: 'import', id: accepted.job.id, expect: { rows, uploadId: up.id, prefix } };
}

let bigImage: Promise<Buffer> | null = null;

/** A 2048 x 2048 PNG of gradients and noise: style_transfer takes seconds on it. */
function largeImage(): Promise<Buffer> {
  bigImage ??= (() => {
    const size = 2048;
    const pixels = Buffer.alloc(size * size * 3);
    let state = 7;
    for (let p = 0; p < pixels.length; p += 3) {
      const x = (p / 3) % size;
      const y = Math.floor(p / 3 / size);
      state = (state * 1103515245 + 12345) >>> 0;
      const noise = (state % 21) - 10;
      pixels[p] = Math.max(0, Math.min(255, (x >> 3) + noise));
      pixels[p + 1] = Math.max(0, Math.min(255, (y >> 3) + noise));
      pixels[p + 2] = Math.max(0, Math.min(255, (((x >> 8) + (y >> 8)) % 3) * 100 + noise));
    }
    return sharp(pixels, { raw: { width: size, height: size, channels: 3 } })
      .png()
      .toBuffer();
  })();
  return bigImage;
}

export async function submitMedia(cluster: ChaosCluster): Promise<SubmittedJob> {
  const form = new FormData();
  form.set('task_type', 'style_transfer');
  form.set('image', new Blob([await largeImage()], { type: 'image/png' }), 'large.png');
  form.set('parameters', JSON.stringify({ style: 'pencil' }));
  const { task_id } = await answer<{ task_id: string }>(
    await cluster.http('/api/v1/tasks/submit', { method: 'POST', body: form, timeoutMs: 60_000 }),
    202,
    'media task',
  );
  return { kind: 'media', id: task_id, expect: {} };
}

export interface JobRow {
  status: string;
  progress_current: number;
  attempts: number;
}

export async function jobRow(cluster: ChaosCluster, job: SubmittedJob): Promise<JobRow | undefined> {
  const { rows } = await cluster.db.query<JobRow>(
    `SELECT status, progress_current, attempts FROM ${SCHEMA[job.kind]}.jobs WHERE id = $1`,
    [job.id],
  );
  return rows[0];
}

/** Waits until the job's row has ended; returns its status. */
export async function ended(cluster: ChaosCluster, job: SubmittedJob, timeoutMs: number): Promise<string> {
  const row = await cluster.until(
    `${job.kind} job ${job.id} to end`,
    async () => {
      const r = await jobRow(cluster, job);
      return r && ENDED.includes(r.status) ? r : null;
    },
    timeoutMs,
  );
  return row.status;
}

/** Checks the effects of an ended (or given up on) job. */
export async function audit(cluster: ChaosCluster, job: SubmittedJob): Promise<LedgerEntry> {
  const db = cluster.db;
  const status = (await jobRow(cluster, job))?.status ?? 'missing';
  const problems: string[] = [];
  let duplicated = 0;
  if (!DONE.includes(status)) problems.push(`${job.kind} job ${job.id} is ${status}`);
  if (job.kind === 'fitment') {
    const { rows } = await db.query(
      `SELECT a.product_count, a.products_done, a.fitments_count,
              (SELECT count(*)::int FROM fitment.fitments f WHERE f.job_id = a.job_id) AS fitments,
              (SELECT coalesce(sum(fitment_count), 0)::int FROM fitment.ai_job_parts p WHERE p.job_id = a.job_id) AS part_fitments,
              (SELECT count(*)::int FROM fitment.ai_job_parts p WHERE p.job_id = a.job_id AND done_at IS NOT NULL) AS parts_done
         FROM fitment.ai_jobs a WHERE a.job_id = $1`,
      [job.id],
    );
    const a = rows[0];
    if (!a) problems.push(`fitment job ${job.id} has no ai_jobs row`);
    else {
      if (a.product_count !== job.expect.products) problems.push(`product_count ${a.product_count}`);
      if (DONE.includes(status) && (a.products_done !== a.product_count || a.parts_done !== a.product_count))
        problems.push(`products done ${a.products_done}, parts done ${a.parts_done} of ${a.product_count}`);
      // A fitment written twice shows as more rows than the parts recorded, or counts above the rows.
      if (a.fitments !== a.part_fitments || a.fitments_count !== a.fitments) {
        duplicated += Math.abs(a.fitments_count - a.fitments) + Math.abs(a.fitments - a.part_fitments);
        problems.push(`fitments: ${a.fitments} rows, ${a.part_fitments} by part, ${a.fitments_count} counted`);
      }
    }
  } else if (job.kind === 'import') {
    const { rows } = await db.query(
      `SELECT (SELECT count(*)::int FROM ingestion.purchase_order_lines WHERE upload_id = $1) AS lines,
              (SELECT count(*)::int FROM ingestion.purchase_order_lines l JOIN ingestion.purchase_orders o ON o.id = l.purchase_order_id
                WHERE o.tenant_id = $2 AND o.po_number LIKE $3) AS order_lines,
              (SELECT count(*)::int FROM ingestion.purchase_orders WHERE tenant_id = $2 AND po_number LIKE $3) AS orders,
              (SELECT count(*)::int FROM ingestion.products WHERE tenant_id = $2 AND part_number LIKE $4) AS products`,
      [job.expect.uploadId, TENANT, `${job.expect.prefix}-PO-%`, `${job.expect.prefix}-P-%`],
    );
    const r = rows[0];
    const want = {
      lines: job.expect.rows!,
      order_lines: job.expect.rows!,
      orders: Math.ceil(job.expect.rows! / 10),
      products: Math.min(1000, job.expect.rows!),
    };
    for (const key of Object.keys(want) as (keyof typeof want)[]) {
      if (DONE.includes(status) ? r[key] === want[key] : r[key] === 0) continue;
      if (r[key] > want[key]) duplicated += r[key] - want[key];
      problems.push(`import ${job.id}: ${key} ${r[key]}, expected ${DONE.includes(status) ? want[key] : 0}`);
    }
  } else {
    const { rows } = await db.query(`SELECT result_key, inputs FROM media.tasks WHERE id = $1`, [job.id]);
    const t = rows[0];
    if (!t) problems.push(`media task ${job.id} has no task row`);
    else {
      if (DONE.includes(status) && !t.result_key) problems.push(`media task ${job.id} has no result`);
      const files = await readdir(`${cluster.storageDir}/media/${TENANT}/${job.id}`).catch(() => [] as string[]);
      const want = Object.keys(t.inputs ?? {}).length + (t.result_key ? 1 : 0);
      if (files.length > want) {
        duplicated += files.length - want;
        problems.push(`media task ${job.id}: files ${files.join(', ')}`);
      }
    }
  }
  return { job, status, lost: !DONE.includes(status), duplicated, problems };
}
