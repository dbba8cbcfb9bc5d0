import type { FitmentJobType, JobStatus } from '@torque/contracts';
import type { EntityManager } from 'typeorm';

/** A row of `ai_jobs` joined with its platform job row. */
export interface AiJobRow {
  job_id: string;
  tenant_id: string;
  job_type: FitmentJobType;
  product_ids: string[];
  product_file_name: string;
  product_file_key: string | null;
  product_count: number;
  products_done: number;
  fitments_count: number;
  approved_count: number;
  rejected_count: number;
  provider: string;
  status: JobStatus;
  progress_message: string;
  error_message: string | null;
  cancel_requested_at: Date | null;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
}

/** A product (selection) or file row (upload) of a job, in job order. */
export interface JobPartRow {
  seq: number;
  product_id: string | null;
  part_number: string | null;
  description: string | null;
  category: string | null;
  attributes: Record<string, unknown> | null;
}

export interface NewJobPart {
  productId?: number | null;
  partNumber?: string | null;
  description?: string | null;
  category?: string | null;
  attributes?: Record<string, unknown> | null;
}

export interface PartOutcome {
  seq: number;
  /** The part number as the catalog has it (selection jobs learn it when the product is read). */
  partNumber: string | null;
  outcome: 'fitted' | 'none' | 'missing' | 'universal';
  fitmentCount: number;
  warnings: string[];
}

export interface AiJobCounts {
  product_count: number;
  products_done: number;
  fitments_count: number;
  approved_count: number;
  rejected_count: number;
}

const VIEW_COLUMNS = `
  a.job_id, a.tenant_id, a.job_type, a.product_ids::text[] AS product_ids, a.product_file_name, a.product_file_key,
  a.product_count, a.products_done, a.fitments_count, a.approved_count, a.rejected_count, a.provider,
  j.status, j.progress_message, j.error_message, j.cancel_requested_at, j.created_at, j.started_at, j.completed_at`;

/** All SQL on `ai_jobs` and `ai_job_parts`. Every method takes the EntityManager so callers choose the transaction. */
export class AiJobsRepository {
  async insert(
    em: EntityManager,
    job: {
      jobId: string;
      tenantId: string;
      jobType: FitmentJobType;
      productIds: number[];
      fileName: string;
      fileKey: string | null;
      provider: string;
    },
    parts: NewJobPart[],
  ): Promise<void> {
    await em.query(
      `INSERT INTO ai_jobs (job_id, tenant_id, job_type, product_ids, product_file_name, product_file_key, product_count, provider)
       VALUES ($1, $2, $3, $4::bigint[], $5, $6, $7, $8)`,
      [job.jobId, job.tenantId, job.jobType, job.productIds, job.fileName, job.fileKey, parts.length, job.provider],
    );
    // One statement per 5000 parts: a job's parts travel as JSON rows.
    for (let i = 0; i < parts.length; i += 5000) {
      const rows = parts.slice(i, i + 5000).map((p, k) => ({
        seq: i + k + 1,
        product_id: p.productId ?? null,
        part_number: p.partNumber ?? null,
        description: p.description ?? null,
        category: p.category ?? null,
        attributes: p.attributes ?? null,
      }));
      await em.query(
        `INSERT INTO ai_job_parts (job_id, seq, product_id, part_number, description, category, attributes)
         SELECT $1, r.seq, r.product_id, r.part_number, r.description, r.category, r.attributes
           FROM jsonb_to_recordset($2::jsonb)
             AS r(seq int, product_id bigint, part_number text, description text, category text, attributes jsonb)`,
        [job.jobId, JSON.stringify(rows)],
      );
    }
  }

  async find(em: EntityManager, jobId: string, tenantId?: string): Promise<AiJobRow | null> {
    const rows: AiJobRow[] = await em.query(
      `SELECT ${VIEW_COLUMNS} FROM ai_jobs a JOIN jobs j ON j.id = a.job_id
        WHERE a.job_id = $1 AND ($2::text IS NULL OR a.tenant_id = $2)`,
      [jobId, tenantId ?? null],
    );
    return rows[0] ?? null;
  }

  /** The tenant's jobs, newest first; each with the first 100 of its product ids (a list stays small). */
  async list(em: EntityManager, tenantId: string, status: JobStatus | undefined, limit: number): Promise<AiJobRow[]> {
    return em.query(
      `SELECT ${VIEW_COLUMNS.replace('a.product_ids::text[]', '(a.product_ids[1:100])::text[]')} FROM ai_jobs a JOIN jobs j ON j.id = a.job_id
        WHERE a.tenant_id = $1 AND ($2::text IS NULL OR j.status = $2)
        ORDER BY a.created_at DESC, a.job_id DESC
        LIMIT $3`,
      [tenantId, status ?? null, limit],
    );
  }

