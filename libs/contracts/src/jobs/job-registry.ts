import { FitmentJobNames, FitmentQueueNames, FitmentQueues } from '../fitment/fitment.jobs.js';
import { IndexerJobNames, IndexerQueueNames, IndexerQueues } from '../indexer/indexer.jobs.js';
import { IngestionJobNames, IngestionQueueNames, IngestionQueues } from '../ingestion/ingestion.jobs.js';
import { MediaJobNames, MediaQueueNames, MediaQueues } from '../media/media.jobs.js';
import { MaintenanceJobNames, MaintenanceQueueNames, MaintenanceQueues } from '../maintenance/maintenance.jobs.js';
import type { ServiceName } from '../services.js';
import type { JobDefinition, QueueDefinition, QueueDefinitions } from './job-definition.js';

/**
 * The job registry: the Bull queues of each service and the job names on each, joined from the definitions
 * each service keeps next to its payloads (`<domain>/<domain>.jobs.ts`). Workers refuse to boot when their
 * handlers do not match it; the clean-up, metrics and the deployment (one worker per queue, see
 * docker-compose.yml) take their queue lists from it.
 */
export const JOB_REGISTRY = {
  fitment: { ...MaintenanceQueues, ...FitmentQueues },
  ingestion: { ...MaintenanceQueues, ...IngestionQueues },
  media: { ...MaintenanceQueues, ...MediaQueues },
  indexer: { ...MaintenanceQueues, ...IndexerQueues },
} as const satisfies Record<ServiceName, QueueDefinitions>;

type Registry = typeof JOB_REGISTRY;
type AnyQueue = { [S in ServiceName]: Registry[S][keyof Registry[S]] }[ServiceName];
type JobsOf<Q> = Q extends QueueDefinition<string, infer J> ? J[keyof J] : never;
type AnyJob = JobsOf<AnyQueue>;

/** Short names of the Bull queues (the Bull queue of a service is `<service>.<queue>`). Wire names. */
export const QueueNames = {
  ...MaintenanceQueueNames,
  ...IngestionQueueNames,
  ...FitmentQueueNames,
  ...IndexerQueueNames,
  ...MediaQueueNames,
} as const;
export type QueueName = AnyQueue['name'];

/** Bull job names. Wire names. */
export const JobNames = {
  ...MaintenanceJobNames,
  ...IngestionJobNames,
  ...FitmentJobNames,
  ...IndexerJobNames,
  ...MediaJobNames,
} as const;
export type JobName = AnyJob['name'];
/** Jobs with a job row, run by a @JobHandler. */
export type TrackedJobName = Extract<AnyJob, { trigger: false }>['name'];
/** Repeatable triggers, run by a @TriggerHandler. */
export type TriggerJobName = Extract<AnyJob, { trigger: true }>['name'];

type JobOf<N extends JobName> = Extract<AnyJob, { name: N }>;
/** The Bull job data of each job. */
export type QueueJobContracts = { [J in AnyJob as J['name']]: J extends JobDefinition<string, infer D> ? D : never };
/** The Bull job data of job N, e.g. `JobDataOf<'fitment.generate'>` is `JobRef`. */
export type JobDataOf<N extends JobName> = QueueJobContracts[N];
/** What the handler of job N returns (the job row's result). */
export type JobResultOf<N extends JobName> = JobOf<N> extends JobDefinition<N, unknown, infer R> ? R : never;

/** Job names on queue Q (in whichever service has it), e.g. `JobNameOn<'maintenance'>`. */
export type JobNameOn<Q extends QueueName> = JobsOf<Extract<AnyQueue, { name: Q }>>['name'];
export type TrackedJobNameOn<Q extends QueueName> = TrackedJobName & JobNameOn<Q>;
export type TriggerJobNameOn<Q extends QueueName> = TriggerJobName & JobNameOn<Q>;

type NameOf<Q> = Q extends { name: infer N } ? N : never;
function queueNamesIn<Q extends QueueDefinitions>(queues: Q): readonly NameOf<Q[keyof Q]>[] {
  return Object.values(queues).map((q) => q.name as NameOf<Q[keyof Q]>);
}

/** The Bull queues each service owns (short names), in the order of the registry. */
export const SERVICE_QUEUES = {
  fitment: queueNamesIn(JOB_REGISTRY.fitment),
  ingestion: queueNamesIn(JOB_REGISTRY.ingestion),
  media: queueNamesIn(JOB_REGISTRY.media),
  indexer: queueNamesIn(JOB_REGISTRY.indexer),
} as const satisfies Record<ServiceName, readonly QueueName[]>;

/**
 * Prefix of every Bull key of a deployment: Bull keeps queue Q's lists at `<prefix>:<Q>:wait`, `:active` ...
 * (the KEDA scalers of deploy/k8s read them). A wire name: changing it strands queued jobs.
 */
export function bullKeyPrefix(namespace: string): string {
  return `${namespace}:bull`;
}

/** Full Bull queue name of a service's queue, e.g. `fitment.maintenance`. */
export function serviceQueueName(service: ServiceName, queue: string): string {
  return `${service}.${queue}`;
}

/** The jobs the registry lists on queue `queue` of `service`; none for a queue the service does not have. */
export function jobsOnQueue(service: ServiceName, queue: string): readonly JobDefinition[] {
  const found = Object.values<QueueDefinition>(JOB_REGISTRY[service]).find((q) => q.name === queue);
  return found ? Object.values(found.jobs) : [];
}

/** A Bull queue of the deployment: its owner, its short name and its full Bull name. */
export interface ServiceQueue {
  service: ServiceName;
  queue: QueueName;
  name: string;
}

/** Every Bull queue of every service, in the order of the registry. */
export const ALL_SERVICE_QUEUES: readonly ServiceQueue[] = (Object.keys(SERVICE_QUEUES) as ServiceName[]).flatMap(
  (service) => SERVICE_QUEUES[service].map((queue) => ({ service, queue, name: serviceQueueName(service, queue) })),
);

/** Whether Bull jobs named `name` on `queue` of `service` are triggers (schedules without a job row). */
export function isTriggerJob(service: ServiceName, queue: string, name: string): boolean {
  return jobsOnQueue(service, queue).some((j) => j.name === name && j.trigger);
}
