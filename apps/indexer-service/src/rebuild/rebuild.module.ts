import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { AuditJobHandler } from './audit.job-handler.js';
import { IndexAdminRpcController } from './index-admin.rpc-controller.js';
import { IndexAdminService } from './index-admin.service.js';
import { RebuildJobHandler } from './rebuild.job-handler.js';

/** Whole-index work on the heavy queue: rebuilds into a new generation, drift audits, the nightly refresh. */
@Module({
  imports: [DocumentsModule],
  controllers: [IndexAdminRpcController],
  providers: [IndexAdminService, RebuildJobHandler, AuditJobHandler],
})
export class RebuildModule {}
