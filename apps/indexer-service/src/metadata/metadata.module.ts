import { Module, type DynamicModule } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { GenerateMetadataJobHandler } from './generate.job-handler.js';
import { METADATA_ENV, type MetadataEnv } from './metadata-env.js';
import { MetadataMetrics } from './metadata-metrics.js';
import { MetadataCleanupJobHandler } from './metadata-cleanup.job-handler.js';
import { MetadataCleanupTrigger } from './metadata-cleanup.trigger.js';
import { MetadataRpcController } from './metadata.rpc-controller.js';
import { MetadataRepository } from './metadata.repository.js';
import { MetadataService } from './metadata.service.js';
import { NightlyMetadataTrigger } from './nightly-metadata.trigger.js';

/**
 * Summary and tags of projects and catalog products (seed 003): generation jobs on the rate-limited `metadata`
 * queue, a person's edits, the nightly run and the weekly clean-up. `generator` is the module that provides
 * METADATA_GENERATOR and METADATA_ENGINE_ENV (MetadataEngineModule).
 */
@Module({})
export class MetadataModule {
  static forRoot(env: MetadataEnv, generator: DynamicModule): DynamicModule {
    return {
      module: MetadataModule,
      imports: [DocumentsModule, ProjectsModule, generator],
      controllers: [MetadataRpcController],
      providers: [
        { provide: METADATA_ENV, useValue: env },
        { provide: MetadataRepository, useValue: new MetadataRepository() },
        MetadataMetrics,
        MetadataService,
        GenerateMetadataJobHandler,
        NightlyMetadataTrigger,
        MetadataCleanupTrigger,
        MetadataCleanupJobHandler,
      ],
    };
  }
}
