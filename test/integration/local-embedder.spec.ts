// The local embedder with the real model from node_modules: no network, no key.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEmbedder } from '../../apps/indexer-service/src/embeddings/local-embedder.js';
import { dot } from '../../apps/indexer-service/src/embeddings/vectors.js';

describe('LocalEmbedder', () => {
  const embedder = new LocalEmbedder(4);

  beforeAll(async () => {
    await embedder.load();
  }, 60_000);
  afterAll(async () => {
    await embedder.close();
  });

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

  it('keeps the event loop of the caller free while the model works', async () => {
    const texts = Array.from({ length: 32 }, (_, i) => `Brembo UV Coated Drilled and Slotted Front Brake Rotor ${i}`);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    try {
      await embedder.embed(texts);
    } finally {
      clearInterval(timer);
    }
    // the model runs in its worker thread: the timer fires meanwhile (a blocked loop would fire it at most once)
    expect(ticks).toBeGreaterThan(Math.min(10, (Date.now() - started) / 50));
  });

  it('starts a new worker after close', async () => {
    const other = new LocalEmbedder();
    const [before] = await other.embed(['spark plug']);
    await other.close();
    const [after] = await other.embed(['spark plug']);
    await other.close();
    expect(dot(before, after)).toBeCloseTo(1, 5);
  }, 60_000);

  it('fails clearly when the weights do not load, on this call and the next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'torque-weights-'));
    const weights = join(dir, 'broken-weights.cjs');
    writeFileSync(weights, `exports.modelSource = async () => { throw new Error('weights unreadable'); };`);
    const broken = new LocalEmbedder(8, weights);
    try {
      await expect(broken.embed(['spark plug'])).rejects.toThrow(/local embeddings model failed: .*weights unreadable/);
      // the failed worker exits (a later call starts another): the next call gets an answer, not a wait
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expect(broken.load()).rejects.toThrow(/weights unreadable/);
    } finally {
      await broken.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers nothing for no texts, without loading anything', async () => {
    expect(await new LocalEmbedder().embed([])).toEqual([]);
  });
});
