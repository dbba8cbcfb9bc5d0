import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CleanupAcceptedDto, ErrorEnvelopeDto, JobPageDto } from '@torque/contracts';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const CLEANUP = '/api/v1/admin/maintenance/cleanup';
const UNKNOWN_JOB = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

/** Every error answer: JSON content type and exactly the envelope's keys. */
async function envelope(res: Response, status: number, error: ErrorEnvelopeDto['error']): Promise<ErrorEnvelopeDto> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as ErrorEnvelopeDto;
  expect(body.error).toBe(error);
  expect(typeof body.message).toBe('string');
  expect(Object.keys(body).every((k) => ['error', 'message', 'details'].includes(k))).toBe(true);
  if (body.details !== undefined) {
    for (const reasons of Object.values(body.details))
      expect(reasons).toEqual(expect.arrayContaining([expect.any(String)]));
  }
  return body;
}

describe('gateway input validation', () => {
  let suite: Suite;
  const post = (json: unknown) => suite.http(CLEANUP, { method: 'POST', json });
  const postRaw = (body: string, contentType = 'application/json') =>
    suite.http(CLEANUP, { method: 'POST', body, headers: { 'content-type': contentType } });

  beforeAll(async () => {
    // The unknown-job lookup asks every service, so all of them run.
    suite = await startSuite();
  });
  afterAll(async () => {
    await suite?.close();
  });

  describe('request bodies', () => {
    it('rejects an unknown body field with 400 validation_failed naming the field', async () => {
      const body = await envelope(await post({ olderThanDays: 1, dropTables: true }), 400, 'validation_failed');
      expect(Object.keys(body.details ?? {})).toEqual(['dropTables']);
      expect(body.details!.dropTables[0]).toMatch(/should not exist/);
    });

    it('rejects a wrong type without converting it (olderThanDays: "x" and "5")', async () => {
      for (const olderThanDays of ['x', '5', 1.5, true]) {
        const body = await envelope(await post({ olderThanDays }), 400, 'validation_failed');
        expect(body.details?.olderThanDays).toEqual(expect.arrayContaining([expect.stringMatching(/integer/)]));
      }
    });

    it('rejects values out of range with details', async () => {
      const low = await envelope(await post({ olderThanDays: -1 }), 400, 'validation_failed');
      expect(low.details?.olderThanDays).toEqual([expect.stringMatching(/less than 0/)]);
      const high = await envelope(await post({ olderThanDays: 3651 }), 400, 'validation_failed');
      expect(high.details?.olderThanDays).toEqual([expect.stringMatching(/greater than 3650/)]);
    });

    it('rejects bad array items and duplicates in services', async () => {
      const bogus = await envelope(await post({ services: ['fitment', 'bogus'] }), 400, 'validation_failed');
      expect(bogus.details?.services).toBeDefined();
      const dup = await envelope(await post({ services: ['media', 'media'] }), 400, 'validation_failed');
      expect(dup.details?.services).toBeDefined();
      const notArray = await envelope(await post({ services: 'media' }), 400, 'validation_failed');
      expect(notArray.details?.services).toBeDefined();
    });

    it('answers a malformed JSON body with a 400 envelope', async () => {
      const body = await envelope(await postRaw('{"olderThanDays": 1,'), 400, 'bad_request');
      expect(body.message).toMatch(/JSON/);
    });

    it('rejects a JSON body that is not an object', async () => {
      for (const raw of ['"olderThanDays"', '42', '[{"olderThanDays":1}]']) {
        await envelope(await postRaw(raw), 400, 'validation_failed');
      }
    });

    it('answers a body of an unsupported media type with a 415 envelope', async () => {
      const body = await envelope(
        await postRaw('<cleanup olderThanDays="1"/>', 'application/xml'),
        415,
        'unsupported_media_type',
      );
      expect(body.message).toMatch(/content-type|media type/i);
    });

    it('rejects a plain-text body, which is not an object', async () => {
      await envelope(await postRaw('olderThanDays 1', 'text/plain'), 400, 'validation_failed');
    });

    it('accepts a valid body (the control: these rejections are not a blanket failure)', async () => {
      const res = await post({ services: ['fitment'], olderThanDays: 3650 });
      expect(res.status).toBe(202);
      const body = (await res.json()) as CleanupAcceptedDto;
      expect(body.jobs).toHaveLength(1);
    });
  });

  describe('query parameters', () => {
    it('transforms page and limit into numbers (GET /api/v1/jobs?page=2&limit=5)', async () => {
      // Seed more than one page of jobs: each clean-up makes one job per service (4), ended quickly.
      for (let i = 0; i < 2; i++) {
        expect((await post({ olderThanDays: 3650 })).status).toBe(202);
        await eventually(async () => {
          const page = (await (await suite.http('/api/v1/jobs?status=queued')).json()) as JobPageDto;
          const running = (await (await suite.http('/api/v1/jobs?status=processing')).json()) as JobPageDto;
          return page.meta.total === 0 && running.meta.total === 0;
        });
      }
      const res = await suite.http('/api/v1/jobs?page=2&limit=5');
      expect(res.status).toBe(200);
      const page = (await res.json()) as JobPageDto;
      expect(page.meta.page).toBe(2);
      expect(page.meta.limit).toBe(5);
      expect(page.meta.total).toBeGreaterThanOrEqual(8);
      expect(page.data.length).toBe(Math.min(5, page.meta.total - 5));

      const first = (await (await suite.http('/api/v1/jobs?page=1&limit=5')).json()) as JobPageDto;
      expect(first.data).toHaveLength(5);
      const ids = new Set(first.data.map((j) => j.id));
      expect(page.data.some((j) => ids.has(j.id))).toBe(false);
    });

    it('applies the defaults when page and limit are left out', async () => {
      const page = (await (await suite.http('/api/v1/jobs?service=media')).json()) as JobPageDto;
      expect(page.meta).toEqual(expect.objectContaining({ page: 1, limit: 20 }));
      expect(page.data.every((j) => j.service === 'media')).toBe(true);
    });

    it('rejects limit above the maximum, page below 1 and non-numbers', async () => {
      const tooMany = await envelope(await suite.http('/api/v1/jobs?limit=1000'), 400, 'validation_failed');
      expect(tooMany.details?.limit).toEqual([expect.stringMatching(/greater than 100/)]);
      expect(
        (await envelope(await suite.http('/api/v1/jobs?page=0'), 400, 'validation_failed')).details?.page,
      ).toBeDefined();
      expect(
        (await envelope(await suite.http('/api/v1/jobs?page=two'), 400, 'validation_failed')).details?.page,
      ).toBeDefined();
      expect(
        (await envelope(await suite.http('/api/v1/jobs?limit=2.5'), 400, 'validation_failed')).details?.limit,
      ).toBeDefined();
    });

    it('rejects a page deeper than the merge window, naming page', async () => {
      const deep = await envelope(await suite.http('/api/v1/jobs?page=501&limit=20'), 400, 'validation_failed');
      expect(deep.details?.page).toEqual([expect.stringMatching(/page \* limit must not exceed 10000/)]);
      expect((await suite.http('/api/v1/jobs?page=500&limit=20')).status).toBe(200);
    });

    it('rejects an unknown status or service', async () => {
      expect(
        (await envelope(await suite.http('/api/v1/jobs?status=bogus'), 400, 'validation_failed')).details?.status,
      ).toBeDefined();
      expect(
        (await envelope(await suite.http('/api/v1/jobs?service=bogus'), 400, 'validation_failed')).details?.service,
      ).toBeDefined();
    });

    it('rejects an unknown query parameter, naming it', async () => {
      const body = await envelope(await suite.http('/api/v1/jobs?sort=desc'), 400, 'validation_failed');
      expect(Object.keys(body.details ?? {})).toEqual(['sort']);
    });
  });

  describe('path parameters', () => {
    it('rejects a job id that is not a UUID with 400 and details.id', async () => {
      const body = await envelope(await suite.http('/api/v1/jobs/not-a-uuid'), 400, 'validation_failed');
      expect(body.details?.id).toEqual([expect.any(String)]);
      const cancel = await envelope(
        await suite.http('/api/v1/jobs/123/cancel', { method: 'POST' }),
        400,
        'validation_failed',
      );
      expect(cancel.details?.id).toBeDefined();
    });

    it('answers 404 not_found for a valid UUID that no service owns', async () => {
      const body = await envelope(await suite.http(`/api/v1/jobs/${UNKNOWN_JOB}`), 404, 'not_found');
      expect(body.message).toContain(UNKNOWN_JOB);
      await envelope(await suite.http(`/api/v1/jobs/${UNKNOWN_JOB}/cancel`, { method: 'POST' }), 404, 'not_found');
    });

    it('answers 404 for a job of another tenant', async () => {
      const res = await post({ services: ['indexer'], olderThanDays: 3650 });
      const { jobs } = (await res.json()) as CleanupAcceptedDto;
      expect((await suite.http(`/api/v1/jobs/${jobs[0].id}`)).status).toBe(200);
      await envelope(await suite.http(`/api/v1/jobs/${jobs[0].id}`, { tenant: 'globex' }), 404, 'not_found');
    });
  });

  describe('what no service can store, and bodies nested too deep', () => {
    const NUL_REASON = /must not contain a NUL character/;

    it('refuses a NUL character in a query parameter, a path parameter or a body string with 400 naming it', async () => {
      const q = await envelope(await suite.http('/api/v1/catalog/products?q=%00'), 400, 'validation_failed');
      expect(q.details).toEqual({ q: [expect.stringMatching(NUL_REASON)] });
      const type = await envelope(await suite.http('/api/v1/jobs?type=a%00b'), 400, 'validation_failed');
      expect(type.details).toEqual({ type: [expect.stringMatching(NUL_REASON)] });
      const id = await envelope(await suite.http('/api/v1/jobs/%00'), 400, 'validation_failed');
      expect(id.details).toEqual({ id: [expect.stringMatching(NUL_REASON)] });
      // Read by no handler (the auth guard takes the header's tenant): refused all the same.
      const unread = await envelope(await suite.http('/api/v1/jobs/events?tenant=%00'), 400, 'validation_failed');
      expect(unread.details).toEqual({ tenant: [expect.stringMatching(NUL_REASON)] });
      const name = await envelope(
        await suite.http('/api/v1/catalog/products', {
          method: 'POST',
          json: { part_number: 'N-1', name: 'a\u0000b' },
        }),
        400,
        'validation_failed',
      );
      expect(name.details).toEqual({ name: [expect.stringMatching(NUL_REASON)] });
      const attribute = await envelope(
        await suite.http('/api/v1/catalog/products', {
          method: 'POST',
          json: { part_number: 'N-2', name: 'n', attributes: { colour: '\ud800' } },
        }),
        400,
        'validation_failed',
      );
      expect(attribute.details).toEqual({ 'attributes.colour': [expect.stringMatching(/lone surrogate/)] });
    });

    it('refuses a NUL character in a form field or the name of an uploaded file, naming it', async () => {
      const upload = (fields: Record<string, string>, fileName: string) => {
        const form = new FormData();
        for (const [key, value] of Object.entries(fields)) form.append(key, value);
        form.append('file', new Blob(['part_number,name\nN-1,Nul\n']), fileName);
        return suite.http('/api/v1/ingestion/uploads', { method: 'POST', body: form });
      };
      const field = await envelope(
        await upload({ kind: 'products', supplier_code: 'S\u0000' }, 'a.csv'),
        400,
        'validation_failed',
      );
      expect(field.details).toEqual({ supplier_code: [expect.stringMatching(NUL_REASON)] });
      const fileName = await envelope(await upload({ kind: 'products' }, 'a\u0000.csv'), 400, 'validation_failed');
      expect(fileName.details).toEqual({ file: [expect.stringMatching(/file name must not contain a NUL/)] });
      const mapping = await envelope(
        await upload({ kind: 'products', mapping: '{"name":"N\\u0000"}' }, 'a.csv'),
        400,
        'validation_failed',
      );
      expect(mapping.details).toEqual({ 'mapping.name': [expect.stringMatching(NUL_REASON)] });
    });

    it('refuses a JSON body nested deeper than JSON_MAX_DEPTH with 400 naming the field, on every JSON route', async () => {
      const deep = `{"x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
      for (const path of [CLEANUP, '/api/v1/catalog/products', '/api/v1/ingestion/mappings']) {
        const body = await envelope(
          await suite.http(path, { method: 'POST', body: deep, headers: { 'content-type': 'application/json' } }),
          400,
          'validation_failed',
        );
        expect(body.details).toEqual({ x: [expect.stringMatching(/nested deeper than 32 levels/)] });
      }
      // Up to the limit is fine: 32 levels, the body's own included.
      const attributes = `{"part_number":"D-1","name":"d","attributes":{"a":${'['.repeat(30)}${']'.repeat(30)}}}`;
      const res = await suite.http('/api/v1/catalog/products', {
        method: 'POST',
        body: attributes,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(201);
    });

    it('refuses a clean-up of no services, naming services, and odd ages', async () => {
      const none = await envelope(await post({ services: [], olderThanDays: 3650 }), 400, 'validation_failed');
      expect(none.details).toEqual({ services: ['services should not be empty'] });
      for (const olderThanDays of [1e21, -0.5, 3650.5, '3650']) {
        const body = await envelope(await post({ olderThanDays }), 400, 'validation_failed');
        expect(Object.keys(body.details ?? {})).toEqual(['olderThanDays']);
      }
      const huge = await envelope(await postRaw('{"olderThanDays":1e400}'), 400, 'validation_failed');
      expect(Object.keys(huge.details ?? {})).toEqual(['olderThanDays']);
    });
  });

  it('answers an unknown route with the envelope too', async () => {
    await envelope(await suite.http('/api/v1/nothing-here'), 404, 'not_found');
  });
});
