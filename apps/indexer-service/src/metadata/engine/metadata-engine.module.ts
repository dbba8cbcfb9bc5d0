import { Module, type DynamicModule } from '@nestjs/common';
import { loadEnv, MetricsService } from '@torque/platform';
import { METADATA_ENGINE_ENV, MetadataEngineEnv } from './metadata-engine-env.js';
import { MetadataEngineMetrics } from './metadata-engine-metrics.js';
import { createMetadataGenerator } from './metadata-generator-factory.js';
import { METADATA_GENERATOR } from './metadata-generator.js';

/**
 * The text-AI engine of smart metadata (issue 13): METADATA_GENERATOR, the provider chain of the settings
 * (MetadataEngineEnv, read from `source` now: a bad value stops the boot naming it), with its metrics in the
 * process registry (MetricsService of the platform module). METADATA_ENGINE_ENV is exported for
 * METADATA_MAX_CONTENT_CHARS (truncateMetadataContent).
 */
@Module({})
export class MetadataEngineModule {
  static forRoot(source: NodeJS.ProcessEnv = process.env): DynamicModule {
    const env = loadEnv(MetadataEngineEnv, source);
    return {
      module: MetadataEngineModule,
      providers: [
        { provide: METADATA_ENGINE_ENV, useValue: env },
        {
          provide: MetadataEngineMetrics,
          inject: [MetricsService],
          useFactory: (m: MetricsService) => new MetadataEngineMetrics(m),
        },
        {
          provide: METADATA_GENERATOR,
          inject: [MetadataEngineMetrics],
          useFactory: (metrics: MetadataEngineMetrics) => createMetadataGenerator(env, { metrics }),
        },
      ],
      exports: [METADATA_GENERATOR, METADATA_ENGINE_ENV],
    };
  }
}
