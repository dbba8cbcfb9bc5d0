import { describe, expect, it } from '@jest/globals';
import type { Embedder } from './embedder.js';
import { SemanticRanker } from './semantic-ranker.js';
import type { TenantVectors } from './tenant-vectors.js';
import { VectorIndex } from './vector-index.js';

function setup() {
  const asked: string[] = [];
  const axis = (i: number) => Float32Array.from({ length: 64 }, (_, j) => (j === i ? 1 : 0));
  const embedder: Embedder = {
    model: 'test',
    dimensions: 64,
    batchSize: 8,
    embed: async (texts) => {
      asked.push(...texts);
      return texts.map((t) => axis(t.includes('drill') ? 1 : 2));
    },
  };
  const index = new VectorIndex(64);
  index.upsert(7, axis(1));
  index.upsert(8, axis(2));
  const tenants: string[] = [];
  const vectors = {
    index: async (tenantId: string) => {
      tenants.push(tenantId);
      return index;
    },
  } as unknown as TenantVectors;
  return { ranker: new SemanticRanker(embedder, vectors), asked, tenants };
}

describe('SemanticRanker', () => {
  it("ranks the tenant's products by closeness to the query", async () => {
    const { ranker, tenants } = setup();
    expect(await ranker.rank('t1', 'cordless drill', 2)).toEqual([
      { productId: 7, score: expect.closeTo(1, 2) },
      { productId: 8, score: 0 },
    ]);
    expect(tenants).toEqual(['t1']);
  });

  it('embeds a query typed again (other spacing) only once', async () => {
    const { ranker, asked } = setup();
    await ranker.rank('t1', 'Cordless  Drill', 1);
    await ranker.rank('t1', ' Cordless Drill\n', 1);
    await ranker.rank('t1', 'cordless drill', 1);
    expect(asked).toEqual(['Cordless Drill', 'cordless drill']);
  });

  it('answers nothing for a blank query or a limit of 0, without asking the model', async () => {
    const { ranker, asked } = setup();
    expect(await ranker.rank('t1', ' \n ', 10)).toEqual([]);
    expect(await ranker.rank('t1', 'drill', 0)).toEqual([]);
    expect(asked).toEqual([]);
  });
});
