import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule, type ServiceEnv } from '@torque/platform';
import { indexerSchema } from './database/indexer.schema.js';

/** The indexer service: its schema, queues and features on top of the shared platform. */
@Module({})
export class IndexerModule {
  static forRoot(env: ServiceEnv): DynamicModule {
    return {
      module: IndexerModule,
      imports: [ServicePlatformModule.forService({ service: 'indexer', env, ...indexerSchema })],
    };
  }
}
