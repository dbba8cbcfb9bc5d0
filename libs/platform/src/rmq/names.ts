import { EVENTS_EXCHANGE_SUFFIX, type ServiceName } from '@torque/contracts';

/** Every RabbitMQ name of a deployment, derived from NAMESPACE so tests and tenants of a broker never collide. */
export function rmqNames(namespace: string) {
  return {
    /** The request queue a service consumes; only that service reads it. */
    serviceQueue: (service: ServiceName) => `${namespace}.${service}.rpc`,
    /** Where messages no handler could take end up (unknown pattern, malformed body, rejected). */
    deadLetterExchange: `${namespace}.dlx`,
    deadLetterQueue: (service: ServiceName) => `${namespace}.${service}.rpc.dead`,
    eventsExchange: `${namespace}.${EVENTS_EXCHANGE_SUFFIX}`,
  };
}
