import { Module, type DynamicModule } from '@nestjs/common';
import { loadEnv, ServicePlatformModule, type ServiceEnv } from '@torque/platform';
import { CatalogModule } from './catalog/catalog.module.js';
import { LineBlocksMerge } from './catalog/line-blocks.maintenance.js';
import { ingestionSchema } from './database/ingestion.schema.js';
import { ImportsModule } from './imports/imports.module.js';
import { INGESTION_ENV, IngestionEnv } from './ingestion-env.js';

/** The ingestion service: its schema, queues and features on top of the shared platform. */
@Module({})
export class IngestionModule {
  /**
   * Reads the ingestion settings (IngestionEnv) from `source` now: a bad value stops the boot with its name.
   * They are global: the nightly merge of line partitions, a step of the platform module, reads them too.
   */
  static forRoot(env: ServiceEnv, source: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: IngestionModule,
      global: true,
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
      providers: [{ provide: INGESTION_ENV, useValue: loadEnv(IngestionEnv, source) }],
      exports: [INGESTION_ENV],
    };
  }
}
