import { Module, type DynamicModule } from '@nestjs/common';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { createFileStorage, FILE_STORAGE } from '@torque/platform';
import type { GatewayEnv } from '../config/gateway-env.js';
import { GATEWAY_ENV } from '../tokens.js';
import { TaskIntakeService } from './task-intake.service.js';
import { MediaTasksController } from './tasks.controller.js';

/** The submit route's JSON body: four images in base64 and the small fields around them. */
export function mediaSubmitBodyLimit(env: Pick<GatewayEnv, 'MEDIA_MAX_IMAGE_BYTES'>): number {
  return 4 * Math.ceil((env.MEDIA_MAX_IMAGE_BYTES * 4) / 3) + 256 * 1024;
}

/** HTTP routes of media tasks (seed 004 paths, /api/v1/tasks/...). */
@Module({})
export class MediaGatewayModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return {
      module: MediaGatewayModule,
      imports: [
        // The images of a multipart submit, in memory (each at most MEDIA_MAX_IMAGE_BYTES) until checked and stored.
        MultipartModule.register({
          limits: { fileSize: env.MEDIA_MAX_IMAGE_BYTES, files: 4, fields: 10, fieldSize: 64 * 1024, parts: 14 },
        }),
      ],
      controllers: [MediaTasksController],
      providers: [
        { provide: FILE_STORAGE, useFactory: (e: GatewayEnv) => createFileStorage(e), inject: [GATEWAY_ENV] },
        TaskIntakeService,
      ],
    };
  }
}
