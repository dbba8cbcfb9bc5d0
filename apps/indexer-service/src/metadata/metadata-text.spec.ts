import { describe, expect, it } from '@jest/globals';
import { contentHash, normalizeSummary, normalizeTags } from './metadata-text.js';

describe('metadata text', () => {
  it('normalizes tags: case, spaces, duplicates, length and count', () => {
    expect(normalizeTags(['  Brake  Pads ', 'brake pads', 'BRAKES', '', '   ', 'Honda\tCivic'])).toEqual([
      'brake pads',
      'brakes',
      'honda civic',
    ]);
    expect(normalizeTags(['x'.repeat(80)])).toEqual(['x'.repeat(50)]);
    expect(normalizeTags(Array.from({ length: 20 }, (_, i) => `tag ${i}`))).toHaveLength(12);
  });

  it('hashes title and content apart', () => {
    expect(contentHash('a', 'b')).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash('a', 'b')).toBe(contentHash('a', 'b'));
    expect(contentHash('a\nb', '')).not.toBe(contentHash('a', 'b\n'));
    expect(contentHash('a', 'b')).not.toBe(contentHash('a', 'c'));
  });

  it('collapses and cuts summaries', () => {
    expect(normalizeSummary(` a  b\n${'c'.repeat(400)}`)).toHaveLength(300);
    expect(normalizeSummary(' a \n b ')).toBe('a b');
  });
});
