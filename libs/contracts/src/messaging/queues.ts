import type { ServiceName } from '../services.js';
import type { JobRef } from '../jobs/job-ref.js';
import { FitmentJobNames, FitmentQueueNames, type FitmentQueueJobContracts } from '../fitment/fitment.patterns.js';

/** Bull queues and the jobs on them. Queue names are wire names: never change one without a migration note. */
export const QueueNames = {
  Maintenance: 'maintenance',
  /** Streaming file imports of the ingestion service. */
  Import: 'import',
  ...FitmentQueueNames,
} as const;
export type QueueName = (typeof QueueNames)[keyof typeof QueueNames];

export const JobNames = {
  Cleanup: 'maintenance.cleanup',
  /** Repeatable trigger of the nightly clean-up; it creates a Cleanup job. */
  CleanupSchedule: 'maintenance.cleanup-schedule',
  /** Imports one upload into the catalog (params on the job row: uploadId, mode, maxErrors, mapping). */
  Import: 'ingestion.import',
  ...FitmentJobNames,
} as const;
export type JobName = (typeof JobNames)[keyof typeof JobNames];

/**
 * The Bull queues each service owns (short names). Workers, the clean-up, metrics and the deployment
 * (one worker Deployment per queue, see docker-compose.yml) all take the list from here.
 */
export const SERVICE_QUEUES = {
  fitment: [QueueNames.Maintenance, QueueNames.Generate, QueueNames.Export],
  ingestion: [QueueNames.Maintenance, QueueNames.Import],
  media: [QueueNames.Maintenance],
  indexer: [QueueNames.Maintenance],
} as const satisfies Record<ServiceName, readonly QueueName[]>;

/** Full Bull queue name of a service's queue, e.g. `fitment.maintenance`. */
export function serviceQueueName(service: ServiceName, queue: string): string {
  return `${service}.${queue}`;
}

export interface QueueJobContracts extends FitmentQueueJobContracts {
  [JobNames.Cleanup]: JobRef;
  [JobNames.CleanupSchedule]: { jobId: string };
  [JobNames.Import]: JobRef;
}
export type JobDataOf<N extends JobName> = QueueJobContracts[N];
