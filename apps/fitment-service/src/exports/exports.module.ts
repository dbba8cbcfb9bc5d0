import { Module } from '@nestjs/common';
import { ExportJobHandler } from './export.job-handler.js';
import { ExportsRepository } from './exports.repository.js';
import { ExportsRpcController } from './exports.rpc-controller.js';
import { ExportsService } from './exports.service.js';

/** ACES XML and CSV exports of the approved fitments; large ones run on the `export` queue. */
@Module({
  controllers: [ExportsRpcController],
  providers: [{ provide: ExportsRepository, useValue: new ExportsRepository() }, ExportsService, ExportJobHandler],
})
export class ExportsModule {}
