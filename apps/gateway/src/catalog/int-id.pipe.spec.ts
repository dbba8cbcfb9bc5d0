import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../http/http-error.js';
import { IntIdPipe } from './int-id.pipe.js';

describe('IntIdPipe', () => {
  const pipe = new IntIdPipe('id');

  it('turns a positive integer into a number', () => {
    expect(pipe.transform('1')).toBe(1);
    expect(pipe.transform('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('answers 400 validation_failed with details.id for anything else', () => {
    for (const value of ['0', '-1', '01', '1.5', '1e3', ' 1', 'abc', '', '9007199254740992', '99999999999999999']) {
      let error: unknown;
      try {
        pipe.transform(value);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).getStatus()).toBe(400);
      expect((error as ApiError).getResponse()).toEqual(
        expect.objectContaining({ error: 'validation_failed', details: { id: [expect.any(String)] } }),
      );
    }
  });
});
