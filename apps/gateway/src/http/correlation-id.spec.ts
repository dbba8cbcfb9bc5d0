import { describe, expect, it } from '@jest/globals';
import { correlationIdFrom } from './correlation-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('correlationIdFrom', () => {
  it('keeps a sane caller id as it is', () => {
    for (const id of ['order-4711', 'b3c1e0de-1f2a-4c3b-9d8e-7f6a5b4c3d2e', 'svc.checkout:req_42', 'a'.repeat(128)]) {
      expect(correlationIdFrom(id)).toBe(id);
    }
  });

  it('generates a fresh UUID when none is given', () => {
    const a = correlationIdFrom(undefined);
    expect(a).toMatch(UUID);
    expect(correlationIdFrom(undefined)).not.toBe(a);
  });

  it('replaces an id longer than the services accept (128) or with odd characters', () => {
    for (const id of ['a'.repeat(129), '', 'with space', 'quote"d', 'new\nline', 'ümlaut', '<script>']) {
      expect(correlationIdFrom(id)).toMatch(UUID);
    }
  });

  it('replaces a repeated header (several values)', () => {
    expect(correlationIdFrom(['a', 'b'])).toMatch(UUID);
  });
});
