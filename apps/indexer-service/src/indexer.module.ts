import { Module, type DynamicModule } from '@nestjs/common';
import { IndexerQueueNames } from '@torque/contracts';
import { loadEnv, ServicePlatformModule, type ServiceEnv } from '@torque/platform';
import { AssistantModule } from './assistant/assistant.module.js';
import { IndexerCommonModule } from './common/common.module.js';
import { indexerSchema } from './database/indexer.schema.js';
import { EmbeddingsEnv } from './embeddings/embeddings-env.js';
import { FreshnessModule } from './freshness/freshness.module.js';
import { MetadataEngineModule } from './metadata/engine/metadata-engine.module.js';
import { MetadataEnv } from './metadata/metadata-env.js';
import { MetadataModule } from './metadata/metadata.module.js';
import { ProjectsModule } from './projects/projects.module.js';
import { RebuildModule } from './rebuild/rebuild.module.js';
import { SearchModule } from './search/search.module.js';
import { SemanticModule } from './semantic/semantic.module.js';

export interface IndexerModuleOptions {
  /**
   * The module providing METADATA_GENERATOR and METADATA_ENGINE_ENV: MetadataEngineModule (the provider chain of
   * MetadataEngineEnv) unless given (tests give a fake generator).
   */
  metadataGenerator?: DynamicModule;
}

/** The indexer service: its schema, queues and features on top of the shared platform. */
@Module({})
export class IndexerModule {
  /**
   * Reads the indexer settings (IndexerEnv, EmbeddingsEnv, MetadataEnv, MetadataEngineEnv) from `source` now: a
   * bad value stops the boot with its name.
   */
  static forRoot(
    env: ServiceEnv,
    source: NodeJS.ProcessEnv = process.env,
    opts: IndexerModuleOptions = {},
  ): DynamicModule {
    const metadataEnv = loadEnv(MetadataEnv, source);
    return {
      module: IndexerModule,
      imports: [
        ServicePlatformModule.forService({
          service: 'indexer',
          env,
          ...indexerSchema,
          queueOptions: {
            [IndexerQueueNames.Metadata]: {
              limiter: { max: metadataEnv.METADATA_RATE_LIMIT, duration: metadataEnv.METADATA_RATE_WINDOW_MS },
            },
          },
        }),
        IndexerCommonModule.forRoot(source),
        SemanticModule.forRoot(loadEnv(EmbeddingsEnv, source)),
        FreshnessModule,
        SearchModule,
        RebuildModule,
        AssistantModule,
        ProjectsModule,
        MetadataModule.forRoot(metadataEnv, opts.metadataGenerator ?? MetadataEngineModule.forRoot(source)),
      ],
    };
  }
}
