import { Global, Module, type DynamicModule } from '@nestjs/common';
import { createFileStorage, FILE_STORAGE, loadEnv, SERVICE_ENV, type ServiceEnv } from '@torque/platform';
import { FITMENT_ENV, FitmentEnv } from './fitment-env.js';

/** What every fitment feature reads: the fitment settings (FitmentEnv) and the file storage. */
@Global()
@Module({})
export class FitmentCommonModule {
  /** Reads FitmentEnv from the environment now: a bad value stops the boot with its name. */
  static forRoot(source: NodeJS.ProcessEnv = process.env): DynamicModule {
    const providers = [
      { provide: FITMENT_ENV, useValue: loadEnv(FitmentEnv, source) },
      { provide: FILE_STORAGE, inject: [SERVICE_ENV], useFactory: (env: ServiceEnv) => createFileStorage(env) },
    ];
    return { module: FitmentCommonModule, providers, exports: providers };
  }
}
