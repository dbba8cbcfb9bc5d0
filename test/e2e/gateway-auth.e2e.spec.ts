import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorEnvelopeDto, JobPageDto } from '@torque/contracts';
import { SignJWT, type JWTPayload } from 'jose';
import { startSuite, TEST_JWT_SECRET, type Suite } from '../support/suite.js';

const now = () => Math.floor(Date.now() / 1000);

/** Signs arbitrary claims, so each test can break exactly one thing about the token. */
async function craft(
  claims: JWTPayload,
  opts: { secret?: string; alg?: string; exp?: number | null; nbf?: number; sub?: string | null } = {},
): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: opts.alg ?? 'HS256', typ: 'JWT' }).setIssuedAt();
  if (opts.sub !== null) jwt = jwt.setSubject(opts.sub ?? 'tester');
  if (opts.exp !== null) jwt = jwt.setExpirationTime(opts.exp ?? now() + 3600);
  if (opts.nbf !== undefined) jwt = jwt.setNotBefore(opts.nbf);
  return jwt.sign(new TextEncoder().encode(opts.secret ?? TEST_JWT_SECRET));
}

async function expectEnvelope(
  res: Response,
  status: number,
  error: ErrorEnvelopeDto['error'],
): Promise<ErrorEnvelopeDto> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as ErrorEnvelopeDto;
  expect(body).toEqual(expect.objectContaining({ error, message: expect.any(String) }));
  expect(body.message.length).toBeGreaterThan(0);
  return body;
}

