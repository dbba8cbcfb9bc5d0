import { Module } from '@nestjs/common';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { createFileStorage, FILE_STORAGE } from '@torque/platform';
import type { GatewayEnv } from '../config/gateway-env.js';
import { GATEWAY_ENV } from '../tokens.js';
import { ConflictsController } from './conflicts.controller.js';
import { MappingsController } from './mappings.controller.js';
import { LegacyProgressController } from './legacy-progress.controller.js';
import { UploadIntakeService } from './upload-intake.service.js';
import { UploadsController } from './uploads.controller.js';

/** HTTP routes of uploads and imports (/api/v1/ingestion/..., /data-ingestion/progress/...). */
@Module({
  imports: [
    // Limits of the upload form: one file of at most UPLOAD_MAX_BYTES, a few small text fields before it.
    MultipartModule.registerAsync({
      useFactory: (env: GatewayEnv) => ({
        limits: { fileSize: env.UPLOAD_MAX_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12 },
      }),
      inject: [GATEWAY_ENV],
    }),
  ],
  controllers: [UploadsController, ConflictsController, MappingsController, LegacyProgressController],
  providers: [
    { provide: FILE_STORAGE, useFactory: (env: GatewayEnv) => createFileStorage(env), inject: [GATEWAY_ENV] },
    UploadIntakeService,
  ],
})
export class IngestionGatewayModule {}
