import { Injectable } from '@nestjs/common';
import type {
  ListPurchaseOrdersQueryDto,
  ListSuppliersQueryDto,
  Page,
  PriceSummariesResult,
  ProductPriceHistoryDto,
  PurchaseOrderDto,
  SupplierDto,
} from '@torque/contracts';
import { DataSource } from 'typeorm';
import { CatalogError } from './catalog.errors.js';
import { PricesRepository } from './prices.repository.js';
import { ProductsRepository } from './products.repository.js';
import { PurchaseOrdersRepository } from './purchase-orders.repository.js';
import { SuppliersRepository } from './suppliers.repository.js';

/** Read side of what procurement imports bring: suppliers, purchase orders and price history. */
@Injectable()
export class ProcurementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsRepository,
    private readonly suppliers: SuppliersRepository,
    private readonly purchaseOrders: PurchaseOrdersRepository,
    private readonly prices: PricesRepository,
  ) {}

  async listSuppliers(tenantId: string, query: ListSuppliersQueryDto): Promise<Page<SupplierDto>> {
    const { page, limit } = query;
    const { rows, total } = await this.suppliers.list(
      this.dataSource.manager,
      tenantId,
      query.q,
      (page - 1) * limit,
      limit,
    );
    return { data: rows, meta: { page, limit, total } };
  }

  async listPurchaseOrders(tenantId: string, query: ListPurchaseOrdersQueryDto): Promise<Page<PurchaseOrderDto>> {
    const { page, limit } = query;
    const { rows, total } = await this.purchaseOrders.list(
      this.dataSource.manager,
      tenantId,
      { supplierId: query.supplier_id, q: query.q },
      (page - 1) * limit,
      limit,
    );
    return { data: rows, meta: { page, limit, total } };
  }

  /** Price range and suppliers of each product that has prices (the search index's documents). */
  async priceSummaries(tenantId: string, ids: readonly number[]): Promise<PriceSummariesResult> {
    const wanted = [...new Set(ids)];
    return { summaries: wanted.length ? await this.prices.summariesOf(this.dataSource.manager, tenantId, wanted) : [] };
  }

  async priceHistory(
    tenantId: string,
    productId: number,
    supplierId: number | undefined,
    perSupplier: number,
  ): Promise<ProductPriceHistoryDto> {
    const em = this.dataSource.manager;
    const product = await this.products.findById(em, tenantId, productId);
    if (!product) throw CatalogError.productNotFound(productId);
    const suppliers = await this.prices.historyOfProduct(em, tenantId, productId, supplierId, perSupplier);
    return { product_id: productId, part_number: product.part_number, suppliers };
  }
}
