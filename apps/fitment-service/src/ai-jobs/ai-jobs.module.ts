import { Module } from '@nestjs/common';
import { CatalogClientModule } from '../catalog-client/catalog-client.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { FitmentsModule } from '../fitments/fitments.module.js';
import { ReviewModule } from '../review/review.module.js';
import { AiJobsRpcController } from './ai-jobs.rpc-controller.js';
import { AiJobsService } from './ai-jobs.service.js';
import { GenerateJobHandler } from './generate.job-handler.js';

/**
 * AI fitment jobs (legacy spec 000): creation from catalog products or a parts file, the legacy API's list,
 * progress and per-job review API, and generation on the `generate` queue.
 */
@Module({
  imports: [FitmentsModule, ReviewModule, EngineModule, CatalogClientModule],
  controllers: [AiJobsRpcController],
  providers: [AiJobsService, GenerateJobHandler],
})
export class AiJobsModule {}
