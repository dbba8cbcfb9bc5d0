import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { TopK } from './top-k.js';

const bestOf = (entries: Array<[number, number]>, k: number) =>
  [...entries]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, k)
    .map(([productId, score]) => ({ productId, score }));

describe('TopK', () => {
  it('keeps the k best, best first', () => {
    const top = new TopK(3);
    for (const [id, score] of [
      [1, 0.1],
      [2, 0.9],
      [3, 0.5],
      [4, 0.7],
      [5, 0.2],
    ])
      top.push(id, score);
    expect(top.sorted()).toEqual([
      { productId: 2, score: 0.9 },
      { productId: 4, score: 0.7 },
      { productId: 3, score: 0.5 },
    ]);
    expect(top.threshold).toBe(0.5);
  });

  it('breaks ties by the lower product id, whatever the order of arrival', () => {
    const a = new TopK(2);
    const b = new TopK(2);
    for (const id of [7, 3, 5]) a.push(id, 1);
    for (const id of [5, 3, 7]) b.push(id, 1);
    expect(a.sorted().map((e) => e.productId)).toEqual([3, 5]);
    expect(b.sorted()).toEqual(a.sorted());
  });

  it('ignores NaN scores and answers nothing for k = 0', () => {
    const top = new TopK(2);
    top.push(1, Number.NaN);
    top.push(2, 0.3);
    expect(top.sorted()).toEqual([{ productId: 2, score: 0.3 }]);
    const none = new TopK(0);
    none.push(1, 1);
    expect(none.sorted()).toEqual([]);
  });

  it('agrees with a full sort for any input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: -5, max: 5 })), { maxLength: 200 }),
        fc.integer({ min: 1, max: 20 }),
        (pairs, k) => {
          // one score per id, as in an index
          const entries = [...new Map(pairs).entries()];
          const top = new TopK(k);
          for (const [id, score] of entries) top.push(id, score);
          expect(top.sorted()).toEqual(bestOf(entries, k));
        },
      ),
    );
  });

  it('refuses a negative or fractional k', () => {
    expect(() => new TopK(-1)).toThrow(RangeError);
    expect(() => new TopK(1.5)).toThrow(RangeError);
  });
});
