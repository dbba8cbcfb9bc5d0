import { Module } from '@nestjs/common';

/** HTTP routes of the product catalog (/api/v1/catalog/...). */
@Module({})
export class CatalogGatewayModule {}
