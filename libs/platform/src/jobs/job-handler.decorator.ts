import { SetMetadata } from '@nestjs/common';
import type { JobName, JobRef } from '@torque/contracts';
import type { Job } from 'bull';
import type { JobContext } from './job-context.js';
import type { Outcome } from './job-lifecycle.service.js';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

export interface JobHandlerMeta {
  queue: string;
  name: JobName;
  /** A trigger (e.g. a repeatable schedule) has no job row: it only starts tracked jobs. */
  trigger?: boolean;
}

/** Marks a provider as the handler of one Bull job name on one of the service's queues. */
export const JobHandler = (queue: string, name: JobName) =>
  SetMetadata(JOB_HANDLER, { queue, name } satisfies JobHandlerMeta);

/** Marks a provider as the handler of a trigger job (a repeatable schedule) that starts tracked jobs. */
export const TriggerHandler = (queue: string, name: JobName) =>
  SetMetadata(JOB_HANDLER, { queue, name, trigger: true } satisfies JobHandlerMeta);

export interface TriggerHandlerInstance {
  trigger(job: Job): Promise<unknown>;
}

export interface JobHandlerInstance<T extends JobRef = JobRef> {
  handle(ctx: JobContext, job: Job<T>): Promise<Outcome>;
}
