import { Module, type DynamicModule } from '@nestjs/common';
import { PermanentJobError } from '@torque/platform';
import { METADATA_GENERATOR, type GeneratedMetadata, type MetadataGenerator } from './engine/metadata-generator.js';

/**
 * METADATA_GENERATOR until the provider chain (MetadataEngineModule, issue 13) is merged: every generation fails
 * at once with `no_metadata_generator`, so a job never pretends to have generated anything.
 */
class UnconfiguredGenerator implements MetadataGenerator {
  generate(): Promise<GeneratedMetadata> {
    return Promise.reject(new PermanentJobError('no_metadata_generator', 'No metadata generator is configured'));
  }
}

@Module({})
export class UnconfiguredGeneratorModule {
  static forRoot(): DynamicModule {
    return {
      module: UnconfiguredGeneratorModule,
      providers: [{ provide: METADATA_GENERATOR, useClass: UnconfiguredGenerator }],
      exports: [METADATA_GENERATOR],
    };
  }
}
