import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorEnvelopeDto } from '@torque/contracts';
import { randomBytes } from 'node:crypto';
import { startSuite, type Suite } from '../support/suite.js';

const RATE_LIMIT = 5;
const BODY_LIMIT = 2048;

describe('gateway limits: requests per tenant and per minute, body size', () => {
  let suite: Suite;
  const tenant = (label: string) => `${label}-${randomBytes(3).toString('hex')}`;
  const list = (t: string) => suite.http('/api/v1/jobs?service=fitment', { tenant: t });

  beforeAll(async () => {
    suite = await startSuite({
      services: ['fitment'],
      env: { RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT), BODY_LIMIT_BYTES: String(BODY_LIMIT) },
    });
  });
  afterAll(async () => {
    await suite?.close();
  });

  /** limit + 1 requests of one tenant, one after the other. */
  async function burst(t: string): Promise<Response[]> {
    const answers: Response[] = [];
    for (let i = 0; i <= RATE_LIMIT; i++) answers.push(await list(t));
    return answers;
  }

  describe('rate limit', () => {
    it('answers the 6th request of a tenant within a minute with 429 rate_limited and Retry-After', async () => {
      const t = tenant('busy');
      const answers = await burst(t);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429]);
      expect(answers.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0', '0']);
      expect(answers[0].headers.get('x-ratelimit-limit')).toBe(String(RATE_LIMIT));

      const limited = answers[RATE_LIMIT];
      expect(limited.headers.get('content-type')).toMatch(/^application\/json/);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await limited.json()).toEqual({
        error: 'rate_limited',
        message: `Tenant ${t} exceeded ${RATE_LIMIT} requests per minute`,
      });
    });

    it('keeps refusing the spent tenant, while another tenant is unaffected', async () => {
      const t = tenant('busy');
      const answers = await burst(t);
      const other = await list(tenant('calm'));
      const again = await list(t);
      expect(answers[RATE_LIMIT].status).toBe(429);
      expect(other.status).toBe(200);
      expect(other.headers.get('x-ratelimit-remaining')).toBe(String(RATE_LIMIT - 1));
      expect(again.status).toBe(429);
    });

    it('counts per tenant, not per token: a second token for the spent tenant is refused too', async () => {
      const t = tenant('busy');
      await burst(t);
      const token = await suite.token({ tenants: [t], sub: 'someone-else' });
      const res = await fetch(`${suite.gatewayUrl}/api/v1/jobs?service=fitment`, {
        headers: { authorization: `Bearer ${token}`, 'x-tenant-id': t },
      });
      expect(res.status).toBe(429);
    });

    it('does not limit the public health and metrics routes', async () => {
      for (let i = 0; i <= RATE_LIMIT + 1; i++) {
        expect((await fetch(`${suite.gatewayUrl}/health/live`)).status).toBe(200);
      }
      expect((await fetch(`${suite.gatewayUrl}/metrics`)).status).toBe(200);
    });
  });

  describe('body limit', () => {
    const cleanup = (body: string, t: string) =>
      suite.http('/api/v1/admin/maintenance/cleanup', {
        method: 'POST',
        tenant: t,
        body,
        headers: { 'content-type': 'application/json' },
      });

    it('accepts a body just under BODY_LIMIT_BYTES (the control)', async () => {
      // Valid JSON padded with whitespace to just under the limit.
      const json = JSON.stringify({ services: ['fitment'], olderThanDays: 3650 });
      const body = json + ' '.repeat(BODY_LIMIT - json.length - 10);
      expect(Buffer.byteLength(body)).toBeLessThan(BODY_LIMIT);
      const res = await cleanup(body, tenant('small'));
      expect(res.status).toBe(202);
    });

    it('answers a larger JSON body with 413 payload_too_large in the error envelope', async () => {
      const json = JSON.stringify({ services: ['fitment'], olderThanDays: 3650 });
      const body = json + ' '.repeat(BODY_LIMIT * 2);
      const res = await cleanup(body, tenant('big'));
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('x-correlation-id')).toBeTruthy();
      expect(await res.json()).toEqual({ error: 'payload_too_large', message: expect.any(String) });
    });

    it('answers 413 as well when the body is streamed without a content-length', async () => {
      const chunk = new TextEncoder().encode(`{"services":["fitment"],"olderThanDays":3650${' '.repeat(BODY_LIMIT)}}`);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(chunk);
          controller.close();
        },
      });
      const res = await suite.http('/api/v1/admin/maintenance/cleanup', {
        method: 'POST',
        tenant: tenant('stream'),
        body: stream,
        headers: { 'content-type': 'application/json' },
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(((await res.json()) as ErrorEnvelopeDto).error).toBe('payload_too_large');
    });
  });
});
