import { defineQueues, job, jobNamesOf, queue, queueNamesOf } from '../jobs/job-definition.js';
import type { JobRef } from '../jobs/job-ref.js';
import type { ImportCounts } from './import-fields.js';

/** What an import job returns (also the job row's result), shaped like the legacy API's task result. */
export type ImportJobResult = ImportCounts & { status: 'success'; upload_id: string; quality_score: number };

/**
 * Bull queues of the ingestion service and the jobs on each (the Bull queue is `ingestion.<queue>`).
 * Wire names: never change one without a migration note.
 */
export const IngestionQueues = defineQueues({
  /** Streaming file imports. */
  Import: queue('import', {
    /** Imports one upload into the catalog (params on the job row: uploadId, mode, maxErrors, mapping). */
    Import: job('ingestion.import').of<JobRef, ImportJobResult>(),
  }),
});

export const IngestionQueueNames = queueNamesOf(IngestionQueues);
export const IngestionJobNames = jobNamesOf(IngestionQueues);
