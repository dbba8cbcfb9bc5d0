import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule, type ServiceEnv } from '@torque/platform';
import { AiJobsModule } from './ai-jobs/ai-jobs.module.js';
import { FitmentCommonModule } from './common/common.module.js';
import { fitmentSchema } from './database/fitment.schema.js';
import { EngineModule } from './engine/engine.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { ReviewModule } from './review/review.module.js';
import { VehiclesModule } from './vehicles/vehicles.module.js';

/**
 * The fitment service: its schema, queues and features on top of the shared platform. Products come
 * from the catalog over RabbitMQ only (CatalogClientModule, imported by AiJobsModule).
 */
@Module({})
export class FitmentModule {
  static forRoot(env: ServiceEnv): DynamicModule {
    return {
      module: FitmentModule,
      imports: [
        ServicePlatformModule.forService({ service: 'fitment', env, ...fitmentSchema }),
        FitmentCommonModule.forRoot(),
        EngineModule,
        VehiclesModule,
        AiJobsModule,
        ReviewModule,
        ExportsModule,
      ],
    };
  }
}
