import { Module } from '@nestjs/common';

/** The product catalog: products, suppliers, purchase orders and price history. */
@Module({})
export class CatalogModule {}
