import { Module } from '@nestjs/common';
import { CatalogClientService } from './catalog-client.service.js';

/** The product catalog of the ingestion service, read over RabbitMQ (never its tables). */
@Module({ providers: [CatalogClientService], exports: [CatalogClientService] })
export class CatalogClientModule {}
