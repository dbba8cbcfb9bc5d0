import { defineQueues, job, jobNamesOf, queue, queueNamesOf } from '../jobs/job-definition.js';
import type { JobRef } from '../jobs/job-ref.js';

/** What an export job returns (also the job row's result). */
export interface ExportJobResult {
  export_id: string;
  file_name: string;
}

/**
 * Bull queues of the fitment service and the jobs on each (short queue names; the Bull queue is
 * `fitment.<queue>`). Wire names: never change one without a migration note.
 */
export const FitmentQueues = defineQueues({
  /** AI fitment generation, one Bull job per AI fitment job. */
  Generate: queue('generate', {
    /** Generates the fitments of one AI fitment job (params on the job row and in fitment.ai_jobs). */
    FitmentGenerate: job('fitment.generate').of<JobRef, void>(),
  }),
  /** ACES / CSV exports too large to build within a request. */
  Export: queue('export', {
    /** Builds one export file (fitment.exports row). */
    FitmentExport: job('fitment.export').of<JobRef, ExportJobResult>(),
  }),
});

export const FitmentQueueNames = queueNamesOf(FitmentQueues);
export const FitmentJobNames = jobNamesOf(FitmentQueues);
