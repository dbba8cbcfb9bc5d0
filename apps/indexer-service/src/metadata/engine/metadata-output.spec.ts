import { describe, expect, it } from '@jest/globals';
import { InvalidMetadataError, normalizeTags, parseMetadataJson, validateMetadataOutput } from './metadata-output.js';

describe('validateMetadataOutput', () => {
  it('normalizes the summary and tags', () => {
    expect(
      validateMetadataOutput({
        summary: '  Brake pads\n for  trucks. ',
        tags: [' Brake  Pads', 'brake pads', 'Rotors', 'F-150'],
      }),
    ).toEqual({ summary: 'Brake pads for trucks.', tags: ['brake pads', 'rotors', 'f-150'] });
  });

  it.each([
    ['not an object', ['a']],
    ['no summary', { tags: ['a', 'b', 'c'] }],
    ['an empty summary', { summary: '  ', tags: ['a', 'b', 'c'] }],
    ['a summary over 300 characters', { summary: 'x'.repeat(301), tags: ['a', 'b', 'c'] }],
    ['no tags', { summary: 's' }],
    ['tags not strings', { summary: 's', tags: ['a', 2, 'c'] }],
    ['fewer than 3 distinct tags', { summary: 's', tags: ['a', 'A', ' a '] }],
    ['more than 12 tags', { summary: 's', tags: Array.from({ length: 13 }, (_, i) => `t${i}`) }],
    ['a tag over 60 characters', { summary: 's', tags: ['a', 'b', 'c'.repeat(61)] }],
  ])('refuses %s', (_, value) => {
    expect(() => validateMetadataOutput(value)).toThrow(InvalidMetadataError);
  });

  it('accepts a summary of exactly 300 characters once whitespace is collapsed', () => {
    expect(validateMetadataOutput({ summary: ` ${'x'.repeat(300)}\n`, tags: ['a', 'b', 'c'] }).summary).toHaveLength(
      300,
    );
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseMetadataJson('tags: a, b')).toThrow(/not JSON/);
  });

  it('drops empty tags', () => {
    expect(normalizeTags(['', ' ', 'A'])).toEqual(['a']);
  });
});
