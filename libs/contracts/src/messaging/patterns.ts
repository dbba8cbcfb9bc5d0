import { CatalogPatterns, type CatalogMessageContracts } from '../catalog/catalog.patterns.js';
import { IngestionPatterns, type IngestionMessageContracts } from '../ingestion/ingestion.patterns.js';
import { FitmentPatterns, type FitmentMessageContracts } from '../fitment/fitment.patterns.js';
import { IndexerPatterns, type IndexerMessageContracts } from '../indexer/indexer.patterns.js';
import { MediaPatterns, type MediaMessageContracts } from '../media/media.patterns.js';
import type { CleanupCommand } from '../maintenance/cleanup.dto.js';
import type { JobRefCommand, JobsListCommand } from '../jobs/jobs.commands.js';
import type { JobViewDto } from '../jobs/job-view.dto.js';
import type { Page } from '../jobs/page.dto.js';
import type { QueueCommand } from '../queues/queue-admin.commands.js';
import type { QueuePurgeResultDto, QueueRetryResultDto } from '../queues/queue-admin.dto.js';

/**
 * Request-reply patterns every service answers on its own queue.
 * Values are wire names: never change one without a migration note.
 */
export const PlatformPatterns = {
  JobsList: 'jobs.list',
  JobsGet: 'jobs.get',
  JobsCancel: 'jobs.cancel',
  MaintenanceCleanup: 'maintenance.cleanup',
  /** Cancels the queued jobs waiting on one of the service's queues and removes their Bull jobs (admin). */
  QueuesPurge: 'queues.purge',
  /** Puts the failed Bull jobs of one of the service's queues back, their rows `queued` (admin). */
  QueuesRetryFailed: 'queues.retry-failed',
} as const;

/** Every pattern of every service; each domain declares its own next to its payloads. */
export const MessagePatterns = {
  ...PlatformPatterns,
  ...CatalogPatterns,
  ...IngestionPatterns,
  ...FitmentPatterns,
  ...IndexerPatterns,
  ...MediaPatterns,
} as const;
export type MessagePattern = (typeof MessagePatterns)[keyof typeof MessagePatterns];

/** Payload and result of each pattern: handlers and clients are typed from this map. */
export interface MessageContracts
  extends
    CatalogMessageContracts,
    IngestionMessageContracts,
    FitmentMessageContracts,
    IndexerMessageContracts,
    MediaMessageContracts {
  [MessagePatterns.JobsList]: { payload: JobsListCommand; result: Page<JobViewDto> };
  [MessagePatterns.JobsGet]: { payload: JobRefCommand; result: JobViewDto };
  [MessagePatterns.JobsCancel]: { payload: JobRefCommand; result: JobViewDto };
  [MessagePatterns.MaintenanceCleanup]: { payload: CleanupCommand; result: JobViewDto };
  [MessagePatterns.QueuesPurge]: { payload: QueueCommand; result: QueuePurgeResultDto };
  [MessagePatterns.QueuesRetryFailed]: { payload: QueueCommand; result: QueueRetryResultDto };
}
export type PayloadOf<P extends MessagePattern> = MessageContracts[P]['payload'];
export type ResultOf<P extends MessagePattern> = MessageContracts[P]['result'];