  /** Locks the job's counts row (review and generation serialize on it) and returns the counts. */
  async lockCounts(em: EntityManager, jobId: string): Promise<AiJobCounts | null> {
    const rows: AiJobCounts[] = await em.query(
      `SELECT product_count, products_done, fitments_count, approved_count, rejected_count FROM ai_jobs WHERE job_id = $1 FOR UPDATE`,
      [jobId],
    );
    return rows[0] ?? null;
  }

  async addCounts(
    em: EntityManager,
    jobId: string,
    delta: { productsDone?: number; fitments?: number; approved?: number; rejected?: number },
  ): Promise<AiJobCounts> {
    const rows: [AiJobCounts[], number] = await em.query(
      `UPDATE ai_jobs
          SET products_done = products_done + $2, fitments_count = fitments_count + $3,
              approved_count = approved_count + $4, rejected_count = rejected_count + $5
        WHERE job_id = $1
        RETURNING product_count, products_done, fitments_count, approved_count, rejected_count`,
      [jobId, delta.productsDone ?? 0, delta.fitments ?? 0, delta.approved ?? 0, delta.rejected ?? 0],
    );
    return rows[0][0];
  }

  /** The next parts not yet done after `afterSeq`, in job order: the per-job cursor a resumed job starts from. */
  async nextParts(em: EntityManager, jobId: string, afterSeq: number, limit: number): Promise<JobPartRow[]> {
    return em.query(
      `SELECT seq, product_id::text AS product_id, part_number, description, category, attributes
         FROM ai_job_parts WHERE job_id = $1 AND done_at IS NULL AND seq > $2 ORDER BY seq LIMIT $3`,
      [jobId, afterSeq, limit],
    );
  }

  /** Marks parts done (only those not done yet); returns how many it marked. */
  async markDone(em: EntityManager, jobId: string, outcomes: PartOutcome[]): Promise<number> {
    if (outcomes.length === 0) return 0;
    const rows: [unknown[], number] = await em.query(
      `UPDATE ai_job_parts p
          SET done_at = now(), outcome = r.outcome, fitment_count = r.fitment_count, warnings = r.warnings,
              part_number = COALESCE(p.part_number, r.part_number)
         FROM jsonb_to_recordset($2::jsonb) AS r(seq int, part_number text, outcome text, fitment_count int, warnings text[])
        WHERE p.job_id = $1 AND p.seq = r.seq AND p.done_at IS NULL`,
      [
        jobId,
        JSON.stringify(
          outcomes.map((o) => ({
            seq: o.seq,
            part_number: o.partNumber,
            outcome: o.outcome,
            fitment_count: o.fitmentCount,
            warnings: o.warnings,
          })),
        ),
      ],
    );
    return rows[1];
  }

  /** What the engine noted about the parts of these fitments (years not in the catalog, provider failures ...). */
  async warningsOf(em: EntityManager, fitmentIds: string[]): Promise<Array<{ id: string; warnings: string[] }>> {
    if (fitmentIds.length === 0) return [];
    return em.query(
      `SELECT f.id, p.warnings
         FROM fitments f
         JOIN ai_job_parts p ON p.job_id = f.job_id
                            AND (p.product_id = f.product_id OR (f.product_id IS NULL AND p.product_id IS NULL AND p.part_number = f.part_id))
        WHERE f.id = ANY($1::uuid[]) AND cardinality(p.warnings) > 0`,
      [fitmentIds],
    );
  }

  /** Findings about the job's products: their warnings, and the products without any fitment. */
  async partFindings(
    em: EntityManager,
    jobId: string,
    limit: number,
  ): Promise<{
    rows: Array<{ part_id: string; product_id: string | null; outcome: string; warnings: string[] }>;
    withYearWarnings: number;
    withoutFitments: number;
  }> {
    const rows: Array<{ part_id: string; product_id: string | null; outcome: string; warnings: string[] }> =
      await em.query(
        `SELECT COALESCE(part_number, product_id::text) AS part_id, product_id::text AS product_id, outcome, warnings
         FROM ai_job_parts
        WHERE job_id = $1 AND done_at IS NOT NULL AND (cardinality(warnings) > 0 OR outcome <> 'fitted')
        ORDER BY seq LIMIT $2`,
        [jobId, limit],
      );
    const counts: Array<{ with_year_warnings: number; without_fitments: number }> = await em.query(
      `SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM unnest(warnings) w WHERE w ~ $2))::int AS with_year_warnings,
              count(*) FILTER (WHERE done_at IS NOT NULL AND outcome <> 'fitted')::int AS without_fitments
         FROM ai_job_parts WHERE job_id = $1`,
      [jobId, YEAR_WARNING.source],
    );
    return { rows, withYearWarnings: counts[0].with_year_warnings, withoutFitments: counts[0].without_fitments };
  }
}

/** Engine warnings about model years the vehicle catalog does not have (a finding of its own). */
export const YEAR_WARNING = /(does|do) not exist for|outside the catalog's years/;
