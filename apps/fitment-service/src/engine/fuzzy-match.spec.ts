import { describe, expect, it } from '@jest/globals';
import { allowedTypos, boundedEditDistance } from './fuzzy-match.js';

describe('bounded edit distance', () => {
  it('counts edits and adjacent transpositions', () => {
    expect(boundedEditDistance('civc', 'civic', 2)).toBe(1);
    expect(boundedEditDistance('rouge', 'rogue', 2)).toBe(1);
    expect(boundedEditDistance('toyta', 'toyota', 2)).toBe(1);
    expect(boundedEditDistance('camry', 'camry', 2)).toBe(0);
  });

  it('gives up past the bound', () => {
    expect(boundedEditDistance('organizer', 'outback', 2)).toBe(3);
    expect(boundedEditDistance('stiffener', 'sorento', 1)).toBe(2);
  });

  it('allows more typos in longer words', () => {
    expect([allowedTypos(3), allowedTypos(5), allowedTypos(9)]).toEqual([0, 1, 2]);
  });
});
