import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { ChangeBatchesRepository } from './change-batches.repository.js';
import { ChangeBatchesService } from './change-batches.service.js';
import { ChangeEventsConsumer } from './change-events.consumer.js';
import { UpdateJobHandler } from './update.job-handler.js';

/** Freshness: change events in (through the inbox), coalesced into light batch jobs that update documents. */
@Module({
  imports: [DocumentsModule],
  providers: [
    { provide: ChangeBatchesRepository, useValue: new ChangeBatchesRepository() },
    ChangeBatchesService,
    ChangeEventsConsumer,
    UpdateJobHandler,
  ],
  exports: [ChangeBatchesService],
})
export class FreshnessModule {}
