import { describe, expect, it } from '@jest/globals';
import { containsPattern, searchTerms } from './like-pattern.js';

describe('containsPattern', () => {
  it('wraps the text in % wildcards', () => {
    expect(containsPattern('civic')).toBe('%civic%');
  });

  it("escapes the text's own wildcards and the escape character", () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('BR_1')).toBe('%BR\\_1%');
    expect(containsPattern('a\\b')).toBe('%a\\\\b%');
  });
});

describe('searchTerms', () => {
  it('splits on any whitespace and drops empty words', () => {
    expect(searchTerms('  honda\tcivic \n rotor ')).toEqual(['honda', 'civic', 'rotor']);
  });

  it('keeps at most `max` words', () => {
    expect(searchTerms('a b c d e', 3)).toEqual(['a', 'b', 'c']);
  });
});
