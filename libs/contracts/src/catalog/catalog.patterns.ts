import type { Page } from '../jobs/page.dto.js';
import type {
  DeleteProductResult,
  GetManyProductsCommand,
  GetManyProductsResult,
  PriceSummariesCommand,
  PriceSummariesResult,
  ProductPricesCommand,
  ProductRefCommand,
  ProductScanCommand,
  ProductScanResult,
  ProductVersionsResult,
  UpdateProductCommand,
} from './catalog.commands.js';
import type { ProductPriceHistoryDto } from './price.dto.js';
import type { CreateProductDto, ListProductsQueryDto, ProductDto } from './product.dto.js';
import type { ListPurchaseOrdersQueryDto, PurchaseOrderDto } from './purchase-order.dto.js';
import type { ListSuppliersQueryDto, SupplierDto } from './supplier.dto.js';

/**
 * Request-reply patterns of the product catalog (ingestion-service). Wire names: never change one
 * without a migration note.
 */
export const CatalogPatterns = {
  ProductsList: 'catalog.products.list',
  ProductsGet: 'catalog.products.get',
  /** Products by id for other services: found ones plus the ids that are missing; at most 1000 ids. */
  ProductsGetMany: 'catalog.products.get-many',
  /** The catalog in id order, a keyset page at a time (the search index's rebuild). */
  ProductsScan: 'catalog.products.scan',
  /** Ids and versions (updated_at) in id order, a keyset page at a time (the search index's drift audit). */
  ProductsVersions: 'catalog.products.versions',
  /** Price range and suppliers of products by id, from their price history (the search index). */
  ProductsPriceSummaries: 'catalog.products.price-summaries',
  ProductsCreate: 'catalog.products.create',
  ProductsUpdate: 'catalog.products.update',
  ProductsDelete: 'catalog.products.delete',
  ProductsPrices: 'catalog.products.prices',
  SuppliersList: 'catalog.suppliers.list',
  PurchaseOrdersList: 'catalog.purchase-orders.list',
} as const;

/** Payload and result of each catalog pattern. */
export interface CatalogMessageContracts {
  [CatalogPatterns.ProductsList]: { payload: ListProductsQueryDto; result: Page<ProductDto> };
  [CatalogPatterns.ProductsGet]: { payload: ProductRefCommand; result: ProductDto };
  [CatalogPatterns.ProductsGetMany]: { payload: GetManyProductsCommand; result: GetManyProductsResult };
  [CatalogPatterns.ProductsScan]: { payload: ProductScanCommand; result: ProductScanResult };
  [CatalogPatterns.ProductsVersions]: { payload: ProductScanCommand; result: ProductVersionsResult };
  [CatalogPatterns.ProductsPriceSummaries]: { payload: PriceSummariesCommand; result: PriceSummariesResult };
  [CatalogPatterns.ProductsCreate]: { payload: CreateProductDto; result: ProductDto };
  [CatalogPatterns.ProductsUpdate]: { payload: UpdateProductCommand; result: ProductDto };
  [CatalogPatterns.ProductsDelete]: { payload: ProductRefCommand; result: DeleteProductResult };
  [CatalogPatterns.ProductsPrices]: { payload: ProductPricesCommand; result: ProductPriceHistoryDto };
  [CatalogPatterns.SuppliersList]: { payload: ListSuppliersQueryDto; result: Page<SupplierDto> };
  [CatalogPatterns.PurchaseOrdersList]: { payload: ListPurchaseOrdersQueryDto; result: Page<PurchaseOrderDto> };
}
