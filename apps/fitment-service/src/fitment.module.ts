import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule, type ServiceEnv } from '@torque/platform';
import { fitmentSchema } from './database/fitment.schema.js';
import { FitmentsModule } from './fitments/fitments.module.js';

/** The fitment service: its schema, queues and features on top of the shared platform. */
@Module({})
export class FitmentModule {
  static forRoot(env: ServiceEnv): DynamicModule {
    return {
      module: FitmentModule,
      imports: [
        ServicePlatformModule.forService({ service: 'fitment', env, ...fitmentSchema }),
        FitmentsModule.forRoot(),
      ],
    };
  }
}
