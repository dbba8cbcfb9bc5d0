import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FitmentPatterns, type JobPageDto } from '@torque/contracts';
import { MetricsService } from '@torque/platform';
import type { OpenAPIObject } from '@nestjs/swagger';
import { startSuite, type Suite } from '../support/suite.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

interface Operation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

/** The value of one sample of a Prometheus text exposition, matched by its labels. */
function sample(text: string, metric: string, labels: Record<string, string>): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`)) continue;
    const labelText = line.slice(metric.length + 1, line.lastIndexOf('}'));
    const found = Object.fromEntries([...labelText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return null;
}

describe('gateway operations: correlation ids, metrics, health and the served API document', () => {
  let suite: Suite;

  beforeAll(async () => {
    suite = await startSuite({ services: ['fitment'] });
  });
  afterAll(async () => {
    await suite?.close();
  });

  describe('x-correlation-id', () => {
    it('echoes the correlation id the caller sent, on success and on errors', async () => {
      const ok = await suite.http('/api/v1/jobs?service=fitment', {
        headers: { 'x-correlation-id': 'order-4711-retry-2' },
      });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-correlation-id')).toBe('order-4711-retry-2');

      const denied = await fetch(`${suite.gatewayUrl}/api/v1/jobs`, {
        headers: { 'x-correlation-id': 'denied-call-1' },
      });
      expect(denied.status).toBe(401);
      expect(denied.headers.get('x-correlation-id')).toBe('denied-call-1');
    });

    it('generates a fresh UUID for each request that sends none', async () => {
      const a = await fetch(`${suite.gatewayUrl}/health/live`);
      const b = await suite.http('/api/v1/jobs/not-a-uuid');
      expect(b.status).toBe(400);
      const ids = [a.headers.get('x-correlation-id'), b.headers.get('x-correlation-id')];
      for (const id of ids) expect(id).toMatch(UUID);
      expect(ids[0]).not.toBe(ids[1]);
    });

    it('replaces an oversized or odd correlation id instead of passing it on to the services', async () => {
      // Services accept correlation ids of up to 128 characters: a longer one must not break the request.
      for (const sent of ['c'.repeat(300), 'has spaces and "quotes"']) {
        const res = await suite.http('/api/v1/jobs?service=fitment', { headers: { 'x-correlation-id': sent } });
        expect(res.status).toBe(200);
        expect(res.headers.get('x-correlation-id')).toMatch(UUID);
      }
    });
  });

  describe('/metrics', () => {
    it('counts requests in torque_http_requests_total by method, route pattern and status', async () => {
      const jobId = '3b0b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
      const before = await (await fetch(`${suite.gatewayUrl}/metrics`)).text();
      const base = (labels: Record<string, string>) => sample(before, 'torque_http_requests_total', labels) ?? 0;
      const listed = base({ method: 'GET', route: '/api/v1/jobs', status: '200' });
      const badId = base({ method: 'GET', route: '/api/v1/jobs/:id', status: '400' });

      expect((await suite.http('/api/v1/jobs?service=fitment')).status).toBe(200);
      expect((await suite.http('/api/v1/jobs?service=fitment&page=2')).status).toBe(200);
      expect((await suite.http('/api/v1/jobs/not-a-uuid')).status).toBe(400);
      expect(
        (await suite.http(`/api/v1/jobs/${jobId}/cancel`, { method: 'POST', headers: { 'x-tenant-id': 'nope' } }))
          .status,
      ).toBe(403);

      const res = await fetch(`${suite.gatewayUrl}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      expect(text).toContain('# TYPE torque_http_requests_total counter');
      expect(sample(text, 'torque_http_requests_total', { method: 'GET', route: '/api/v1/jobs', status: '200' })).toBe(
        listed + 2,
      );
      expect(
        sample(text, 'torque_http_requests_total', { method: 'GET', route: '/api/v1/jobs/:id', status: '400' }),
      ).toBe(badId + 1);
      expect(
        sample(text, 'torque_http_requests_total', { method: 'POST', route: '/api/v1/jobs/:id/cancel', status: '403' }),
      ).toBe(1);
      // Route labels are patterns, never raw URLs with ids or query strings.
      expect(text).not.toContain('not-a-uuid');
      expect(text).not.toContain(jobId);
      expect(text).not.toContain('page=2');
      expect(text).toContain('torque_http_request_duration_seconds_bucket{');
    });

    it('labels requests that match no route as unmatched', async () => {
      await fetch(`${suite.gatewayUrl}/no/such/route/12345`);
      const text = await (await fetch(`${suite.gatewayUrl}/metrics`)).text();
      expect(
        sample(text, 'torque_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' }),
      ).toBeGreaterThanOrEqual(1);
      expect(text).not.toContain('/no/such/route');
    });
  });

  describe('Server-Timing', () => {
    it("names the gateway's stages of a request, and the service records its own handler time", async () => {
      const metrics = suite.services.get('fitment')!.get(MetricsService);
      const labels = { pattern: FitmentPatterns.VehicleMakes, outcome: 'ok' };
      const handledBefore = sample(
        await metrics.registry.metrics(),
        'torque_rpc_handler_duration_seconds_count',
        labels,
      );
      const res = await suite.http('/api/v1/fitment/vehicles/makes');
      expect(res.status).toBe(200);
      const timing = res.headers.get('server-timing') ?? '';
      const entries = timing.split(', ').map((e) => e.split(';')[0]);
      expect(entries).toEqual(['auth', 'ratelimit', 'rpc', 'gateway']);
      expect(timing).toMatch(
        /^auth;dur=\d+\.\d{2}, ratelimit;dur=\d+\.\d{2}, rpc;desc="fitment";dur=\d+\.\d{2}, gateway;dur=\d+\.\d{2}$/,
      );
      const handledAfter = sample(
        await metrics.registry.metrics(),
        'torque_rpc_handler_duration_seconds_count',
        labels,
      );
      expect(handledAfter).toBe((handledBefore ?? 0) + 1);
    });

    it('times a refused request too, without the stages it never reached', async () => {
      const res = await fetch(`${suite.gatewayUrl}/api/v1/jobs`);
      expect(res.status).toBe(401);
      expect(res.headers.get('server-timing')).toMatch(/^gateway;dur=\d+\.\d{2}$/);
    });
  });

  describe('health', () => {
    it('answers /health/live with 200', async () => {
      const res = await fetch(`${suite.gatewayUrl}/health/live`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    });

    it('answers /health/ready with 200 when Redis and RabbitMQ are up', async () => {
      const res = await fetch(`${suite.gatewayUrl}/health/ready`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        status: 'ok',
        checks: { redis: { status: 'up' }, rabbitmq: { status: 'up' } },
      });
    });
  });

  describe('/docs-json', () => {
    let doc: OpenAPIObject;

    beforeAll(async () => {
      const res = await fetch(`${suite.gatewayUrl}/docs-json`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      doc = (await res.json()) as OpenAPIObject;
    });

    it('serves the document with the jobs and admin paths, without a token', () => {
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/jobs',
          '/api/v1/jobs/events',
          '/api/v1/jobs/{id}',
          '/api/v1/jobs/{id}/cancel',
          '/api/v1/admin/maintenance/cleanup',
        ]),
      );
      expect(doc.paths['/api/v1/jobs'].get?.operationId).toBe('listJobs');
      expect(Object.keys(doc.paths).some((p) => p.startsWith('/health') || p === '/metrics')).toBe(false);
    });

    it('has the ErrorEnvelopeDto schema', () => {
      const schema = doc.components?.schemas?.ErrorEnvelopeDto as {
        required?: string[];
        properties?: Record<string, unknown>;
      };
      expect(schema).toBeDefined();
      expect(schema.required).toEqual(expect.arrayContaining(['error', 'message']));
      expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(['error', 'message', 'details']));
    });

    it('gives every operation at least one 4xx response that references ErrorEnvelopeDto', () => {
      const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
        HTTP_METHODS.flatMap((m) => (item[m] ? [{ path, method: m, op: item[m] as unknown as Operation }] : [])),
      );
      expect(operations.length).toBeGreaterThanOrEqual(5);
      for (const { path, method, op } of operations) {
        const refs = Object.entries(op.responses)
          .filter(([status]) => /^4\d\d$/.test(status))
          .map(([, r]) => r.content?.['application/json']?.schema?.$ref);
        expect({ path, method, refs }).toEqual({
          path,
          method,
          refs: expect.arrayContaining(['#/components/schemas/ErrorEnvelopeDto']),
        });
      }
    });
  });

  it('answers a successful list with data and meta (control for the ops checks above)', async () => {
    const page = (await (await suite.http('/api/v1/jobs?service=fitment')).json()) as JobPageDto;
    expect(page).toEqual({ data: [], meta: { page: 1, limit: 20, total: 0 } });
  });
});
