import { describe, expect, it } from '@jest/globals';
import type { EventEnvelope, JobViewDto } from '@torque/contracts';
import type { EventBus } from '@torque/platform';
import { GatewayEnv } from '../config/gateway-env.js';
import { JobEventsService } from './job-events.service.js';
import { JobsListCache } from './jobs-list-cache.js';

/** The bus as far as the service uses it: it hands over the handler of the subscription and its connection listener. */
function busCapturingHandler() {
  let handler: ((event: EventEnvelope) => void) | undefined;
  let connection: ((connected: boolean) => void) | undefined;
  const bus = {
    subscribe: async (_queue: unknown, _bindings: string[], h: (event: EventEnvelope) => void) => {
      handler = h;
    },
    onConnectionChange: (listener: (connected: boolean) => void) => {
      connection = listener;
    },
  } as unknown as EventBus;
  return {
    bus,
    deliver: (event: EventEnvelope) => handler!(event),
    connectionChanged: (connected: boolean) => connection!(connected),
  };
}

let ids = 0;
const event = (tenantId: string): EventEnvelope<JobViewDto> =>
  ({
    id: `e${++ids}`,
    event: 'job.state',
    service: 'fitment',
    tenantId,
    correlationId: null,
    occurredAt: new Date().toISOString(),
    data: { id: `job-${ids}` } as JobViewDto,
  }) as unknown as EventEnvelope<JobViewDto>;

describe('JobEventsService', () => {
  it("hands each stream its tenant's events only, once each, also to streams opened again later", async () => {
    const { bus, deliver } = busCapturingHandler();
    const service = new JobEventsService(bus, new JobsListCache(new GatewayEnv()));
    await service.onApplicationBootstrap();
    const seen: Record<string, string[]> = { a1: [], a2: [], b: [] };
    const a1 = service.forTenant('acme').subscribe((e) => seen.a1.push(e.id));
    const a2 = service.forTenant('acme').subscribe((e) => seen.a2.push(e.id));
    const b = service.forTenant('globex').subscribe((e) => seen.b.push(e.id));

    const first = event('acme');
    deliver(first);
    deliver(first); // redelivered by the outbox: skipped
    deliver(event('globex'));
    deliver(event('initech')); // nobody listens
    expect(seen).toEqual({ a1: [first.id], a2: [first.id], b: ['e2'] });

    a1.unsubscribe();
    a2.unsubscribe();
    const again: string[] = [];
    const a3 = service.forTenant('acme').subscribe((e) => again.push(e.id));
    const later = event('acme');
    deliver(later);
    expect(again).toEqual([later.id]);
    expect(seen.a1).toEqual([first.id]);
    a3.unsubscribe();
    b.unsubscribe();
  });

  it("drops the jobs list's cached answers when the event connection breaks or returns, and on its tenant's events", async () => {
    const { bus, deliver, connectionChanged } = busCapturingHandler();
    const cache = new JobsListCache(new GatewayEnv());
    const service = new JobEventsService(bus, cache);
    await service.onApplicationBootstrap();
    let asked = 0;
    const ask = async () => ({ data: [], meta: { page: 1, limit: 20, total: ++asked } });
    const list = () => cache.page('acme', 'fitment', 'k', ask);

    await list();
    await list();
    expect(asked).toBe(1);
    connectionChanged(false);
    await list();
    expect(asked).toBe(2);
    connectionChanged(true);
    await list();
    expect(asked).toBe(3);
    deliver(event('globex'));
    await list();
    expect(asked).toBe(3);
    deliver(event('acme'));
    await list();
    expect(asked).toBe(4);
  });
});
