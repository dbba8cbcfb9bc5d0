import { describe, expect, it } from '@jest/globals';
import { bearerToken } from './auth.guard.js';

describe('bearerToken', () => {
  it('takes the token of a Bearer header, whatever the case of the scheme', () => {
    for (const header of ['Bearer abc.def.ghi', 'bearer abc.def.ghi', 'BEARER abc.def.ghi', 'Bearer   abc.def.ghi  ']) {
      expect(bearerToken(header)).toBe('abc.def.ghi');
    }
  });

  it('finds no token in other schemes, an empty bearer or a missing header', () => {
    for (const header of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      'Bearerabc',
      'Bearer a b',
      'Token abc',
    ]) {
      expect(bearerToken(header)).toBeUndefined();
    }
  });
});
