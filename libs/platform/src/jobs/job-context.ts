import type { JobRecord } from './job-record.js';
import { JobCancelledError } from './job-errors.js';
import type { JobLifecycleService } from './job-lifecycle.service.js';

export const PROGRESS_INTERVAL_MS = 200;

/** What a job handler gets: its row, a cancel signal to check between units of work, and progress reporting. */
export class JobContext {
  readonly counts: Record<string, number>;
  /** Aborts when a cancel was asked for (or the process hands the job back at shutdown). */
  readonly signal: AbortSignal;
  private readonly stop = new AbortController();
  private lastProgressAt = 0;

  constructor(
    readonly job: JobRecord,
    signal: AbortSignal,
    private readonly lifecycle: Pick<JobLifecycleService, 'progress'>,
  ) {
    this.counts = { ...job.counts };
    this.signal = AbortSignal.any([signal, this.stop.signal]);
  }

  get cancelled(): boolean {
    return this.signal.aborted;
  }

  /** Call between units of work: ends the job as `cancelled` once a cancel was asked for. */
  throwIfCancelled(): void {
    if (this.signal.aborted) throw new JobCancelledError(this.job.id);
  }

  count(name: string, by = 1): void {
    this.counts[name] = (this.counts[name] ?? 0) + by;
  }

  /**
   * Records progress; writes are throttled to one per 200 ms unless `force` (a phase change) or the
   * last unit (current >= total). Each write also reads back the row's cancel request, so a cancel
   * whose fast signal (Redis pub/sub) was lost still stops the job at its next check.
   */
  async progress(current: number, total: number, message: string, force = false): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastProgressAt < PROGRESS_INTERVAL_MS && current < total) return;
    this.lastProgressAt = now;
    const row = await this.lifecycle.progress(this.job.id, current, total, message, this.counts);
    if (row?.cancel_requested_at) this.stop.abort();
  }
}
