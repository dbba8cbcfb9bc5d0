import { Logger } from '@nestjs/common';
import type { SemanticRanker as VectorRanker } from '../embeddings/semantic-ranker.js';
import { MIN_SIMILARITY, SIMILARITY_MARGIN } from '../embeddings/similarity-cut.js';
import type { TenantVectors } from '../embeddings/tenant-vectors.js';
import type { SemanticRanker, SemanticRankRequest } from '../search/semantic-ranker.js';

export interface EmbeddingsSemanticRankerOptions {
  /** The longest a search waits for the ranking; past it the search is lexical only. */
  timeoutMs: number;
  minSimilarity?: number;
  similarityMargin?: number;
}

/**
 * The search's SemanticRanker over the embeddings' one: up to the request's `limit` product ids, best first, of
 * close enough to the query (MIN_SIMILARITY, SIMILARITY_MARGIN). It never fails a search nor holds it up: a tenant with no vectors yet is answered at
 * once (no query embedded), an embedder error or an answer later than `timeoutMs` gives no semantic ranking
 * (the search is lexical only). Filters are left to the search, which drops the ids failing them.
 */
export class EmbeddingsSemanticRanker implements SemanticRanker {
  private readonly logger = new Logger(EmbeddingsSemanticRanker.name);
  private readonly minSimilarity: number;
  private readonly similarityMargin: number;

  constructor(
    private readonly ranker: Pick<VectorRanker, 'rank'>,
    private readonly vectors: Pick<TenantVectors, 'index'>,
    private readonly opts: EmbeddingsSemanticRankerOptions,
  ) {
    this.minSimilarity = opts.minSimilarity ?? MIN_SIMILARITY;
    this.similarityMargin = opts.similarityMargin ?? SIMILARITY_MARGIN;
  }

  async rank(request: SemanticRankRequest): Promise<number[]> {
    if (request.limit <= 0 || !request.query.trim()) return [];
    let timer: NodeJS.Timeout | undefined;
    const ranking = this.ranking(request);
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.opts.timeoutMs);
      timer.unref();
    });
    try {
      const ids = await Promise.race([ranking, timeout]);
      if (ids === null) this.logger.debug(`semantic ranking over ${this.opts.timeoutMs} ms: lexical only`);
      return ids ?? [];
    } catch (err) {
      this.logger.warn(`semantic ranking failed, lexical only: ${(err as Error).message}`);
      return [];
    } finally {
      clearTimeout(timer);
      // a late or failed ranking must not surface as an unhandled rejection
      ranking.catch(() => undefined);
    }
  }

  private async ranking(request: SemanticRankRequest): Promise<number[]> {
    const index = await this.vectors.index(request.tenantId);
    if (index.size === 0) return [];
    const scored = await this.ranker.rank(request.tenantId, request.query, request.limit);
    const floor = Math.max(this.minSimilarity, (scored[0]?.score ?? 0) - this.similarityMargin);
    return scored.filter((s) => s.score >= floor).map((s) => s.productId);
  }
}
