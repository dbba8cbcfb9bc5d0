import type { SearchFacetValueDto } from '@torque/contracts';
import type { EntityManager } from 'typeorm';
import { MARK_END, MARK_START, withText, type SearchQuery } from './search-query.js';

/**
 * How documents may match: strictly (part numbers, full-text words), or with the query's words corrected to the
 * closest words of the tenant's vocabulary (typos).
 */
export type MatchMode = 'strict' | 'fuzzy';

/** Least trigram similarity (pg_trgm) of a vocabulary word to a query word it corrects. */
export const CORRECTION_THRESHOLD = 0.3;

export interface RankedId {
  id: number;
  /** 4 whole part number, 3 its prefix, 2 inside it, 1 words of the text, 0 similar words; -1 meaning only (semantic). */
  tier: number;
  score: number;
}

export interface LexicalPage {
  generation: number;
  total: number;
  facets: { brand: SearchFacetValueDto[]; category: SearchFacetValueDto[]; make: SearchFacetValueDto[] };
  ranked: RankedId[];
  /** The text that matched: the query's, or its corrected words in fuzzy mode. */
  text: string;
}

export interface DocumentRow {
  product_id: string;
  part_number: string;
  name: string;
  description: string;
  brand: string | null;
  category: string | null;
  attributes: Record<string, unknown>;
  price_min: string | null;
  price_max: string | null;
  currency: string | null;
  suppliers: { id: number; code: string; name: string }[];
  vehicles: { year: number; make: string; model: string; submodel: string }[];
  name_hl: string;
  description_hl: string;
}