describe('gateway authentication and authorization', () => {
  let suite: Suite;
  const jobsPath = '/api/v1/jobs?service=fitment';
  const cleanupPath = '/api/v1/admin/maintenance/cleanup';
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${suite.gatewayUrl}${path}`, { headers });
  const bearer = (token: string, tenant = 'acme') => ({ authorization: `Bearer ${token}`, 'x-tenant-id': tenant });

  beforeAll(async () => {
    suite = await startSuite({ services: ['fitment'] });
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('lets a valid token for the tenant through (the control for every rejection below)', async () => {
    const res = await get(jobsPath, bearer(await suite.token({ tenants: ['acme'], roles: ['viewer'] })));
    expect(res.status).toBe(200);
    const page = (await res.json()) as JobPageDto;
    expect(page.meta).toEqual({ page: 1, limit: 20, total: 0 });
  });

  it('answers 401 unauthorized with the error envelope when no token is sent', async () => {
    await expectEnvelope(await get(jobsPath, { 'x-tenant-id': 'acme' }), 401, 'unauthorized');
  });

  it('answers 401 when the Authorization header is not a bearer token', async () => {
    const token = await suite.token();
    await expectEnvelope(
      await get(jobsPath, { authorization: `Basic ${token}`, 'x-tenant-id': 'acme' }),
      401,
      'unauthorized',
    );
    await expectEnvelope(await get(jobsPath, { authorization: 'Bearer ', 'x-tenant-id': 'acme' }), 401, 'unauthorized');
  });

  it('accepts the Bearer scheme in any letter case (RFC 9110)', async () => {
    const token = await suite.token();
    for (const scheme of ['bearer', 'BEARER']) {
      const res = await get(jobsPath, { authorization: `${scheme} ${token}`, 'x-tenant-id': 'acme' });
      expect({ scheme, status: res.status }).toEqual({ scheme, status: 200 });
    }
  });

  it('answers 400 for an X-Tenant-ID longer than the services accept, even when the token grants it', async () => {
    const long = `t${'x'.repeat(64)}`;
    const token = await suite.token({ tenants: [long] });
    const body = await expectEnvelope(await get(jobsPath, bearer(token, long)), 400, 'validation_failed');
    expect(Object.keys(body.details ?? {})).toEqual(['X-Tenant-ID']);
  });

  it('answers 401 for a malformed token', async () => {
    await expectEnvelope(await get(jobsPath, bearer('not.a.jwt')), 401, 'unauthorized');
    await expectEnvelope(await get(jobsPath, bearer('garbage')), 401, 'unauthorized');
  });

  it('answers 401 for a token signed with another secret', async () => {
    const forged = await craft({ tenants: ['acme'], roles: ['admin'] }, { secret: 'some-other-secret-0123456789' });
    await expectEnvelope(await get(jobsPath, bearer(forged)), 401, 'unauthorized');
  });

  it('answers 401 for a token signed with another algorithm than HS256', async () => {
    const hs512 = await craft({ tenants: ['acme'], roles: ['admin'] }, { alg: 'HS512' });
    await expectEnvelope(await get(jobsPath, bearer(hs512)), 401, 'unauthorized');
  });

  it('answers 401 for an unsigned (alg none) token', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', tenants: ['acme'], roles: ['admin'], exp: now() + 3600 })}.`;
    await expectEnvelope(await get(jobsPath, bearer(unsigned)), 401, 'unauthorized');
  });

  it('answers 401 for an expired token and for one not valid yet', async () => {
    const expired = await craft({ tenants: ['acme'], roles: ['admin'] }, { exp: now() - 60 });
    const body = await expectEnvelope(await get(jobsPath, bearer(expired)), 401, 'unauthorized');
    expect(body.message).toMatch(/exp/i);
    const future = await craft({ tenants: ['acme'], roles: ['admin'] }, { nbf: now() + 3600 });
    await expectEnvelope(await get(jobsPath, bearer(future)), 401, 'unauthorized');
  });

  it('answers 401 for a token without tenants, with an empty or non-list tenants claim, or without subject', async () => {
    for (const token of [
      await craft({ roles: ['admin'] }),
      await craft({ tenants: [], roles: ['admin'] }),
      await craft({ tenants: 'acme', roles: ['admin'] }),
      await craft({ tenants: [42], roles: ['admin'] }),
      await craft({ tenants: ['acme'], roles: ['admin'] }, { sub: null }),
    ]) {
      await expectEnvelope(await get(jobsPath, bearer(token)), 401, 'unauthorized');
    }
  });

  it('answers 403 forbidden when X-Tenant-ID names a tenant the token does not grant', async () => {
    const token = await suite.token({ tenants: ['acme', 'globex'] });
    const body = await expectEnvelope(await get(jobsPath, bearer(token, 'initech')), 403, 'forbidden');
    expect(body.message).toContain('initech');
    expect((await get(jobsPath, bearer(token, 'globex'))).status).toBe(200);
  });

  it('answers 400 with details["X-Tenant-ID"] when the header is missing and the token grants several tenants', async () => {
    const token = await suite.token({ tenants: ['acme', 'globex'] });
    const body = await expectEnvelope(
      await get(jobsPath, { authorization: `Bearer ${token}` }),
      400,
      'validation_failed',
    );
    expect(body.details?.['X-Tenant-ID']).toEqual([expect.any(String)]);
  });

  it("acts for the token's only tenant when the header is missing", async () => {
    const acmeJob = await suite.http('/api/v1/admin/maintenance/cleanup', {
      method: 'POST',
      tenant: 'acme',
      json: { services: ['fitment'] },
    });
    expect(acmeJob.status).toBe(202);
    const token = await suite.token({ tenants: ['acme'] });
    const page = await get(jobsPath, { authorization: `Bearer ${token}` });
    expect(page.status).toBe(200);
    const body = (await page.json()) as { data: { tenant: string }[] };
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((j) => j.tenant === 'acme')).toBe(true);
  });

  it('answers 403 on the admin clean-up for a token without role admin, and lets role admin through', async () => {
    for (const roles of [[], ['viewer'], ['reviewer', 'operator']]) {
      const res = await suite.http(cleanupPath, { method: 'POST', roles, json: { services: ['fitment'] } });
      const body = await expectEnvelope(res, 403, 'forbidden');
      expect(body.message).toContain('admin');
    }
    const ok = await suite.http(cleanupPath, { method: 'POST', roles: ['admin'], json: { services: ['fitment'] } });
    expect(ok.status).toBe(202);
  });

  it('serves /health/live, /health/ready and /metrics without a token', async () => {
    for (const path of ['/health/live', '/health/ready', '/metrics']) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
  });

  describe('query-string token (EventSource clients)', () => {
    async function openStream(query: string, headers: Record<string, string> = {}): Promise<Response> {
      const controller = new AbortController();
      const res = await fetch(`${suite.gatewayUrl}/api/v1/jobs/events${query}`, { headers, signal: controller.signal });
      // The stream never ends: read the status and headers, then hang up.
      if (res.ok) controller.abort();
      return res;
    }

    it('opens the event stream with ?access_token=...&tenant=...', async () => {
      const token = await suite.token({ tenants: ['acme'], roles: ['viewer'] });
      const res = await openStream(`?access_token=${encodeURIComponent(token)}&tenant=acme`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    });

    it('still checks the query token and tenant on the event stream', async () => {
      const token = await suite.token({ tenants: ['acme'] });
      await expectEnvelope(await openStream(''), 401, 'unauthorized');
      await expectEnvelope(await openStream('?access_token=garbage&tenant=acme'), 401, 'unauthorized');
      await expectEnvelope(await openStream(`?access_token=${token}&tenant=globex`), 403, 'forbidden');
      const twoTenants = await suite.token({ tenants: ['acme', 'globex'] });
      const missing = await expectEnvelope(await openStream(`?access_token=${twoTenants}`), 400, 'validation_failed');
      expect(missing.details?.['X-Tenant-ID']).toBeDefined();
    });

    it('does not accept the query token on other routes', async () => {
      const token = await suite.token({ tenants: ['acme'], roles: ['admin'] });
      const q = `access_token=${encodeURIComponent(token)}&tenant=acme`;
      await expectEnvelope(await get(`/api/v1/jobs?${q}`), 401, 'unauthorized');
      await expectEnvelope(await get(`/api/v1/jobs/00000000-0000-4000-8000-000000000000?${q}`), 401, 'unauthorized');
      const cancel = await fetch(`${suite.gatewayUrl}/api/v1/jobs/00000000-0000-4000-8000-000000000000/cancel?${q}`, {
        method: 'POST',
      });
      await expectEnvelope(cancel, 401, 'unauthorized');
      const cleanup = await fetch(`${suite.gatewayUrl}${cleanupPath}?${q}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      await expectEnvelope(cleanup, 401, 'unauthorized');
    });

    it('does not take the tenant from the query on other routes, even with a valid bearer token', async () => {
      const token = await suite.token({ tenants: ['acme', 'globex'] });
      const body = await expectEnvelope(
        await get(`/api/v1/jobs?tenant=acme`, { authorization: `Bearer ${token}` }),
        400,
        'validation_failed',
      );
      expect(body.details?.['X-Tenant-ID']).toBeDefined();
    });
  });
});
