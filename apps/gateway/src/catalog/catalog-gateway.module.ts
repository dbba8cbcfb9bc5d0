import { Module } from '@nestjs/common';
import { ProductsController } from './products.controller.js';
import { PurchaseOrdersController } from './purchase-orders.controller.js';
import { SuppliersController } from './suppliers.controller.js';

/** HTTP routes of the product catalog (/api/v1/catalog/...). */
@Module({
  controllers: [ProductsController, SuppliersController, PurchaseOrdersController],
})
export class CatalogGatewayModule {}
