import { Module, type DynamicModule } from '@nestjs/common';
import { loadEnv, ServicePlatformModule, type ServiceEnv } from '@torque/platform';
import { AssistantModule } from './assistant/assistant.module.js';
import { IndexerCommonModule } from './common/common.module.js';
import { indexerSchema } from './database/indexer.schema.js';
import { EmbeddingsEnv } from './embeddings/embeddings-env.js';
import { FreshnessModule } from './freshness/freshness.module.js';
import { RebuildModule } from './rebuild/rebuild.module.js';
import { SearchModule } from './search/search.module.js';
import { SemanticModule } from './semantic/semantic.module.js';

/** The indexer service: its schema, queues and features on top of the shared platform. */
@Module({})
export class IndexerModule {
  /**
   * Reads the indexer settings (IndexerEnv, EmbeddingsEnv) from `source` now: a bad value stops the boot with its
   * name.
   */
  static forRoot(env: ServiceEnv, source: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: IndexerModule,
      imports: [
        ServicePlatformModule.forService({ service: 'indexer', env, ...indexerSchema }),
        IndexerCommonModule.forRoot(source),
        SemanticModule.forRoot(loadEnv(EmbeddingsEnv, source)),
        FreshnessModule,
        SearchModule,
        RebuildModule,
        AssistantModule,
      ],
    };
  }
}
