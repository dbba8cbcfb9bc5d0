import { Injectable } from '@nestjs/common';
import { EventNames } from '@torque/contracts';
import { enqueueEvent, JobLifecycleService, JobsRepository, OutboxRelayService, type JobPatch } from '@torque/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { AiJobsRepository, type AiJobCounts } from './ai-jobs.repository.js';

/** The job row's `counts` (what /api/v1/jobs shows) from the fitment counts. */
export function jobCounts(c: AiJobCounts): Record<string, number> {
  return {
    products: c.product_count,
    products_processed: c.products_done,
    fitments: c.fitments_count,
    approved: c.approved_count,
    rejected: c.rejected_count,
    pending: c.fitments_count - c.approved_count - c.rejected_count,
  };
}

/**
 * Keeps a job's row in step with its review, in the transaction of the review itself: the counts
 * mirrored onto the job row, and review_required -> completed once nothing is pending (with its
 * state event in the outbox). Callers lock the ai_jobs rows first, always in job id order.
 */
@Injectable()
export class JobSettlement {
  constructor(
    private readonly dataSource: DataSource,
    private readonly aiJobs: AiJobsRepository,
    private readonly jobs: JobsRepository,
    private readonly lifecycle: JobLifecycleService,
    private readonly relay: OutboxRelayService,
  ) {}

  /** Applies the counts of the given (locked) jobs to their rows; returns whether a state event was written. */
  async apply(em: EntityManager, counts: Map<string, AiJobCounts>): Promise<boolean> {
    let events = false;
    for (const [jobId, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
      const job = await this.jobs.findById(em, jobId, { forUpdate: true });
      if (!job) continue;
      const patch: JobPatch = { counts: { ...job.counts, ...jobCounts(c) } };
      const pending = c.fitments_count - c.approved_count - c.rejected_count;
      if (job.status === 'review_required' && pending === 0) {
        patch.status = 'completed';
        patch.completedNow = true;
        patch.progressMessage = 'All fitments reviewed';
      }
      const updated = await this.jobs.update(em, jobId, patch);
      if (patch.status) {
        await enqueueEvent(
          em,
          EventNames.JobStateChanged,
          'fitment',
          updated.tenant_id,
          updated.correlation_id,
          this.lifecycle.view(updated),
        );
        events = true;
      }
    }
    return events;
  }

  /** Completes jobs left waiting for review with nothing pending (a review that raced the end of generation). */
  async settle(jobIds: string[]): Promise<void> {
    const events = await this.dataSource.transaction(async (em) => {
      const counts = new Map<string, AiJobCounts>();
      for (const id of [...jobIds].sort()) {
        const c = await this.aiJobs.lockCounts(em, id);
        if (c) counts.set(id, c);
      }
      return this.apply(em, counts);
    });
    if (events) this.relay.kick();
  }
}
