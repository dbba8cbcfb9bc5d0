import type { DataSource } from 'typeorm';
import type { IndexerMetrics } from '../common/indexer-metrics.js';
import type { SearchQuery } from './search-query.js';
import type { DocumentRow, LexicalPage, MatchMode, SearchRepository } from './search.repository.js';
import { SearchService } from './search.service.js';
import type { SemanticRanker } from './semantic-ranker.js';

const ENV = { SEARCH_SEMANTIC_WEIGHT: 1 };

const doc = (id: number): DocumentRow => ({
  product_id: String(id),
  part_number: `P-${id}`,
  name: `Product ${id}`,
  description: '',
  brand: null,
  category: null,
  attributes: {},
  price_min: null,
  price_max: null,
  currency: null,
  suppliers: [],
  vehicles: [],
  name_hl: `Product ${id}`,
  description_hl: '',
});

/**
 * A repository over fixed rankings: strict matches `lexical` (fuzzy ones when it is empty), every id passes but
 * `failing`; strict matches are full-text (tier 1) unless `tiers` names another.
 */
function fakeRepo(lexical: number[], fuzzy: number[] = [], failing: number[] = [], tiers: Record<number, number> = {}) {
  const calls: MatchMode[] = [];
  const repo = {
    async lexical(_em: unknown, _t: string, q: SearchQuery, mode: MatchMode, offset: number, limit: number) {
      calls.push(mode);
      const ids = mode === 'strict' ? lexical : fuzzy;
      const page: LexicalPage = {
        generation: 3,
        total: ids.length,
        facets: { brand: [], category: [], make: [] },
        ranked: ids
          .slice(offset, offset + limit)
          .map((id) => ({ id, tier: mode === 'strict' ? (tiers[id] ?? 1) : 0, score: 1 })),
        text: q.text,
      };
      return page;
    },
    async passing(_em: unknown, _t: string, _g: number, ids: readonly number[]) {
      return new Set(ids.filter((id) => !failing.includes(id)));
    },
    async documents(_em: unknown, _t: string, _g: number, ids: readonly number[]) {
      return new Map(ids.map((id) => [id, doc(id)]));
    },
  };
  return { repo: repo as unknown as SearchRepository, calls };
}

const dataSource = { transaction: (fn: (em: unknown) => unknown) => fn({}) } as unknown as DataSource;
const metrics = { searchDuration: { observe: () => undefined } } as unknown as IndexerMetrics;
const ranker = (ids: number[]): SemanticRanker => ({ rank: async () => ids });
const query = { q: 'brake pads', page: 1, limit: 10 };

describe('SearchService', () => {
  it('answers the lexical ranking when the semantic ranker has nothing', async () => {
    const { repo } = fakeRepo([5, 3, 9]);
    const r = await new SearchService(dataSource, repo, metrics, ranker([]), ENV).search('acme', query);
    expect(r.data.map((h) => h.product_id)).toEqual([5, 3, 9]);
    expect(r.meta.total).toBe(3);
    expect(r.generation).toBe(3);
  });

  it('fuses a semantic ranking by reciprocal rank, dropping its ids that fail the filters', async () => {
    const { repo } = fakeRepo([1, 2, 3], [], [8]);
    const r = await new SearchService(dataSource, repo, metrics, ranker([8, 3, 7]), ENV).search('acme', query);
    expect(r.data.map((h) => h.product_id)).toEqual([3, 1, 2, 7]);
    expect(r.meta.total).toBe(4);
    expect(r.data.find((h) => h.product_id === 7)!.match).toBe('semantic');
  });

  it('keeps part-number matches first, in their order, whatever the semantic ranking says', async () => {
    // 4 is the whole part number, 6 a part number starting with it, 2 and 5 full-text hits.
    const { repo } = fakeRepo([4, 6, 2, 5], [], [], { 4: 4, 6: 3 });
    const r = await new SearchService(dataSource, repo, metrics, ranker([9, 5, 2, 6]), ENV).search('acme', query);
    expect(r.data.map((h) => h.product_id).slice(0, 2)).toEqual([4, 6]);
    expect(r.data.map((h) => h.product_id)).toEqual([4, 6, 2, 5, 9]);
    expect(r.data.map((h) => h.match)).toEqual(['part_number', 'part_number', 'text', 'text', 'semantic']);
    expect(r.meta.total).toBe(5);
  });

  it('falls back to similar words only when nothing matches strictly', async () => {
    const strict = fakeRepo([1]);
    await new SearchService(dataSource, strict.repo, metrics, ranker([]), ENV).search('acme', query);
    expect(strict.calls).toEqual(['strict']);
    const typo = fakeRepo([], [4]);
    const r = await new SearchService(dataSource, typo.repo, metrics, ranker([]), ENV).search('acme', query);
    expect(typo.calls).toEqual(['strict', 'fuzzy']);
    expect(r.data.map((h) => [h.product_id, h.match])).toEqual([[4, 'fuzzy']]);
  });
});
