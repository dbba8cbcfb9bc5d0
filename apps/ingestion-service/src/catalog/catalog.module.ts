import { Module } from '@nestjs/common';
import { CatalogRpcController } from './catalog.rpc-controller.js';
import { PricesRepository } from './prices.repository.js';
import { ProcurementService } from './procurement.service.js';
import { ProductChangesPublisher } from './product-changes.publisher.js';
import { ProductsRepository } from './products.repository.js';
import { ProductsService } from './products.service.js';
import { PurchaseOrdersRepository } from './purchase-orders.repository.js';
import { SuppliersRepository } from './suppliers.repository.js';

/**
 * The product catalog: products, suppliers, purchase orders and price history. Exports what imports
 * need to write the catalog: the products' SQL and the change announcements.
 */
@Module({
  controllers: [CatalogRpcController],
  providers: [
    { provide: ProductsRepository, useValue: new ProductsRepository() },
    { provide: SuppliersRepository, useValue: new SuppliersRepository() },
    { provide: PurchaseOrdersRepository, useValue: new PurchaseOrdersRepository() },
    { provide: PricesRepository, useValue: new PricesRepository() },
    ProductChangesPublisher,
    ProductsService,
    ProcurementService,
  ],
  exports: [ProductChangesPublisher, ProductsRepository, ProductsService],
})
export class CatalogModule {}