const HEADLINE_NAME = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
const HEADLINE_DESCRIPTION = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" ... "`;

/**
 * The query's tsquery: its words (english, stemmed) or its tokens as they are (simple), or any of its codes
 * against the codes of names and descriptions. `$text` and `$codes` are parameters (codes: `a | b`, or '').
 */
const tsquery = (text: string, codes: string) =>
  `(websearch_to_tsquery('english', fold(${text})) || websearch_to_tsquery('simple', fold(${text}))
    || CASE WHEN ${codes} = '' THEN ''::tsquery ELSE to_tsquery('simple', ${codes}) END)`;

/**
 * A facet of the documents of CTE `m` (one row per product): its 20 most frequent values. `from` may expand a row
 * into its values (a product's makes are distinct, so rows still count products).
 */
const facet = (expr: string, from = 'm') =>
  `(SELECT coalesce(jsonb_agg(jsonb_build_object('value', value, 'count', n) ORDER BY n DESC, value), '[]'::jsonb)
      FROM (SELECT ${expr} AS value, count(*)::int AS n FROM ${from}
             GROUP BY 1 HAVING ${expr} IS NOT NULL ORDER BY 2 DESC, 1 LIMIT 20) f)`;
const FACETS = `${facet('m.brand')} AS brand, ${facet('m.category')} AS category,
  ${facet('mk', 'm, unnest(m.makes) mk')} AS make`;

/** The conditions of the query's filters on documents `d`; `p` adds a parameter and names it. */
function filterSql(q: SearchQuery, p: (v: unknown) => string): string[] {
  const where: string[] = [];
  const f = q.filters;
  if (f.brand !== undefined) where.push(`lower(d.brand) = lower(${p(f.brand)})`);
  if (f.category !== undefined) where.push(`lower(d.category) = lower(${p(f.category)})`);
  if (f.priceMin !== undefined) where.push(`d.price_max >= ${p(f.priceMin)}`);
  if (f.priceMax !== undefined) where.push(`d.price_min <= ${p(f.priceMax)}`);
  if (f.vehicleKeys !== undefined)
    where.push(`(${f.vehicleKeys.map((k) => `d.vehicle_keys @> ${p(JSON.stringify([k]))}::jsonb`).join(' OR ')})`);
  return where;
}

/** The SQL of searches: the tenant's active generation only, the tenant in every WHERE. */
export class SearchRepository {
  /**
   * One page of the lexical ranking, with the total and the facets of everything that matched. The generation and
   * every part of the match are plain parameters or expressions of them (folded to constants when the statement
   * is planned), so PostgreSQL can combine the part-number, full-text and trigram indexes.
   */
  async lexical(
    em: EntityManager,
    tenantId: string,
    query: SearchQuery,
    mode: MatchMode,
    offset: number,
    limit: number,
  ): Promise<LexicalPage> {
    const generation = await this.activeGeneration(em, tenantId);
    let q = query;
    if (mode === 'fuzzy') {
      const corrected = await this.corrected(em, tenantId, query.text);
      if (corrected === null)
        return { generation, total: 0, facets: { brand: [], category: [], make: [] }, ranked: [], text: query.text };
      q = withText(query, corrected);
    }
    const params: unknown[] = [tenantId, q.text, generation];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    // `+ 0`: a new generation has no statistics until the next ANALYZE (PostgreSQL would estimate it empty and
    // walk a btree of the tenant); hidden from the btrees, the match is planned on its own indexes.
    const where = [`d.tenant_id = $1`, `d.generation + 0 = $3`, ...filterSql(q, p)];
    const codes = p(q.codes);
    const tq = tsquery('$2', p(q.textCodes.join(' | ')));
    const prefixes = p(q.prefixPatterns);
    const infixes = p(q.infixPatterns);
    // words matched only once corrected rank as similar words (tier 0), below every strict match
    const tier = `CASE WHEN d.part_number_norm = ANY(${codes}::text[]) THEN 4
                       WHEN d.part_number_norm LIKE ANY(${prefixes}::text[]) THEN 3
                       WHEN d.part_number_norm LIKE ANY(${infixes}::text[]) THEN 2
                       WHEN d.search @@ ${tq} THEN ${mode === 'strict' ? 1 : 0} ELSE 0 END`;
    // One arm per index: whole part numbers and each prefix on the tenant's part-number btree, each infix on the
    // part numbers' trigrams, the words on the full-text index.
    const arms = [
      `(d.tenant_id = $1 AND d.part_number_norm = ANY(${codes}::text[]))`,
      ...q.prefixPatterns.map((pattern) => `(d.tenant_id = $1 AND d.part_number_norm LIKE ${p(pattern)})`),
      ...q.infixPatterns.map((pattern) => `d.part_number_norm LIKE ${p(pattern)}`),
      `d.search @@ ${tq}`,
    ];
    const match = `(${arms.join(' OR ')})`;
    const rows: {
      total: number;
      brand: SearchFacetValueDto[];
      category: SearchFacetValueDto[];
      make: SearchFacetValueDto[];
      ranked: RankedId[];
    }[] = await em.query(
      `WITH m AS MATERIALIZED (
         SELECT d.product_id, d.brand, d.category, d.makes, ${tier} AS tier,
                ts_rank_cd(d.search, ${tq}, 1) AS rank
           FROM search_documents d
          WHERE ${where.join(' AND ')} AND ${match}
       ), ranked AS (
         SELECT product_id, tier, rank FROM m
          ORDER BY tier DESC, rank DESC, product_id
         OFFSET ${p(offset)} LIMIT ${p(limit)}
       )
       SELECT (SELECT count(*)::int FROM m) AS total,
              ${FACETS},
              (SELECT coalesce(jsonb_agg(jsonb_build_object('id', product_id, 'tier', tier,
                        'score', round((tier + rank)::numeric, 4))
                        ORDER BY tier DESC, rank DESC, product_id), '[]'::jsonb) FROM ranked) AS ranked`,
      params,
    );
    const r = rows[0];
    return {
      generation,
      total: r.total,
      facets: { brand: r.brand, category: r.category, make: r.make },
      ranked: r.ranked.map((x) => ({ id: Number(x.id), tier: x.tier, score: Number(x.score) })),
      text: q.text,
    };
  }

  /**
   * The query's words, each replaced by the most similar word of the tenant's vocabulary (`search_words`: words
   * of its documents' names, brands and categories) when it has one; null when no word changed.
   */
  async corrected(em: EntityManager, tenantId: string, text: string): Promise<string | null> {
    await em.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(CORRECTION_THRESHOLD)]);
    const rows: { word: string; changed: boolean }[] = await em.query(
      `SELECT coalesce(c.word, q.word) AS word, c.word IS NOT NULL AND c.word <> q.word AS changed
         FROM unnest(regexp_split_to_array(fold($2), '[^[:alnum:]]+')) WITH ORDINALITY AS q(word, n)
         LEFT JOIN LATERAL (
           SELECT w.word FROM search_words w
            WHERE w.tenant_id = $1 AND length(q.word) >= 3 AND w.word % q.word
            ORDER BY similarity(w.word, q.word) DESC, w.word
            LIMIT 1) c ON true
        WHERE q.word <> ''
        ORDER BY q.n`,
      [tenantId, text],
    );
    return rows.some((r) => r.changed) ? rows.map((r) => r.word).join(' ') : null;
  }

  /** Of these ids, those whose documents are in the generation and pass the filters (for a semantic ranker's). */
  async passing(
    em: EntityManager,
    tenantId: string,
    generation: number,
    ids: readonly number[],
    q: SearchQuery,
  ): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const params: unknown[] = [tenantId, generation, ids];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [`d.tenant_id = $1`, `d.generation = $2`, `d.product_id = ANY($3::bigint[])`, ...filterSql(q, p)];
    const rows: { product_id: string }[] = await em.query(
      `SELECT d.product_id FROM search_documents d WHERE ${where.join(' AND ')}`,
      params,
    );
    return new Set(rows.map((r) => Number(r.product_id)));
  }

  /** The facets of these documents of the generation (a semantic ranking's). */
  async facets(
    em: EntityManager,
    tenantId: string,
    generation: number,
    ids: readonly number[],
  ): Promise<LexicalPage['facets']> {
    if (ids.length === 0) return { brand: [], category: [], make: [] };
    const rows: LexicalPage['facets'][] = await em.query(
      `WITH m AS (SELECT d.product_id, d.brand, d.category, d.makes FROM search_documents d
                   WHERE d.tenant_id = $1 AND d.generation = $2 AND d.product_id = ANY($3::bigint[]))
       SELECT ${FACETS}`,
      [tenantId, generation, ids],
    );
    return rows[0];
  }

  /** The active generation of the tenant's index (0 before the first document). */
  async activeGeneration(em: EntityManager, tenantId: string): Promise<number> {
    const rows: { g: number }[] = await em.query(
      `SELECT active_generation AS g FROM index_state WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows[0]?.g ?? 0;
  }

  /** The documents of a page, with the query's words highlighted. */
  async documents(
    em: EntityManager,
    tenantId: string,
    generation: number,
    ids: readonly number[],
    q: SearchQuery,
  ): Promise<Map<number, DocumentRow>> {
    if (ids.length === 0) return new Map();
    const rows: DocumentRow[] = await em.query(
      `WITH q AS (SELECT ${tsquery('$4', '$7')} AS tq)
       SELECT d.product_id, d.part_number, d.name, d.description, d.brand, d.category, d.attributes,
              d.price_min::text, d.price_max::text, d.currency, d.suppliers, d.vehicles,
              ts_headline('english', d.name, q.tq, $5) AS name_hl,
              ts_headline('english', d.description, q.tq, $6) AS description_hl
         FROM search_documents d, q
        WHERE d.tenant_id = $1 AND d.generation = $2 AND d.product_id = ANY($3::bigint[])`,
      [tenantId, generation, ids, q.text, HEADLINE_NAME, HEADLINE_DESCRIPTION, q.textCodes.join(' | ')],
    );
    return new Map(rows.map((r) => [Number(r.product_id), r]));
  }
}
