// The local embedder with the real model from node_modules: no network, no key.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { LocalEmbedder } from '../../apps/indexer-service/src/embeddings/local-embedder.js';
import { dot } from '../../apps/indexer-service/src/embeddings/vectors.js';

describe('LocalEmbedder', () => {
  const embedder = new LocalEmbedder(4);

  beforeAll(async () => {
    await embedder.load();
  }, 60_000);

  it('returns one unit vector of 512 floats per text, in order', async () => {
    const texts = ['ceramic brake pad set', 'cordless drill driver', 'engine oil filter', 'spark plug', 'wiper blade'];
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(5);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(512);
      expect(dot(v, v)).toBeCloseTo(1, 4);
    }
    // batches of 4 give the same vectors as one text at a time
    const [alone] = await embedder.embed([texts[4]]);
    expect(dot(alone, vectors[4])).toBeCloseTo(1, 4);
  });

  it('puts texts of the same meaning closer than texts of another', async () => {
    const [query, drill, pad, screwdriverSet] = await embedder.embed([
      'battery powered screwdriver',
      'cordless drill driver 20V with two batteries',
      'front ceramic brake pad set',
      'cordless electric screwdriver kit',
    ]);
    expect(dot(query, drill)).toBeGreaterThan(dot(query, pad) + 0.05);
    expect(dot(query, screwdriverSet)).toBeGreaterThan(dot(query, pad) + 0.05);
  });

  it('gives a blank text the zero vector without shifting the others', async () => {
    const [a, blank, b] = await embedder.embed(['oil filter', '   ', 'air filter']);
    const [a2, b2] = await embedder.embed(['oil filter', 'air filter']);
    expect(Array.from(blank).every((x) => x === 0)).toBe(true);
    expect(dot(a, a2)).toBeCloseTo(1, 4);
    expect(dot(b, b2)).toBeCloseTo(1, 4);
  });

  it('answers nothing for no texts, without loading anything', async () => {
    expect(await new LocalEmbedder().embed([])).toEqual([]);
  });
});
