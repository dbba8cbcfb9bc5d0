import {
  CatalogPatterns,
  CreateProductDto,
  GetManyProductsCommand,
  ListProductsQueryDto,
  ListPurchaseOrdersQueryDto,
  ListSuppliersQueryDto,
  PriceSummariesCommand,
  ProductPricesCommand,
  ProductRefCommand,
  ProductScanCommand,
  UpdateProductCommand,
  type RequestMeta,
  type ResultOf,
} from '@torque/contracts';
import { RpcController, RpcData, RpcHandler, RpcMeta, type RpcAccess } from '@torque/platform';
import { ProcurementService } from './procurement.service.js';
import { ProductsService } from './products.service.js';

/** Roles that may edit the catalog by hand; the gateway checks them too, a service trusts no caller. */
const WRITER_ROLES = ['admin', 'operator'];
const EDITING: RpcAccess = { roles: WRITER_ROLES, action: 'Editing the catalog' };

/** The catalog over RabbitMQ: the gateway's HTTP routes and other services' reads (get-many). */
@RpcController()
export class CatalogRpcController {
  constructor(
    private readonly products: ProductsService,
    private readonly procurement: ProcurementService,
  ) {}

  @RpcHandler(CatalogPatterns.ProductsList)
  async listProducts(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ListProductsQueryDto,
  ): Promise<ResultOf<typeof CatalogPatterns.ProductsList>> {
    return this.products.list(meta.tenantId, data);
  }

  @RpcHandler(CatalogPatterns.ProductsGet)
  async getProduct(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ProductRefCommand,
  ): Promise<ResultOf<typeof CatalogPatterns.ProductsGet>> {
    return this.products.get(meta.tenantId, data.id);
  }

  @RpcHandler(CatalogPatterns.ProductsGetMany)
  async getManyProducts(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: GetManyProductsCommand,
  ): Promise<ResultOf<typeof CatalogPatterns.ProductsGetMany>> {
    return this.products.getMany(meta.tenantId, data.ids);
  }

  @RpcHandler(CatalogPatterns.ProductsScan)
  async scanProducts(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ProductScanCommand,
  ): Promise<ResultOf<typeof CatalogPatterns.ProductsScan>> {
    return this.products.scan(meta.tenantId, data.after_id, data.limit);
  }

  @RpcHandler(CatalogPatterns.ProductsVersions)
  async productVersions(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ProductScanCommand,
  ): Promise<ResultOf<typeof CatalogPatterns.ProductsVersions>> {
    return this.products.versions(meta.tenantId, data.after_id, data.limit);
  }

  @RpcHandler(CatalogPatterns.ProductsPriceSummaries)
  async priceSummaries(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: PriceSummariesCommand,
  ): Promise<ResultOf<typeof CatalogPatterns.ProductsPriceSummaries>> {
    return this.procurement.priceSummaries(meta.tenantId, data.ids);
  }

  @RpcHandler(CatalogPatterns.ProductsCreate, EDITING)
  async createProduct(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: CreateProductDto,
  ): Promise<ResultOf<typeof CatalogPatterns.ProductsCreate>> {
    return this.products.create(meta, data);
  }

  @RpcHandler(CatalogPatterns.ProductsUpdate, EDITING)
  async updateProduct(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: UpdateProductCommand,
  ): Promise<ResultOf<typeof CatalogPatterns.ProductsUpdate>> {
    return this.products.update(meta, data.id, data.changes);
  }

  @RpcHandler(CatalogPatterns.ProductsDelete, EDITING)
  async deleteProduct(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ProductRefCommand,
  ): Promise<ResultOf<typeof CatalogPatterns.ProductsDelete>> {
    await this.products.delete(meta, data.id);
    return { id: data.id, deleted: true as const };
  }

  @RpcHandler(CatalogPatterns.ProductsPrices)
  async productPrices(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ProductPricesCommand,
  ): Promise<ResultOf<typeof CatalogPatterns.ProductsPrices>> {
    return this.procurement.priceHistory(meta.tenantId, data.id, data.supplier_id, data.per_supplier);
  }

  @RpcHandler(CatalogPatterns.SuppliersList)
  async listSuppliers(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ListSuppliersQueryDto,
  ): Promise<ResultOf<typeof CatalogPatterns.SuppliersList>> {
    return this.procurement.listSuppliers(meta.tenantId, data);
  }

  @RpcHandler(CatalogPatterns.PurchaseOrdersList)
  async listPurchaseOrders(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ListPurchaseOrdersQueryDto,
  ): Promise<ResultOf<typeof CatalogPatterns.PurchaseOrdersList>> {
    return this.procurement.listPurchaseOrders(meta.tenantId, data);
  }
}
