import type { JobStatus, JobViewDto, ServiceName } from '@torque/contracts';

/** A row of `<schema>.jobs` as read by JobsRepository. */
export interface JobRecord {
  id: string;
  tenant_id: string;
  type: string;
  status: JobStatus;
  progress_current: number;
  progress_total: number;
  progress_message: string;
  counts: Record<string, number>;
  params: Record<string, unknown>;
  result: unknown;
  error_code: string | null;
  error_message: string | null;
  dedupe_key: string | null;
  correlation_id: string | null;
  attempts: number;
  cancel_requested_at: Date | null;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  updated_at: Date;
}

export function percentOf(current: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((current / total) * 100));
}

export function toJobView(service: ServiceName, row: JobRecord): JobViewDto {
  const ended = row.status === 'completed' || row.status === 'failed' || row.status === 'cancelled';
  return {
    id: row.id,
    service,
    type: row.type,
    status: row.status,
    progress: {
      current: row.progress_current,
      total: row.progress_total,
      percent: row.status === 'completed' ? 100 : percentOf(row.progress_current, row.progress_total),
      message: row.progress_message,
    },
    counts: row.counts,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    tenant: row.tenant_id,
    cancelRequested: row.cancel_requested_at !== null && !ended,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}
