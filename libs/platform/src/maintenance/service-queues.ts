/** Token of the Bull queue names (short form, e.g. `maintenance`) the service owns: SERVICE_QUEUES[service]. */
export const OWNED_QUEUES = Symbol('OWNED_QUEUES');
