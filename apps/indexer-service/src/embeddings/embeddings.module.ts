import { Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EMBEDDER, type Embedder } from './embedder.js';
import { createEmbedder } from './embedder-factory.js';
import { EMBEDDINGS_ENV, type EmbeddingsEnv } from './embeddings-env.js';
import { EmbeddingsRepository } from './embeddings.repository.js';
import { EmbeddingsService } from './embeddings.service.js';
import { SemanticRanker } from './semantic-ranker.js';
import { TenantVectors } from './tenant-vectors.js';

/**
 * The semantic half of search: the configured Embedder, the vectors in `indexer.embeddings` (written by
 * EmbeddingsService, reused by content hash) and each tenant's in-memory index, searched by SemanticRanker.
 */
@Module({})
export class EmbeddingsModule {
  static forRoot(env: EmbeddingsEnv): DynamicModule {
    return {
      module: EmbeddingsModule,
      providers: [
        { provide: EMBEDDINGS_ENV, useValue: env },
        { provide: EMBEDDER, useFactory: () => createEmbedder(env) },
        { provide: EmbeddingsRepository, useValue: new EmbeddingsRepository() },
        {
          provide: TenantVectors,
          inject: [DataSource, EmbeddingsRepository, EMBEDDER],
          useFactory: (ds: DataSource, repository: EmbeddingsRepository, embedder: Embedder) =>
            new TenantVectors(ds, repository, {
              model: embedder.model,
              dimensions: embedder.dimensions,
              refreshMs: env.EMBEDDINGS_REFRESH_MS,
              idleMs: env.EMBEDDINGS_TENANT_IDLE_MS,
            }),
        },
        {
          provide: EmbeddingsService,
          inject: [DataSource, EmbeddingsRepository, EMBEDDER, TenantVectors],
          useFactory: (ds: DataSource, repository: EmbeddingsRepository, embedder: Embedder, vectors: TenantVectors) =>
            new EmbeddingsService(ds, repository, embedder, vectors),
        },
        {
          provide: SemanticRanker,
          inject: [EMBEDDER, TenantVectors],
          useFactory: (embedder: Embedder, vectors: TenantVectors) => new SemanticRanker(embedder, vectors),
        },
      ],
      exports: [EMBEDDINGS_ENV, EMBEDDER, EmbeddingsRepository, EmbeddingsService, SemanticRanker, TenantVectors],
    };
  }
}
