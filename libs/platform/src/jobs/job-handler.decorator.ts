import { SetMetadata } from '@nestjs/common';
import type {
  JobDataOf,
  JobName,
  JobResultOf,
  QueueName,
  TrackedJobName,
  TrackedJobNameOn,
  TriggerJobNameOn,
} from '@torque/contracts';
import type { Job } from 'bull';
import type { JobContext } from './job-context.js';
import type { Outcome } from './job-lifecycle.service.js';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

export interface JobHandlerMeta {
  queue: QueueName;
  name: JobName;
  /** A trigger (e.g. a repeatable schedule) has no job row: it only starts tracked jobs. */
  trigger?: boolean;
}

/**
 * Marks a provider as the handler of one Bull job name on one of the service's queues. The pair is checked
 * against the job registry: at compile time (the job must be a tracked job on that queue) and at boot, where a
 * worker refuses to start unless each job of its queues has exactly one handler.
 */
export const JobHandler = <Q extends QueueName>(queue: Q, name: TrackedJobNameOn<Q>) =>
  SetMetadata(JOB_HANDLER, { queue, name } satisfies JobHandlerMeta);

/** Marks a provider as the handler of a trigger job (a repeatable schedule) that starts tracked jobs. */
export const TriggerHandler = <Q extends QueueName>(queue: Q, name: TriggerJobNameOn<Q>) =>
  SetMetadata(JOB_HANDLER, { queue, name, trigger: true } satisfies JobHandlerMeta);

export interface TriggerHandlerInstance {
  trigger(job: Job): Promise<unknown>;
}

/** `JobHandlerInstance<'fitment.export'>` types the job's data and result from the registry; without N they are unchecked. */
export interface JobHandlerInstance<N extends TrackedJobName = TrackedJobName> {
  handle(
    ctx: JobContext,
    job: Job<JobDataOf<N>>,
  ): Promise<Outcome<TrackedJobName extends N ? unknown : JobResultOf<N>>>;
}
