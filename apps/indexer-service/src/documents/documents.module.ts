import { Module } from '@nestjs/common';
import { CatalogSourceService } from './catalog-source.service.js';
import { DocumentWriterService } from './document-writer.service.js';
import { DocumentsRepository } from './documents.repository.js';

/** The search documents of record and what they are built from (the catalog and fitments over RPC). */
@Module({
  providers: [
    { provide: DocumentsRepository, useValue: new DocumentsRepository() },
    CatalogSourceService,
    DocumentWriterService,
  ],
  exports: [DocumentsRepository, CatalogSourceService, DocumentWriterService],
})
export class DocumentsModule {}
