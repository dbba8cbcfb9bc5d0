import { Module } from '@nestjs/common';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { createFileStorage, FILE_STORAGE } from '@torque/platform';
import type { GatewayEnv } from '../config/gateway-env.js';
import { GATEWAY_ENV } from '../tokens.js';
import { AiFitmentJobsController } from './ai-fitment-jobs.controller.js';
import { FitmentExportsController } from './fitment-exports.controller.js';
import { FitmentsController } from './fitments.controller.js';
import { PARTS_FILE_MAX_BYTES, PartsFileIntakeService } from './parts-file-intake.service.js';
import { VehiclesController } from './vehicles.controller.js';

/** HTTP routes of AI fitment jobs, review, vehicles and ACES export (legacy spec 000 paths and /api/v1/fitment/...). */
@Module({
  imports: [
    // The parts file of an upload job: one file, a few small text fields before it.
    MultipartModule.register({
      limits: { fileSize: PARTS_FILE_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    }),
  ],
  controllers: [AiFitmentJobsController, FitmentsController, FitmentExportsController, VehiclesController],
  providers: [
    { provide: FILE_STORAGE, useFactory: (env: GatewayEnv) => createFileStorage(env), inject: [GATEWAY_ENV] },
    PartsFileIntakeService,
  ],
})
export class FitmentGatewayModule {}
