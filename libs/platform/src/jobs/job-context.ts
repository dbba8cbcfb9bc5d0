import type { JobRecord } from './job-record.js';
import { JobCancelledError } from './job-errors.js';
import type { JobLifecycleService } from './job-lifecycle.service.js';

const PROGRESS_INTERVAL_MS = 200;

/** What a job handler gets: its row, a cancel signal to check between units of work, and progress reporting. */
export class JobContext {
  readonly counts: Record<string, number>;
  private lastProgressAt = 0;

  constructor(
    readonly job: JobRecord,
    readonly signal: AbortSignal,
    private readonly lifecycle: JobLifecycleService,
  ) {
    this.counts = { ...job.counts };
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

  /** Records progress; writes are throttled to one per 200 ms unless `force` (the last unit, a phase change). */
  async progress(current: number, total: number, message: string, force = false): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastProgressAt < PROGRESS_INTERVAL_MS && current < total) return;
    this.lastProgressAt = now;
    await this.lifecycle.progress(this.job.id, current, total, message, this.counts);
  }
}
