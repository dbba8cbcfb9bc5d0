import type { JobStatus } from '@torque/contracts';
import type { EntityManager } from 'typeorm';
import type { JobRecord } from './job-record.js';

export interface NewJob {
  id: string;
  tenantId: string;
  type: string;
  params: Record<string, unknown>;
  dedupeKey?: string | null;
  correlationId?: string | null;
  progressTotal?: number;
}

export interface JobFilter {
  tenantId: string;
  type?: string;
  status?: JobStatus;
}

export interface JobPatch {
  status?: JobStatus;
  progressCurrent?: number;
  progressTotal?: number;
  progressMessage?: string;
  counts?: Record<string, number>;
  result?: unknown;
  errorCode?: string | null;
  errorMessage?: string | null;
  startedNow?: boolean;
  completedNow?: boolean;
  incrementAttempts?: boolean;
}

/** All SQL on the jobs table. Every method takes the EntityManager so callers choose the transaction. */
export class JobsRepository {
  async insert(em: EntityManager, job: NewJob): Promise<JobRecord> {
    const rows: JobRecord[] = await em.query(
      `INSERT INTO jobs (id, tenant_id, type, status, params, dedupe_key, correlation_id, progress_total)
       VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7)
       RETURNING *`,
      [
        job.id,
        job.tenantId,
        job.type,
        job.params,
        job.dedupeKey ?? null,
        job.correlationId ?? null,
        job.progressTotal ?? 0,
      ],
    );
    return rows[0];
  }

  /** The queued or running job with this de-duplication key, if any. */
  async findActiveByDedupeKey(
    em: EntityManager,
    tenantId: string,
    type: string,
    key: string,
  ): Promise<JobRecord | null> {
    const rows: JobRecord[] = await em.query(
      `SELECT * FROM jobs WHERE tenant_id = $1 AND type = $2 AND dedupe_key = $3 AND status IN ('queued','processing')`,
      [tenantId, type, key],
    );
    return rows[0] ?? null;
  }

  async findById(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<JobRecord | null> {
    const rows: JobRecord[] = await em.query(`SELECT * FROM jobs WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  async list(
    em: EntityManager,
    filter: JobFilter,
    offset: number,
    limit: number,
  ): Promise<{ rows: JobRecord[]; total: number }> {
    const where = ['tenant_id = $1'];
    const params: unknown[] = [filter.tenantId];
    if (filter.type) {
      params.push(filter.type);
      where.push(`type = $${params.length}`);
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    const clause = where.join(' AND ');
    const [rows, count] = await Promise.all([
      em.query(
        `SELECT * FROM jobs WHERE ${clause} ORDER BY created_at DESC, id DESC OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
        [...params, offset, limit],
      ) as Promise<JobRecord[]>,
      em.query(`SELECT count(*)::int AS total FROM jobs WHERE ${clause}`, params) as Promise<{ total: number }[]>,
    ]);
    return { rows, total: count[0].total };
  }

  async update(em: EntityManager, id: string, patch: JobPatch): Promise<JobRecord> {
    const sets: string[] = ['updated_at = now()'];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (patch.status !== undefined) set('status', patch.status);
    if (patch.progressCurrent !== undefined) set('progress_current', patch.progressCurrent);
    if (patch.progressTotal !== undefined) set('progress_total', patch.progressTotal);
    if (patch.progressMessage !== undefined) set('progress_message', patch.progressMessage);
    if (patch.counts !== undefined) set('counts', patch.counts);
    if (patch.result !== undefined) set('result', JSON.stringify(patch.result));
    if (patch.errorCode !== undefined) set('error_code', patch.errorCode);
    if (patch.errorMessage !== undefined) set('error_message', patch.errorMessage);
    if (patch.startedNow) sets.push('started_at = COALESCE(started_at, now())');
    if (patch.completedNow) sets.push('completed_at = now()');
    if (patch.incrementAttempts) sets.push('attempts = attempts + 1');
    const rows: [JobRecord[], number] = await em.query(
      `UPDATE jobs SET ${sets.join(', ')} WHERE id = $1 RETURNING *`,
      params,
    );
    return rows[0][0];
  }

  async markCancelRequested(em: EntityManager, id: string): Promise<void> {
    await em.query(
      `UPDATE jobs SET cancel_requested_at = COALESCE(cancel_requested_at, now()), updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  /** Deletes finished jobs (of one tenant, or of all when null) that ended before the cut-off; returns how many went. */
  async deleteFinishedBefore(em: EntityManager, cutoff: Date, batch: number, tenantId: string | null): Promise<number> {
    const rows: [unknown[], number] = await em.query(
      `DELETE FROM jobs WHERE id IN (
         SELECT id FROM jobs
          WHERE status IN ('completed','failed','cancelled') AND completed_at < $1
            AND ($3::varchar IS NULL OR tenant_id = $3)
          LIMIT $2)`,
      [cutoff, batch, tenantId],
    );
    return rows[1];
  }
}
