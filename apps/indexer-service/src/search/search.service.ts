import { Inject, Injectable } from '@nestjs/common';
import type { SearchHitDto, SearchProductsQueryDto, SearchResultDto } from '@torque/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { INDEXER_ENV, type IndexerEnv } from '../common/indexer-env.js';
import { IndexerMetrics } from '../common/indexer-metrics.js';
import { MAX_SHOWN_VEHICLES } from '../documents/search-document.js';
import { fuseRankings } from './rank-fusion.js';
import { markHighlights, toSearchQuery, withText, type SearchQuery } from './search-query.js';
import {
  SearchRepository,
  type DocumentRow,
  type LexicalPage,
  type MatchMode,
  type RankedId,
} from './search.repository.js';
import { SEMANTIC_RANKER, type SemanticRanker } from './semantic-ranker.js';

/** The most results a fused (lexical + semantic) ranking reaches; deeper pages are lexical only. */
export const MAX_FUSED_RESULTS = 1000;
/** The tier of a hit only the semantic ranking found (its `match` is `semantic`). */
const SEMANTIC_ONLY = -1;
/** Lexical tiers from this one up matched the part number (whole, as a prefix or inside); they rank first. */
const PART_NUMBER_TIER = 2;

/**
 * Product search over the tenant's active index generation. Lexical first: part numbers (whole, prefix, inside),
 * then full-text words (weighted: codes, name and brand, category and attributes, description and vehicles);
 * when nothing matches strictly, similar words (pg_trgm), so typos still find products. A semantic ranking, when
 * a SemanticRanker gives one, is fused with the lexical one by reciprocal rank fusion.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: SearchRepository,
    private readonly metrics: IndexerMetrics,
    @Inject(SEMANTIC_RANKER) private readonly semantic: SemanticRanker,
    @Inject(INDEXER_ENV) private readonly env: Pick<IndexerEnv, 'SEARCH_SEMANTIC_WEIGHT'>,
  ) {}

  async search(tenantId: string, dto: SearchProductsQueryDto): Promise<SearchResultDto> {
    const started = process.hrtime.bigint();
    const q = toSearchQuery(dto);
    const offset = (dto.page - 1) * dto.limit;
    const mode = dto.mode ?? 'hybrid';
    if (mode === 'semantic') return this.semanticOnly(tenantId, dto, q, offset, started);
    const semanticIds = mode === 'lexical' ? [] : await this.rankSemantic(tenantId, dto, q);
    const fused = semanticIds.length > 0 && offset + dto.limit <= MAX_FUSED_RESULTS;
    const { result, match } = await this.dataSource.transaction(async (em) => {
      let match: MatchMode = 'strict';
      const window = fused ? { offset: 0, limit: MAX_FUSED_RESULTS } : { offset, limit: dto.limit };
      let lexical = await this.repo.lexical(em, tenantId, q, match, window.offset, window.limit);
      if (lexical.total === 0) {
        match = 'fuzzy';
        lexical = await this.repo.lexical(em, tenantId, q, match, window.offset, window.limit);
      }
      const { page, total } = fused
        ? await this.fuse(em, tenantId, q, lexical, semanticIds, offset, dto.limit)
        : { page: lexical.ranked, total: lexical.total };
      const data = await this.hits(
        em,
        tenantId,
        lexical.generation,
        page,
        lexical.text === q.text ? q : withText(q, lexical.text),
      );
      const result: SearchResultDto = {
        data,
        meta: { page: dto.page, limit: dto.limit, total },
        facets: lexical.facets,
        generation: lexical.generation,
      };
      return { result, match };
    });
    this.metrics.searchDuration.observe({ mode, match }, Number(process.hrtime.bigint() - started) / 1e9);
    return result;
  }

  /** `mode=semantic`: the semantic ranking alone, filtered, with the facets of everything it found. */
  private async semanticOnly(
    tenantId: string,
    dto: SearchProductsQueryDto,
    q: SearchQuery,
    offset: number,
    started: bigint,
  ): Promise<SearchResultDto> {
    const semanticIds = await this.rankSemantic(tenantId, dto, q);
    const result = await this.dataSource.transaction(async (em) => {
      const generation = await this.repo.activeGeneration(em, tenantId);
      const passing = await this.repo.passing(em, tenantId, generation, semanticIds, q);
      const ids = semanticIds.filter((id) => passing.has(id));
      const page = ids.slice(offset, offset + dto.limit).map((id) => ({ id, tier: SEMANTIC_ONLY, score: 0 }));
      const result: SearchResultDto = {
        data: await this.hits(em, tenantId, generation, page, q),
        meta: { page: dto.page, limit: dto.limit, total: ids.length },
        facets: await this.repo.facets(em, tenantId, generation, ids),
        generation,
      };
      return result;
    });
    this.metrics.searchDuration.observe(
      { mode: 'semantic', match: 'semantic' },
      Number(process.hrtime.bigint() - started) / 1e9,
    );
    return result;
  }

  private rankSemantic(tenantId: string, dto: SearchProductsQueryDto, q: SearchQuery): Promise<number[]> {
    return this.semantic.rank({
      tenantId,
      query: q.text,
      filters: {
        brand: q.filters.brand,
        category: q.filters.category,
        priceMin: q.filters.priceMin,
        priceMax: q.filters.priceMax,
        vehicle: { year: dto.year, make: dto.make, model: dto.model, submodel: dto.submodel },
      },
      limit: MAX_FUSED_RESULTS,
    });
  }

  /** The hits of a page, in its order (a document gone meanwhile is left out). */
  private async hits(
    em: EntityManager,
    tenantId: string,
    generation: number,
    page: RankedId[],
    q: SearchQuery,
  ): Promise<SearchHitDto[]> {
    const docs = await this.repo.documents(
      em,
      tenantId,
      generation,
      page.map((r) => r.id),
      q,
    );
    return page.flatMap((r) => {
      const row = docs.get(r.id);
      return row ? [toHit(row, r)] : [];
    });
  }

  /**
   * The page of the RRF fusion of the lexical ranking with the semantic one (ids passing the filters only). Part
   * number matches stay first, in their lexical order: a product that is close in meaning never outranks the
   * part a mechanic typed.
   */
  private async fuse(
    em: Parameters<SearchRepository['passing']>[0],
    tenantId: string,
    q: SearchQuery,
    lexical: LexicalPage,
    semanticIds: number[],
    offset: number,
    limit: number,
  ): Promise<{ page: RankedId[]; total: number }> {
    const passing = await this.repo.passing(em, tenantId, lexical.generation, semanticIds, q);
    const semantic = semanticIds.filter((id) => passing.has(id));
    const lexicalOf = new Map(lexical.ranked.map((r) => [r.id, r]));
    const partNumbers = lexical.ranked.filter((r) => r.tier >= PART_NUMBER_TIER).map((r) => r.id);
    const pinned = new Set(partNumbers);
    const fused = fuseRankings([
      { ids: lexical.ranked.filter((r) => !pinned.has(r.id)).map((r) => r.id) },
      { ids: semantic.filter((id) => !pinned.has(id)), weight: this.env.SEARCH_SEMANTIC_WEIGHT },
    ]);
    const semanticOnly = semantic.filter((id) => !lexicalOf.has(id)).length;
    return {
      page: [...partNumbers, ...fused.map((f) => f.id)]
        .slice(offset, offset + limit)
        .map((id) => lexicalOf.get(id) ?? { id, tier: SEMANTIC_ONLY, score: 0 }),
      total: lexical.total + semanticOnly,
    };
  }
}

function toHit(row: DocumentRow, ranked: RankedId): SearchHitDto {
  return {
    product_id: Number(row.product_id),
    part_number: row.part_number,
    name: row.name,
    description: row.description,
    brand: row.brand,
    category: row.category,
    attributes: row.attributes,
    price:
      row.price_min !== null && row.price_max !== null && row.currency !== null
        ? { min: row.price_min, max: row.price_max, currency: row.currency.trim() }
        : null,
    suppliers: row.suppliers,
    vehicles: row.vehicles.slice(0, MAX_SHOWN_VEHICLES),
    match:
      ranked.tier >= 2
        ? 'part_number'
        : ranked.tier === 1
          ? 'text'
          : ranked.tier === SEMANTIC_ONLY
            ? 'semantic'
            : 'fuzzy',
    score: ranked.score,
    highlights: { name: markHighlights(row.name_hl), description: markHighlights(row.description_hl) },
  };
}
