import type { JobOptions, QueueOptions } from 'bull';

/** Default options of every Bull job in Torque: retried with backoff, and never kept for long in Redis. */
export const DEFAULT_JOB_OPTIONS: JobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
};

/** Stalled-job handling: a job whose worker died goes back to waiting after the lock expires, at most twice. */
export const DEFAULT_QUEUE_SETTINGS: NonNullable<QueueOptions['settings']> = {
  lockDuration: 30_000,
  stalledInterval: 15_000,
  maxStalledCount: 2,
};
