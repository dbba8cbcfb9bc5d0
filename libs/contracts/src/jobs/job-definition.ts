import type { JobRef } from './job-ref.js';

/**
 * One Bull job name, with the data its Bull jobs carry and the result its handler returns. `name` is a wire
 * name: deployed workers and queued jobs depend on it, so never change one without a migration note.
 */
export interface JobDefinition<N extends string = string, D = unknown, R = unknown, T extends boolean = boolean> {
  readonly name: N;
  /** A trigger (a repeatable schedule) has no job row: it only starts tracked jobs (@TriggerHandler). */
  readonly trigger: T;
  /** Type-level only, never set: the job's data and result, read by `JobDataOf` and `JobResultOf`. */
  readonly contract?: { data: D; result: R };
}

/** One Bull queue of a service (its short name; the Bull queue is `<service>.<name>`) and the jobs on it. */
export interface QueueDefinition<N extends string = string, J extends JobDefinitions = JobDefinitions> {
  readonly name: N;
  readonly jobs: J;
}

/** Jobs of a queue by the name of their constant (`FitmentGenerate`), as in `FitmentJobNames.FitmentGenerate`. */
export type JobDefinitions = Readonly<Record<string, JobDefinition>>;
/** Queues of a service by the name of their constant (`Generate`), as in `FitmentQueueNames.Generate`. */
export type QueueDefinitions = Readonly<Record<string, QueueDefinition>>;

/** A tracked job: `job('fitment.export').of<JobRef, ExportJobResult>()`. Its data is a reference to its job row. */
export function job<const N extends string>(name: N) {
  return { of: <D extends JobRef, R>(): JobDefinition<N, D, R, false> => ({ name, trigger: false }) };
}

/** A trigger job (a repeatable schedule): `trigger('maintenance.cleanup-schedule').of<{ jobId: string }, R>()`. */
export function trigger<const N extends string>(name: N) {
  return { of: <D, R>(): JobDefinition<N, D, R, true> => ({ name, trigger: true }) };
}

/** A queue and its jobs: `queue('export', { FitmentExport: job('fitment.export').of<JobRef, R>() })`. */
export function queue<const N extends string, const J extends JobDefinitions>(name: N, jobs: J): QueueDefinition<N, J> {
  return { name, jobs };
}

/** The queues one service (or the platform) declares; the identity function, there for the check and the types. */
export function defineQueues<const Q extends QueueDefinitions>(queues: Q): Q {
  return queues;
}

/** `{ Generate: 'generate', ... }`: the queue constants of a definition. */
export type QueueNamesOf<Q extends QueueDefinitions> = { readonly [K in keyof Q]: Q[K]['name'] };

type JobMapsOf<Q extends QueueDefinitions> = Q[keyof Q]['jobs'];
type KeysOfUnion<U> = U extends unknown ? keyof U : never;
type JobNameAt<U, K extends PropertyKey> = U extends { readonly [P in K]: JobDefinition<infer N> } ? N : never;
/** `{ FitmentGenerate: 'fitment.generate', ... }`: the job constants of a definition, from all its queues. */
export type JobNamesOf<Q extends QueueDefinitions> = {
  readonly [K in KeysOfUnion<JobMapsOf<Q>>]: JobNameAt<JobMapsOf<Q>, K>;
};

export function queueNamesOf<const Q extends QueueDefinitions>(queues: Q): QueueNamesOf<Q> {
  return Object.fromEntries(Object.entries(queues).map(([key, q]) => [key, q.name])) as QueueNamesOf<Q>;
}

export function jobNamesOf<const Q extends QueueDefinitions>(queues: Q): JobNamesOf<Q> {
  return Object.fromEntries(
    Object.values(queues).flatMap((q) => Object.entries(q.jobs).map(([key, j]) => [key, j.name])),
  ) as JobNamesOf<Q>;
}
