/** What a semantic ranker is asked: the tenant's query and the filters results must satisfy. */
export interface SemanticRankRequest {
  tenantId: string;
  query: string;
  filters: {
    brand?: string;
    category?: string;
    priceMin?: number;
    priceMax?: number;
    vehicle?: { year?: number; make?: string; model?: string; submodel?: string };
  };
  /** At most this many ids. */
  limit: number;
}

/**
 * Ranks the tenant's products by meaning (embeddings). Its list is fused with the lexical one by reciprocal rank
 * fusion (`fuseRankings`), so its scores need not be comparable with lexical ones. Ids it returns that fail the
 * filters or are no longer in the index are dropped by the search.
 */
export interface SemanticRanker {
  /** Product ids, best first; empty when it has nothing to say (no embeddings yet, no provider). */
  rank(request: SemanticRankRequest): Promise<number[]>;
}

/** Injection token of the SemanticRanker; the search module provides NoSemanticRanker unless overridden. */
export const SEMANTIC_RANKER = Symbol('SEMANTIC_RANKER');

/** The default: no semantic ranking, so searches are lexical only. */
export class NoSemanticRanker implements SemanticRanker {
  async rank(): Promise<number[]> {
    return [];
  }
}
