import { Injectable } from '@nestjs/common';
import type { JobStatus } from '@torque/contracts';
import { JobLifecycleService, type JobPatch, type JobRecord, type Outcome } from '@torque/platform';
import type { EntityManager } from 'typeorm';
import { AiJobsRepository, type AiJobCounts } from '../ai-jobs/ai-jobs.repository.js';

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

function pendingOf(c: AiJobCounts): number {
  return c.fitments_count - c.approved_count - c.rejected_count;
}

/** How a generation ends given its counts: waiting for review while fitments are pending, else completed. */
export function generationOutcome(c: AiJobCounts, counts: Record<string, number>): Omit<Outcome, 'decide'> {
  const pending = pendingOf(c);
  return {
    status: pending > 0 ? 'review_required' : 'completed',
    counts: { ...counts, ...jobCounts(c) },
    message:
      c.fitments_count === 0
        ? `No fitments found for ${c.products_done} products`
        : `${c.fitments_count} fitments for ${c.products_done} products; ${pending} wait for review`,
  };
}

/** What a review changes on a job row: its counts, and review_required -> completed once nothing is pending. */
export function reviewedPatch(job: JobRecord, c: AiJobCounts): JobPatch {
  const patch: JobPatch = { counts: { ...job.counts, ...jobCounts(c) } };
  if (job.status === 'review_required' && pendingOf(c) === 0) {
    patch.status = 'completed';
    patch.completedNow = true;
    patch.progressMessage = 'All fitments reviewed';
  }
  return patch;
}

/**
 * Keeps a job's row in step with its fitment counts, through JobLifecycleService and inside the
 * transaction that changed the counts. The end of generation and every review take the same locks
 * in the same order, the job's `ai_jobs` row (its counts) and then its job row, and hold them until
 * they commit; so whichever of the two commits last sees what the other wrote, and a job whose
 * fitments are all reviewed never stays review_required.
 */
@Injectable()
export class JobSettlement {
  constructor(
    private readonly aiJobs: AiJobsRepository,
    private readonly lifecycle: JobLifecycleService,
  ) {}

  /**
   * After a review: the counts of the given jobs (whose counts rows the caller locked, in job id
   * order) onto their rows, completing those with nothing pending. Returns each job's status.
   */
  async afterReview(em: EntityManager, counts: Map<string, AiJobCounts>): Promise<Map<string, JobStatus>> {
    const statuses = new Map<string, JobStatus>();
    for (const [jobId, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
      const row = await this.lifecycle.applyInTransaction(em, jobId, (job) => reviewedPatch(job, c));
      statuses.set(jobId, row.status);
    }
    return statuses;
  }

  /**
   * The end of a generation, decided in the transaction that records it (Outcome.decide): the
   * counts as they are once locked, reviews that ran while the job did included.
   */
  async endOfGeneration(
    em: EntityManager,
    jobId: string,
    counts: Record<string, number>,
  ): Promise<Omit<Outcome, 'decide'>> {
    const c = await this.aiJobs.lockCounts(em, jobId);
    if (!c) throw new Error(`AI fitment job ${jobId} has no fitment record`);
    return generationOutcome(c, counts);
  }
}
