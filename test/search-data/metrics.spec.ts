// The relevance metrics of bench/search-data (pure functions).
import { describe, expect, it } from '@jest/globals';
import { evaluate, ndcgAtK, recallAtK } from '../../bench/search-data/metrics.js';
import type { LabelledQuery } from '../../bench/search-data/queries.js';

const grades = (entries: Array<[number, number]>) => new Map(entries);

describe('recallAtK', () => {
  it('is the share of the relevant found in the first k', () => {
    expect(
      recallAtK(
        [1, 9, 2, 8],
        grades([
          [1, 2],
          [2, 1],
          [3, 1],
          [4, 2],
        ]),
        10,
      ),
    ).toBe(0.5);
    expect(recallAtK([9, 8, 1], grades([[1, 2]]), 2)).toBe(0);
  });

  it('divides by k when more than k are relevant, so a full first page scores 1', () => {
    const many = grades(Array.from({ length: 50 }, (_, i) => [i, 1] as [number, number]));
    expect(recallAtK([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], many, 10)).toBe(1);
    expect(recallAtK([0, 1, 2, 3, 4, 90, 91, 92, 93, 94], many, 10)).toBe(0.5);
  });

  it('counts a repeated id once, and is null without relevant products', () => {
    expect(
      recallAtK(
        [1, 1, 1],
        grades([
          [1, 1],
          [2, 1],
        ]),
        3,
      ),
    ).toBe(0.5);
    expect(recallAtK([1, 2], new Map(), 10)).toBeNull();
  });
});

describe('ndcgAtK', () => {
  it('is 1 for the ideal order and less when the best comes later', () => {
    const g = grades([
      [1, 3],
      [2, 1],
    ]);
    expect(ndcgAtK([1, 2], g, 10)).toBe(1);
    const swapped = ndcgAtK([2, 1], g, 10)!;
    // (1 + 7/log2(3)) / (7 + 1/log2(3))
    expect(swapped).toBeCloseTo((1 + 7 / Math.log2(3)) / (7 + 1 / Math.log2(3)), 10);
    expect(swapped).toBeLessThan(1);
  });

  it('only counts the first k and gives nothing for irrelevant or repeated ids', () => {
    const g = grades([[1, 2]]);
    expect(ndcgAtK([5, 6, 1], g, 2)).toBe(0);
    expect(
      ndcgAtK(
        [1, 1],
        grades([
          [1, 2],
          [2, 2],
        ]),
        10,
      ),
    ).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 10);
    expect(ndcgAtK([1], new Map(), 10)).toBeNull();
  });
});

describe('evaluate', () => {
  it('averages over the queries with relevant products, overall and by kind', () => {
    const queries: LabelledQuery[] = [
      { id: 'a', kind: 'typo', text: 'x', intent: {} },
      { id: 'b', kind: 'typo', text: 'y', intent: {} },
      { id: 'c', kind: 'meaning', text: 'z', intent: {} },
      { id: 'd', kind: 'meaning', text: 'nothing relevant', intent: {} },
    ];
    const judgments = new Map([
      ['a', grades([[1, 2]])],
      ['b', grades([[2, 2]])],
      ['c', grades([[3, 2]])],
      ['d', new Map()],
    ]);
    const results = new Map([
      ['a', [1]],
      ['b', [9]],
      ['c', [3]],
    ]);
    expect(evaluate(queries, results, judgments)).toEqual({
      all: { queries: 3, recall: 2 / 3, ndcg: 2 / 3 },
      typo: { queries: 2, recall: 0.5, ndcg: 0.5 },
      meaning: { queries: 1, recall: 1, ndcg: 1 },
    });
  });
});
