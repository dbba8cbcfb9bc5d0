import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { EMBEDDINGS_ENV, type EmbeddingsEnv } from '../embeddings/embeddings-env.js';
import { EmbeddingsModule } from '../embeddings/embeddings.module.js';
import { SemanticRanker as VectorRanker } from '../embeddings/semantic-ranker.js';
import { TenantVectors } from '../embeddings/tenant-vectors.js';
import { NoSemanticRanker, SEMANTIC_RANKER } from '../search/semantic-ranker.js';
import { EmbedRequestsService } from './embed-requests.service.js';
import { EmbedJobHandler } from './embed.job-handler.js';
import { EmbedRepository } from './embed.repository.js';
import { EmbeddingsSemanticRanker } from './embeddings-semantic-ranker.js';

/**
 * Semantic search wired into the index (global: the search, the update, rebuild and audit handlers use it): the
 * search's SEMANTIC_RANKER over the embeddings, EmbedRequestsService (an embed job after documents changed) and
 * the `indexer.embed` handler. With EMBEDDINGS_PROVIDER `none` the embeddings module is not imported (no model,
 * no vectors read): the ranker is NoSemanticRanker and no embed job is submitted; the handler is still there so
 * that a worker of the `embed` queue boots.
 */
@Module({})
export class SemanticModule {
  static forRoot(env: EmbeddingsEnv): DynamicModule {
    const off = env.EMBEDDINGS_PROVIDER === 'none';
    const ranker: Provider = off
      ? { provide: SEMANTIC_RANKER, useClass: NoSemanticRanker }
      : {
          provide: SEMANTIC_RANKER,
          inject: [VectorRanker, TenantVectors],
          useFactory: (vectorRanker: VectorRanker, vectors: TenantVectors) =>
            new EmbeddingsSemanticRanker(vectorRanker, vectors, {
              timeoutMs: env.EMBEDDINGS_QUERY_TIMEOUT_MS,
              minSimilarity: env.EMBEDDINGS_MIN_SIMILARITY,
              similarityMargin: env.EMBEDDINGS_SIMILARITY_MARGIN,
            }),
        };
    return {
      module: SemanticModule,
      global: true,
      imports: [DocumentsModule, ...(off ? [] : [EmbeddingsModule.forRoot(env)])],
      providers: [
        { provide: EMBEDDINGS_ENV, useValue: env },
        { provide: EmbedRepository, useValue: new EmbedRepository() },
        ranker,
        EmbedRequestsService,
        EmbedJobHandler,
      ],
      exports: [SEMANTIC_RANKER, EmbedRequestsService],
    };
  }
}
