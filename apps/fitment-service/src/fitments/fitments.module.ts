import { Module, type DynamicModule } from '@nestjs/common';
import { createFileStorage, FILE_STORAGE, loadEnv, SERVICE_ENV, type ServiceEnv } from '@torque/platform';
import { ExportJobHandler } from '../aces/export.job-handler.js';
import { ExportsRepository } from '../aces/exports.repository.js';
import { ExportsRpcController } from '../aces/exports.rpc-controller.js';
import { ExportsService } from '../aces/exports.service.js';
import { CatalogClientService } from '../catalog-client/catalog-client.service.js';
import { FITMENT_PROVIDER } from '../providers/fitment-provider.js';
import { OpenAiChatProvider } from '../providers/openai-chat.provider.js';
import { ReviewRpcController } from '../review/review.rpc-controller.js';
import { ReviewService } from '../review/review.service.js';
import { VehicleCatalogReader } from '../review/vehicle-catalog.reader.js';
import { VehicleImportService } from '../review/vehicle-import.service.js';
import { VehicleLookup } from '../review/vehicle-lookup.js';
import { VehiclesRpcController } from '../review/vehicles.rpc-controller.js';
import { AiJobsRepository } from '../ai-jobs/ai-jobs.repository.js';
import { AiJobsRpcController } from './ai-jobs.rpc-controller.js';
import { AiJobsService } from './ai-jobs.service.js';
import { FITMENT_ENV, FitmentEnv } from './fitment-env.js';
import { FitmentEngineService } from './fitment-engine.service.js';
import { FitmentsRepository } from './fitments.repository.js';
import { GenerateJobHandler } from './generate.job-handler.js';
import { JobSettlement } from './job-settlement.js';

/**
 * AI fitment jobs (generation on the `generate` queue), the fitments they produce and their review,
 * ACES/CSV exports (`export` queue), and the vehicle catalog's read API for people. Products come
 * from the catalog over RabbitMQ only.
 */
@Module({
  controllers: [AiJobsRpcController, ReviewRpcController, ExportsRpcController, VehiclesRpcController],
  providers: [
    {
      provide: FITMENT_PROVIDER,
      inject: [FITMENT_ENV],
      useFactory: (env: FitmentEnv) =>
        env.FITMENT_PROVIDER === 'openai'
          ? new OpenAiChatProvider({
              baseUrl: env.OPENAI_BASE_URL,
              apiKey: env.OPENAI_API_KEY,
              model: env.OPENAI_MODEL,
              timeoutMs: env.OPENAI_TIMEOUT_MS,
            })
          : null,
    },
    { provide: FILE_STORAGE, inject: [SERVICE_ENV], useFactory: (env: ServiceEnv) => createFileStorage(env) },
    { provide: AiJobsRepository, useValue: new AiJobsRepository() },
    { provide: FitmentsRepository, useValue: new FitmentsRepository() },
    { provide: ExportsRepository, useValue: new ExportsRepository() },
    { provide: VehicleLookup, useValue: new VehicleLookup() },
    { provide: VehicleCatalogReader, useValue: new VehicleCatalogReader() },
    CatalogClientService,
    FitmentEngineService,
    JobSettlement,
    AiJobsService,
    ReviewService,
    ExportsService,
    GenerateJobHandler,
    ExportJobHandler,
    VehicleImportService,
  ],
})
export class FitmentsModule {
  /** Reads the fitment settings (FitmentEnv) from the environment now: a bad value stops the boot with its name. */
  static forRoot(source: NodeJS.ProcessEnv = process.env): DynamicModule {
    return { module: FitmentsModule, providers: [{ provide: FITMENT_ENV, useValue: loadEnv(FitmentEnv, source) }] };
  }
}
