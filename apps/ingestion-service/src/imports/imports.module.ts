import { Module } from '@nestjs/common';
import { createFileStorage, FILE_STORAGE, SERVICE_ENV, type ServiceEnv } from '@torque/platform';
import { ImportJobHandler } from './import.job-handler.js';
import { ImportsRpcController } from './imports.rpc-controller.js';
import { ImportRunner } from './pipeline/import-runner.js';
import { UploadsRepository } from './uploads.repository.js';
import { UploadsService } from './uploads.service.js';

/** Uploads and streaming procurement/product imports. */
@Module({
  controllers: [ImportsRpcController],
  providers: [
    { provide: FILE_STORAGE, useFactory: (env: ServiceEnv) => createFileStorage(env), inject: [SERVICE_ENV] },
    UploadsRepository,
    UploadsService,
    ImportRunner,
    ImportJobHandler,
  ],
})
export class ImportsModule {}
