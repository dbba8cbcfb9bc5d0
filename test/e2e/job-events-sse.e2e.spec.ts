// The job event stream: GET /api/v1/jobs/events relays every state and progress change of the caller's
// tenant's jobs (outbox -> events exchange -> gateway -> SSE), authenticated by header or by query parameters.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CleanupAcceptedDto } from '@torque/contracts';
import { SseClient } from '../support/sse-client.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

describe('job event stream (SSE)', () => {
  let suite: Suite;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    suite = await startSuite({ services: ['fitment'] });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await suite?.close();
  });

  const url = (query = '') => `${suite.gatewayUrl}/api/v1/jobs/events${query}`;
  async function stream(tenant: string, via: 'header' | 'query'): Promise<SseClient> {
    const token = await suite.token({ tenants: [tenant] });
    const client =
      via === 'header'
        ? await new SseClient().open(url(), { authorization: `Bearer ${token}`, 'x-tenant-id': tenant })
        : await new SseClient().open(url(`?access_token=${encodeURIComponent(token)}&tenant=${tenant}`));
    clients.push(client);
    expect(client.status).toBe(200);
    expect(client.contentType).toContain('text/event-stream');
    return client;
  }
  async function startCleanup(tenant: string): Promise<string> {
    const res = await suite.http('/api/v1/admin/maintenance/cleanup', {
      method: 'POST',
      tenant,
      json: { services: ['fitment'], olderThanDays: 30 },
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as CleanupAcceptedDto;
    expect(body.jobs).toHaveLength(1);
    return body.jobs[0].id;
  }
  function expectLifecycle(client: SseClient, jobId: string, tenant: string): void {
    const events = client.jobEvents(jobId);
    expect(events.every((e) => e.job.tenant === tenant && e.job.service === 'fitment')).toBe(true);
    expect(events.every((e) => typeof e.id === 'string' && e.id.length > 0)).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length); // no duplicates
    const states = events.filter((e) => e.event === 'job.state').map((e) => e.job.status);
    expect(states).toEqual(['queued', 'processing', 'completed']);
    const progress = events.filter((e) => e.event === 'job.progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((e) => e.job.status === 'processing')).toBe(true);
    // Progress comes between processing and completed.
    const order = events.map((e) => (e.event === 'job.progress' ? 'progress' : e.job.status));
    expect(order.indexOf('processing')).toBeLessThan(order.indexOf('progress'));
    expect(order.lastIndexOf('progress')).toBeLessThan(order.indexOf('completed'));
    const completed = events.find((e) => e.job.status === 'completed')!;
    expect(completed.job.progress.percent).toBe(100);
  }

  it('rejects a stream without a valid token or with a tenant the token does not grant', async () => {
    const none = await new SseClient().open(url());
    expect(none.status).toBe(401);
    const token = await suite.token({ tenants: ['acme'] });
    const wrongTenant = await new SseClient().open(url(`?access_token=${encodeURIComponent(token)}&tenant=globex`));
    expect(wrongTenant.status).toBe(403);
    const bad = await new SseClient().open(url(`?access_token=not-a-jwt&tenant=acme`));
    expect(bad.status).toBe(401);
  });

  it("streams queued -> processing -> completed and progress of the caller's tenant's job, to header and query clients, and to no other tenant", async () => {
    const acmeHeader = await stream('acme', 'header');
    const acmeQuery = await stream('acme', 'query');
    const globex = await stream('globex', 'query');

    const acmeJob = await startCleanup('acme');
    await eventually(async () =>
      [acmeHeader, acmeQuery].every((c) => c.jobEvents(acmeJob).some((e) => e.job.status === 'completed')),
    );
    expectLifecycle(acmeHeader, acmeJob, 'acme');
    expectLifecycle(acmeQuery, acmeJob, 'acme');

    // The other tenant's stream sees its own job, and never the first one (its job's events came after).
    const globexJob = await startCleanup('globex');
    await eventually(async () => globex.jobEvents(globexJob).some((e) => e.job.status === 'completed'));
    expectLifecycle(globex, globexJob, 'globex');
    expect(globex.jobEvents(acmeJob)).toEqual([]);
    expect(globex.jobEvents().every((e) => e.job.tenant === 'globex')).toBe(true);
    expect(acmeHeader.jobEvents(globexJob)).toEqual([]);
    expect(acmeQuery.jobEvents().every((e) => e.job.tenant === 'acme')).toBe(true);
  });
});
