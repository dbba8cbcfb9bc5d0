import type { AiFitmentJobDto, AiFitmentJobProgressDto, JobStatus, TaskState } from '@torque/contracts';
import type { AiJobRow } from './ai-jobs.repository.js';

const TASK_STATE: Record<JobStatus, TaskState> = {
  queued: 'PENDING',
  processing: 'PROGRESS',
  review_required: 'SUCCESS',
  completed: 'SUCCESS',
  failed: 'FAILURE',
  cancelled: 'REVOKED',
};

export function toAiJobDto(row: AiJobRow): AiFitmentJobDto {
  const pending = row.fitments_count - row.approved_count - row.rejected_count;
  const percent =
    row.status === 'completed' || row.status === 'review_required'
      ? 100
      : row.product_count > 0
        ? Math.min(100, Math.floor((row.products_done / row.product_count) * 100))
        : 0;
  return {
    id: row.job_id,
    job_type: row.job_type,
    status: row.status,
    product_count: row.product_count,
    products_processed: row.products_done,
    fitments_count: row.fitments_count,
    approved_count: row.approved_count,
    rejected_count: row.rejected_count,
    pending_count: pending,
    product_ids: row.product_ids.map(Number),
    product_file_name: row.product_file_name,
    progress_percent: percent,
    created_at: row.created_at.toISOString(),
    started_at: row.started_at?.toISOString() ?? null,
    completed_at: row.completed_at?.toISOString() ?? null,
    error_message: row.error_message,
  };
}

/** The legacy API's progress answer: the job, and a Celery-style task status over the products. */
export function toProgressDto(row: AiJobRow): AiFitmentJobProgressDto {
  const job = toAiJobDto(row);
  let status = row.progress_message;
  if (row.status === 'queued') status = 'Waiting in the queue...';
  else if (row.status === 'processing' && !status) status = 'Processing products...';
  return {
    job,
    task_status: {
      state: TASK_STATE[row.status],
      info: { current: row.products_done, total: row.product_count, status },
    },
  };
}
