import { jobsOnQueue, SERVICE_QUEUES, serviceQueueName, type ServiceName } from '@torque/contracts';

/** A provider marked @JobHandler or @TriggerHandler, as discovered at boot. */
export interface DeclaredHandler {
  provider: string;
  queue: string;
  name: string;
  trigger: boolean;
}

/** The handlers of a worker do not match the job registry: the worker must not start. */
export class JobHandlerMismatchError extends Error {
  constructor(
    readonly service: ServiceName,
    readonly problems: string[],
  ) {
    super(
      `The job handlers of the ${service} service do not match the job registry (libs/contracts/src/jobs/job-registry.ts):\n  ${problems.join('\n  ')}`,
    );
    this.name = 'JobHandlerMismatchError';
  }
}

/**
 * Matches the handlers against the registry for the queues `works` says this process works on: every job the
 * registry lists there needs exactly one handler of its kind, and every handler there a job the registry lists.
 * Returns one line per problem, naming the Bull queue and the job; none means the worker may start.
 */
export function jobHandlerProblems(
  service: ServiceName,
  handlers: readonly DeclaredHandler[],
  works: (queue: string) => boolean,
): string[] {
  const problems: string[] = [];
  for (const queue of SERVICE_QUEUES[service].filter(works)) {
    const bullQueue = serviceQueueName(service, queue);
    for (const job of jobsOnQueue(service, queue)) {
      const found = handlers.filter((h) => h.queue === queue && h.name === job.name);
      const providers = found.map((h) => h.provider).sort();
      if (found.length === 0) problems.push(`${bullQueue}: job ${job.name} has no handler`);
      else if (found.length > 1)
        problems.push(`${bullQueue}: job ${job.name} has ${found.length} handlers (${providers.join(', ')})`);
      else if (found[0].trigger !== job.trigger)
        problems.push(
          `${bullQueue}: job ${job.name} is a ${job.trigger ? 'trigger' : 'tracked job'}, but ${found[0].provider} is a ${found[0].trigger ? '@TriggerHandler' : '@JobHandler'}`,
        );
    }
  }
  for (const h of handlers) {
    if (!works(h.queue) || jobsOnQueue(service, h.queue).some((j) => j.name === h.name)) continue;
    problems.push(
      `${serviceQueueName(service, h.queue)}: ${h.provider} handles job ${h.name}, which the job registry does not list on that queue`,
    );
  }
  return problems;
}
