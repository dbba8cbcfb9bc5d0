/** Token of the list of Bull queue names (short form, e.g. `maintenance`) the service owns. */
export const SERVICE_QUEUES = Symbol('SERVICE_QUEUES');
