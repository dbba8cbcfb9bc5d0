/** Every job of every service moves through these states (see docs/architecture.md, "Job state machine"). */
export const JOB_STATUSES = ['queued', 'processing', 'review_required', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** States a job never leaves. */
export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

/** Allowed transitions; anything else is a bug in the caller. */
export const JOB_TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  queued: ['processing', 'cancelled', 'failed'],
  processing: ['processing', 'review_required', 'completed', 'failed', 'cancelled', 'queued'],
  review_required: ['completed', 'cancelled'],
  completed: [],
  failed: [],
  cancelled: [],
};

export function isTerminalStatus(status: JobStatus): boolean {
  return TERMINAL_JOB_STATUSES.includes(status);
}

export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return JOB_TRANSITIONS[from].includes(to);
}
