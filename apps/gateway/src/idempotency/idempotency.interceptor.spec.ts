import { describe, expect, it } from '@jest/globals';
import { requestFingerprint } from './idempotency.interceptor.js';

const URL = '/api/v1/admin/maintenance/cleanup';

describe('requestFingerprint', () => {
  it('is the same for the same body with its keys in another order, nested too', () => {
    expect(requestFingerprint(URL, { a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      requestFingerprint(URL, { b: { d: 'x', c: [1, 2] }, a: 1 }),
    );
  });

  it('differs when a value, the order of an array, the URL or the query differs', () => {
    const base = requestFingerprint(URL, { services: ['fitment', 'media'], olderThanDays: 1 });
    expect(requestFingerprint(URL, { services: ['fitment', 'media'], olderThanDays: 2 })).not.toBe(base);
    expect(requestFingerprint(URL, { services: ['media', 'fitment'], olderThanDays: 1 })).not.toBe(base);
    expect(requestFingerprint(`${URL}?x=1`, { services: ['fitment', 'media'], olderThanDays: 1 })).not.toBe(base);
    expect(requestFingerprint(URL, { services: ['fitment', 'media'], olderThanDays: '1' })).not.toBe(base);
  });

  it('treats a request without a body like one with an empty object', () => {
    expect(requestFingerprint(URL, undefined)).toBe(requestFingerprint(URL, {}));
    expect(requestFingerprint(URL, null)).toBe(requestFingerprint(URL, {}));
    expect(requestFingerprint(URL, [])).not.toBe(requestFingerprint(URL, {}));
  });
});
