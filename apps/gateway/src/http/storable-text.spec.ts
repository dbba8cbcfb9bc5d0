import { describe, expect, it } from '@jest/globals';
import { ApiError } from './http-error.js';
import { fileNameRefusal, refuseUnstorableText, unstorableFields, unstorableReason } from './storable-text.js';

describe('unstorableReason', () => {
  it('refuses a NUL character and lone surrogates, not other text', () => {
    expect(unstorableReason('a\u0000b')).toMatch(/NUL/);
    expect(unstorableReason('\ud800')).toMatch(/lone surrogate/);
    expect(unstorableReason('x\udc00')).toMatch(/lone surrogate/);
    expect(unstorableReason('\ud83d\ude97 Straße \u0001 \u202e')).toBeNull();
    expect(unstorableReason('')).toBeNull();
  });
});

describe('unstorableFields', () => {
  it('names values and keys by dotted path, in objects, arrays and prototype-less objects', () => {
    const form = Object.assign(Object.create(null) as object, { kind: 'x\u0000' });
    expect(
      unstorableFields({ a: 'ok', b: { c: ['fine', 'no\u0000'] }, ['k\u0000']: 1, form, n: 5, z: null }, ''),
    ).toEqual({
      'b.c.1': ['b.c.1 must not contain a NUL character (\\u0000)'],
      'k\u0000': ['the name of k\u0000 must not contain a NUL character (\\u0000)'],
      'form.kind': ['form.kind must not contain a NUL character (\\u0000)'],
    });
  });

  it('names the value itself by its root', () => {
    expect(Object.keys(unstorableFields('\ud800', 'id'))).toEqual(['id']);
  });

  it('leaves buffers and class instances alone', () => {
    expect(unstorableFields({ file: Buffer.from([0]), at: new Date(0), url: new URL('http://x/%00') }, '')).toEqual({});
  });
});

describe('refuseUnstorableText and fileNameRefusal', () => {
  it('throw or return a 400 validation_failed naming the field', () => {
    let thrown: unknown;
    try {
      refuseUnstorableText({ q: '\u0000' }, '');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).getStatus()).toBe(400);
    expect((thrown as ApiError).getResponse()).toMatchObject({
      error: 'validation_failed',
      details: { q: [expect.any(String)] },
    });
    expect(() => refuseUnstorableText({ q: 'fine' }, '')).not.toThrow();

    expect(fileNameRefusal('file', 'a\u0000.csv')?.getResponse()).toMatchObject({
      details: { file: [expect.any(String)] },
    });
    expect(fileNameRefusal('file', 'a.csv')).toBeNull();
    expect(fileNameRefusal('file', undefined)).toBeNull();
  });
});
