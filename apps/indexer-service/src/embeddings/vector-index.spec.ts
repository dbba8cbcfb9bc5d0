import { describe, expect, it } from '@jest/globals';
import { VectorIndex } from './vector-index.js';
import { dot, l2Normalize } from './vectors.js';

/** Deterministic pseudo-random unit vectors (mulberry32). */
function randomVectors(count: number, dimensions: number, seed: number): Float32Array[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  return Array.from({ length: count }, () => l2Normalize(Array.from({ length: dimensions }, next)));
}

const exactTop = (vectors: Map<number, Float32Array>, query: Float32Array, k: number) =>
  [...vectors.entries()]
    .map(([productId, v]) => ({ productId, score: dot(v, query) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);

describe('VectorIndex', () => {
  it('ranks as the exact float dot product does, to within int8 rounding', () => {
    const dims = 100; // not a multiple of the kernel's 64 bytes: rows are padded
    const index = new VectorIndex(dims);
    const vectors = new Map<number, Float32Array>();
    randomVectors(3000, dims, 1).forEach((v, i) => {
      vectors.set(i + 1, v);
      index.upsert(i + 1, v);
    });
    expect(index.size).toBe(3000);
    expect(index.stride).toBe(128);
    for (const query of randomVectors(20, dims, 2)) {
      const got = index.search(query, 10);
      const want = exactTop(vectors, query, 10);
      expect(got).toHaveLength(10);
      const overlap = got.filter((g) => want.some((w) => w.productId === g.productId)).length;
      expect(overlap).toBeGreaterThanOrEqual(9);
      for (const g of got) expect(g.score).toBeCloseTo(dot(vectors.get(g.productId)!, query), 1);
    }
  });

  it('finds a stored vector first when queried with it, after growing past its initial capacity', () => {
    const index = new VectorIndex(512);
    const vectors = randomVectors(2500, 512, 3);
    vectors.forEach((v, i) => index.upsert(i * 10, v));
    expect(index.search(vectors[7], 1)[0]).toEqual({ productId: 70, score: expect.closeTo(1, 1) });
    expect(index.search(vectors[2499], 1)[0].productId).toBe(24990);
  });

  it('replaces a vector on upsert and forgets a removed one, keeping the others reachable', () => {
    const [a, b, c, d] = randomVectors(4, 64, 4);
    const index = new VectorIndex(64);
    index.upsert(1, a);
    index.upsert(2, b);
    index.upsert(3, c);
    index.upsert(2, d);
    expect(index.size).toBe(3);
    expect(index.search(d, 1)[0].productId).toBe(2);
    expect(index.remove(1)).toBe(true);
    expect(index.remove(1)).toBe(false);
    expect(index.has(1)).toBe(false);
    // 3 moved into the removed row
    expect(index.search(c, 1)[0].productId).toBe(3);
    expect(
      index
        .search(a, 5)
        .map((s) => s.productId)
        .sort(),
    ).toEqual([2, 3]);
    expect(index.productIds().sort()).toEqual([2, 3]);
  });

  it('filters candidates with accept and answers an empty index', () => {
    const [a, b] = randomVectors(2, 64, 5);
    const index = new VectorIndex(64);
    expect(index.search(a, 5)).toEqual([]);
    index.upsert(1, a);
    index.upsert(2, b);
    expect(index.search(a, 5, (id) => id !== 1).map((s) => s.productId)).toEqual([2]);
  });

  it('refuses vectors of other dimensions', () => {
    const index = new VectorIndex(64);
    expect(() => index.upsert(1, new Float32Array(63))).toThrow(/63 dimensions in an index of 64/);
    expect(() => index.search(new Float32Array(65), 1)).toThrow(/65 dimensions/);
  });
});
