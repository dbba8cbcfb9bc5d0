import { describe, expect, it } from '@jest/globals';
import { fieldNestedDeeperThan } from './json-body-parser.js';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('fieldNestedDeeperThan', () => {
  it('passes bodies up to the limit, counting objects and arrays alike', () => {
    expect(fieldNestedDeeperThan('{"a":{"b":[1,{"c":2}]}}', 4)).toBeNull();
    expect(fieldNestedDeeperThan(`{"x":${nested(3)}}`, 4)).toBeNull();
    expect(fieldNestedDeeperThan('"text"', 1)).toBeNull();
    expect(fieldNestedDeeperThan('', 1)).toBeNull();
  });

  it('names the top-level field that nests deeper than the limit', () => {
    expect(fieldNestedDeeperThan(`{"x":${nested(4)}}`, 4)).toBe('x');
    expect(fieldNestedDeeperThan(`{"a":1,"b":"s","deep":{"k":${nested(40)}}}`, 32)).toBe('deep');
    // The key as JSON decodes it.
    expect(fieldNestedDeeperThan(`{"d\\u00e9p":${nested(5)}}`, 4)).toBe('dép');
  });

  it('answers an empty name for a body that is itself too deep an array', () => {
    expect(fieldNestedDeeperThan(nested(20_000), 32)).toBe('');
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const body = JSON.stringify({ s: '[[[[[[{{{{{{', t: 'a \\" [[[[[[[[', u: '"[[[[[[[' });
    expect(fieldNestedDeeperThan(body, 1)).toBeNull();
    expect(fieldNestedDeeperThan(`{"s":"]]]]","x":${nested(2)}}`, 2)).toBe('x');
  });
});
