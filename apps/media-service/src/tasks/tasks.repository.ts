import type { MediaImageField, MediaTaskType } from '@torque/contracts';
import type { EntityManager } from 'typeorm';

/** One stored input image of a task. */
export interface StoredInput {
  key: string;
  format: 'png' | 'jpeg' | 'webp';
  bytes: number;
  sha256: string;
  width: number;
  height: number;
}

export interface NewTask {
  id: string;
  tenantId: string;
  taskType: MediaTaskType;
  queue: 'cpu' | 'gpu';
  prompt: string | null;
  parameters: Record<string, unknown>;
  inputs: Partial<Record<MediaImageField, StoredInput>>;
  webhookUrl: string | null;
  deadlineSeconds: number | null;
}

/** A task row joined with its job row: everything a status answer needs. */
export interface TaskRow {
  id: string;
  tenant_id: string;
  task_type: MediaTaskType;
  queue: 'cpu' | 'gpu';
  prompt: string | null;
  parameters: Record<string, unknown>;
  inputs: Partial<Record<MediaImageField, StoredInput>>;
  webhook_url: string | null;
  deadline_at: Date | null;
  result_key: string | null;
  result_bytes: number | null;
  result_width: number | null;
  result_height: number | null;
  engine: string | null;
  refined_prompt: string | null;
  result_metadata: Record<string, unknown> | null;
  files_removed_at: Date | null;
  created_at: Date;
  status: 'queued' | 'processing' | 'review_required' | 'completed' | 'failed' | 'cancelled';
  progress_current: number;
  progress_total: number;
  progress_message: string;
  error_code: string | null;
  error_message: string | null;
  started_at: Date | null;
  completed_at: Date | null;
}

export interface StoredResult {
  key: string;
  bytes: number;
  width: number;
  height: number;
  engine: string;
  refinedPrompt: string | null;
  metadata: Record<string, unknown>;
}

const SELECT = `
  SELECT t.*, j.status, j.progress_current, j.progress_total, j.progress_message, j.error_code, j.error_message,
         j.started_at, j.completed_at
    FROM tasks t JOIN jobs j ON j.id = t.id`;

/** The SQL of media tasks (schema `media`, on the service's search_path). */
export class TasksRepository {
  async insert(em: EntityManager, t: NewTask): Promise<void> {
    await em.query(
      `INSERT INTO tasks (id, tenant_id, task_type, queue, prompt, parameters, inputs, webhook_url, deadline_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $9::int IS NULL THEN NULL ELSE now() + make_interval(secs => $9::int) END)`,
      [
        t.id,
        t.tenantId,
        t.taskType,
        t.queue,
        t.prompt,
        JSON.stringify(t.parameters),
        JSON.stringify(t.inputs),
        t.webhookUrl,
        t.deadlineSeconds,
      ],
    );
  }

  async get(em: EntityManager, id: string, tenantId?: string): Promise<TaskRow | null> {
    const rows: TaskRow[] = await em.query(`${SELECT} WHERE t.id = $1 AND ($2::text IS NULL OR t.tenant_id = $2)`, [
      id,
      tenantId ?? null,
    ]);
    return rows[0] ?? null;
  }

  async list(
    em: EntityManager,
    tenantId: string,
    filter: { taskType?: MediaTaskType; jobStatuses?: string[] },
    offset: number,
    limit: number,
  ): Promise<{ rows: TaskRow[]; total: number }> {
    const where = `t.tenant_id = $1 AND ($2::text IS NULL OR t.task_type = $2) AND ($3::text[] IS NULL OR j.status = ANY($3))`;
    const params = [tenantId, filter.taskType ?? null, filter.jobStatuses ?? null];
    const [rows, count] = await Promise.all([
      em.query(`${SELECT} WHERE ${where} ORDER BY t.created_at DESC, t.id DESC OFFSET $4 LIMIT $5`, [
        ...params,
        offset,
        limit,
      ]) as Promise<TaskRow[]>,
      em.query(`SELECT count(*)::int AS n FROM tasks t JOIN jobs j ON j.id = t.id WHERE ${where}`, params) as Promise<
        { n: number }[]
      >,
    ]);
    return { rows, total: count[0].n };
  }

  /** Queued tasks ahead of `id` on its queue, every tenant's (a count only: nothing about them is shown). */
  async queuePosition(em: EntityManager, row: Pick<TaskRow, 'id' | 'queue'>): Promise<number> {
    const [{ n }]: { n: number }[] = await em.query(
      `SELECT count(*)::int AS n FROM jobs j, (SELECT created_at, id FROM jobs WHERE id = $1) me
        WHERE j.status = 'queued' AND j.params->>'queue' = $2 AND (j.created_at, j.id) < (me.created_at, me.id)`,
      [row.id, row.queue],
    );
    return n;
  }

  async saveResult(em: EntityManager, id: string, r: StoredResult): Promise<void> {
    await em.query(
      `UPDATE tasks SET result_key = $2, result_bytes = $3, result_width = $4, result_height = $5, engine = $6,
              refined_prompt = $7, result_metadata = $8
        WHERE id = $1`,
      [id, r.key, r.bytes, r.width, r.height, r.engine, r.refinedPrompt, JSON.stringify(r.metadata)],
    );
  }

  /** Ended tasks whose files are still stored though their result expired (`ttlSeconds` after the end). */
  async expiredWithFiles(em: EntityManager, ttlSeconds: number, limit: number): Promise<TaskRow[]> {
    return em.query(
      `${SELECT} WHERE t.files_removed_at IS NULL AND j.completed_at IS NOT NULL
          AND j.completed_at < now() - make_interval(secs => $1::int)
        ORDER BY j.completed_at LIMIT $2`,
      [ttlSeconds, limit],
    );
  }

  async markFilesRemoved(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE tasks SET files_removed_at = now() WHERE id = $1`, [id]);
  }

  /** Queued tasks whose pending deadline passed. */
  async overdue(em: EntityManager, limit: number): Promise<TaskRow[]> {
    return em.query(`${SELECT} WHERE t.deadline_at < now() AND j.status = 'queued' ORDER BY t.deadline_at LIMIT $1`, [
      limit,
    ]);
  }
}
