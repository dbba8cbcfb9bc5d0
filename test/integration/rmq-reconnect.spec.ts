// A broker restart, simulated by a TCP proxy in front of the shared RabbitMQ: every connection drops and new
// ones are refused for a while, then accepted again. The same gateway and service instances must recover:
// the gateway's RMQ clients, the service's Nest RMQ server, and both event buses (the service's publisher,
// the gateway's event-stream consumer).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CleanupAcceptedDto, EventEnvelope, JobViewDto } from '@torque/contracts';
import pg from 'pg';
import { JobEventsService } from '../../apps/gateway/src/jobs/job-events.service.js';
import { TEST_RABBITMQ_URL } from '../support/servers.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';
import { hostPort, startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const OUTAGE_MS = 2000;

describe('recovery after a broker restart, without restarting any process', () => {
  let suite: Suite;
  let proxy: TcpProxy;

  beforeAll(async () => {
    proxy = await startTcpProxy(hostPort(TEST_RABBITMQ_URL, 5672));
    // Gateway and fitment both reach the broker only through the proxy. Only fitment runs, so a request
    // the gateway sends to every service (GET /jobs/{id}) waits RPC_TIMEOUT_MS for the others: keep it short.
    suite = await startSuite({
      services: ['fitment'],
      env: { RABBITMQ_URL: proxy.url(TEST_RABBITMQ_URL), RPC_TIMEOUT_MS: '1000' },
    });
  });
  afterAll(async () => {
    await suite?.close();
    await proxy?.close();
  });

  it('serves requests again, and a job submitted after the outage completes and its events reach the gateway', async () => {
    const gateway = suite.gateway;
    const fitment = suite.services.get('fitment');
    expect((await suite.http('/api/v1/jobs?service=fitment')).status).toBe(200);
    // Gateway: one connection per service client plus its event bus; fitment: its RMQ server and its event bus.
    const connections = proxy.openConnections;
    expect(connections).toBeGreaterThanOrEqual(7);

    // The broker goes away: every connection drops, reconnects are refused.
    proxy.outage();
    await eventually(async () => (await suite.http('/api/v1/jobs?service=fitment')).status === 503, 5000);
    // The outage lasts a while (a restart): this is the scenario's duration, not a wait for a condition.
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    expect(proxy.refusedConnections).toBeGreaterThan(0);
    expect(proxy.openConnections).toBe(0);

    // The broker is back.
    proxy.accept();
    const back = performance.now();
    await eventually(async () => (await suite.http('/api/v1/jobs?service=fitment')).status === 200, 20_000, 100);
    const recoveredMs = performance.now() - back;
    process.stdout.write(
      `gateway -> fitment answered again ${recoveredMs.toFixed(0)} ms after the broker accepted connections\n`,
    );
    expect(suite.gateway).toBe(gateway);
    expect(suite.services.get('fitment')).toBe(fitment);
    // Every connection manager is back, the service's too.
    await eventually(async () => proxy.openConnections === connections);

    // A job submitted after the outage: the request reaches fitment's Nest server, the job runs, and its
    // events go out through fitment's event-bus publisher to the gateway's event consumer (what feeds the
    // SSE stream; taken in-process here, an open SSE response would only slow the gateway's close).
    const events: EventEnvelope<JobViewDto>[] = [];
    const subscription = suite
      .gateway!.get(JobEventsService)
      .forTenant('acme')
      .subscribe((e) => events.push(e));
    try {
      const res = await suite.http('/api/v1/admin/maintenance/cleanup', {
        method: 'POST',
        json: { olderThanDays: 0, services: ['fitment'] },
      });
      expect(res.status).toBe(202);
      const accepted = (await res.json()) as CleanupAcceptedDto;
      expect(accepted.failures).toEqual([]);
      const jobId = accepted.jobs[0].id;

      await eventually(async () =>
        events.some((e) => e.event === 'job.state' && e.data.id === jobId && e.data.status === 'completed'),
      );
      const done = await eventually(
        async () => {
          const r = await suite.http(`/api/v1/jobs/${jobId}`);
          const job = r.status === 200 ? ((await r.json()) as JobViewDto) : null;
          return job?.status === 'completed' ? job : null;
        },
        20_000,
        100,
      );
      expect(done.service).toBe('fitment');
    } finally {
      subscription.unsubscribe();
    }

    // Every event written during and after the outage was confirmed by the broker.
    const db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
    try {
      await eventually(async () => {
        const { rows } = await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM fitment.outbox WHERE published_at IS NULL`,
        );
        return rows[0].n === '0';
      });
    } finally {
      await db.end();
    }
  });
});
