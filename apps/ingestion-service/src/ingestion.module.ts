import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule, type ServiceEnv } from '@torque/platform';
import { CatalogModule } from './catalog/catalog.module.js';
import { LineBlocksMerge } from './catalog/line-blocks.maintenance.js';
import { ingestionSchema } from './database/ingestion.schema.js';
import { ImportsModule } from './imports/imports.module.js';

/** The ingestion service: its schema, queues and features on top of the shared platform. */
@Module({})
export class IngestionModule {
  static forRoot(env: ServiceEnv): DynamicModule {
    return {
      module: IngestionModule,
      imports: [
        ServicePlatformModule.forService({
          service: 'ingestion',
          env,
          ...ingestionSchema,
          maintenanceSteps: [LineBlocksMerge],
        }),
        CatalogModule,
        ImportsModule,
      ],
    };
  }
}
