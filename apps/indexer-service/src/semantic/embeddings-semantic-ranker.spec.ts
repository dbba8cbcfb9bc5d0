import { describe, expect, it } from '@jest/globals';
import type { Scored } from '../embeddings/top-k.js';
import type { SemanticRankRequest } from '../search/semantic-ranker.js';
import { EmbeddingsSemanticRanker } from './embeddings-semantic-ranker.js';

const request = (over: Partial<SemanticRankRequest> = {}): SemanticRankRequest => ({
  tenantId: 'acme',
  query: 'battery powered screwdriver',
  filters: {},
  limit: 10,
  ...over,
});

const fake = (rank: (tenantId: string, query: string, limit: number) => Promise<Scored[]>, size = 3) => {
  const asked: Array<[string, string, number]> = [];
  const ranker = {
    rank: (tenantId: string, query: string, limit: number) => {
      asked.push([tenantId, query, limit]);
      return rank(tenantId, query, limit);
    },
  };
  const vectors = { index: async () => ({ size }) as never };
  return { ranker, vectors, asked };
};

describe('EmbeddingsSemanticRanker', () => {
  it('answers the ids best first, at most the request limit, dropping weak similarities', async () => {
    const { ranker, vectors, asked } = fake(async () => [
      { productId: 7, score: 0.66 },
      { productId: 3, score: 0.6 },
      { productId: 5, score: 0.5 },
      { productId: 9, score: 0.1 },
    ]);
    const semantic = new EmbeddingsSemanticRanker(ranker, vectors, { timeoutMs: 1000 });
    expect(await semantic.rank(request({ limit: 25 }))).toEqual([7, 3]);
    expect(asked).toEqual([['acme', 'battery powered screwdriver', 25]]);
    const weak = fake(async () => [{ productId: 1, score: 0.35 }]);
    expect(await new EmbeddingsSemanticRanker(weak.ranker, weak.vectors, { timeoutMs: 1000 }).rank(request())).toEqual(
      [],
    );
  });

  it('does not embed the query of a tenant with no vectors, nor a blank query', async () => {
    const { ranker, vectors, asked } = fake(async () => [{ productId: 1, score: 1 }], 0);
    const semantic = new EmbeddingsSemanticRanker(ranker, vectors, { timeoutMs: 1000 });
    expect(await semantic.rank(request())).toEqual([]);
    expect(
      await new EmbeddingsSemanticRanker(ranker, fake(async () => []).vectors, { timeoutMs: 1000 }).rank(
        request({ query: '  ' }),
      ),
    ).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('gives no ranking (lexical only) when the embedder fails or is late', async () => {
    const failing = fake(async () => {
      throw new Error('model down');
    });
    expect(
      await new EmbeddingsSemanticRanker(failing.ranker, failing.vectors, { timeoutMs: 1000 }).rank(request()),
    ).toEqual([]);
    const slow = fake(() => new Promise((resolve) => setTimeout(() => resolve([{ productId: 1, score: 1 }]), 300)));
    const started = Date.now();
    expect(await new EmbeddingsSemanticRanker(slow.ranker, slow.vectors, { timeoutMs: 50 }).rank(request())).toEqual(
      [],
    );
    expect(Date.now() - started).toBeLessThan(250);
  });
});
