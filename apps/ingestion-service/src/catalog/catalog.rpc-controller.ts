import { Controller, UseFilters, UseInterceptors } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CatalogPatterns,
  CreateProductDto,
  GetManyProductsCommand,
  ListProductsQueryDto,
  ListPurchaseOrdersQueryDto,
  ListSuppliersQueryDto,
  ProductPricesCommand,
  ProductRefCommand,
  UpdateProductCommand,
  type RequestMeta,
  type ResultOf,
} from '@torque/contracts';
import { parseRpc, RmqAckInterceptor, rpcError, RpcErrorFilter, runWithContext } from '@torque/platform';
import { ProcurementService } from './procurement.service.js';
import { ProductsService } from './products.service.js';

/** Roles that may edit the catalog by hand; the gateway checks them too, a service trusts no caller. */
const WRITER_ROLES = ['admin', 'operator'];

function requireWriter(meta: RequestMeta): void {
  if (!meta.roles.some((r) => WRITER_ROLES.includes(r))) {
    throw rpcError(403, 'forbidden', `Editing the catalog needs one of the roles: ${WRITER_ROLES.join(', ')}`);
  }
}

/** The catalog over RabbitMQ: the gateway's HTTP routes and other services' reads (get-many). */
@UseInterceptors(RmqAckInterceptor)
@UseFilters(RpcErrorFilter)
@Controller()
export class CatalogRpcController {
  constructor(
    private readonly products: ProductsService,
    private readonly procurement: ProcurementService,
  ) {}

  @MessagePattern(CatalogPatterns.ProductsList)
  async listProducts(@Payload() raw: unknown): Promise<ResultOf<typeof CatalogPatterns.ProductsList>> {
    const { meta, data } = parseRpc(ListProductsQueryDto, raw);
    return runWithContext(meta, () => this.products.list(meta.tenantId, data));
  }

  @MessagePattern(CatalogPatterns.ProductsGet)
  async getProduct(@Payload() raw: unknown): Promise<ResultOf<typeof CatalogPatterns.ProductsGet>> {
    const { meta, data } = parseRpc(ProductRefCommand, raw);
    return runWithContext(meta, () => this.products.get(meta.tenantId, data.id));
  }

  @MessagePattern(CatalogPatterns.ProductsGetMany)
  async getManyProducts(@Payload() raw: unknown): Promise<ResultOf<typeof CatalogPatterns.ProductsGetMany>> {
    const { meta, data } = parseRpc(GetManyProductsCommand, raw);
    return runWithContext(meta, () => this.products.getMany(meta.tenantId, data.ids));
  }

  @MessagePattern(CatalogPatterns.ProductsCreate)
  async createProduct(@Payload() raw: unknown): Promise<ResultOf<typeof CatalogPatterns.ProductsCreate>> {
    const { meta, data } = parseRpc(CreateProductDto, raw);
    requireWriter(meta);
    return runWithContext(meta, () => this.products.create(meta, data));
  }

  @MessagePattern(CatalogPatterns.ProductsUpdate)
  async updateProduct(@Payload() raw: unknown): Promise<ResultOf<typeof CatalogPatterns.ProductsUpdate>> {
    const { meta, data } = parseRpc(UpdateProductCommand, raw);
    requireWriter(meta);
    return runWithContext(meta, () => this.products.update(meta, data.id, data.changes));
  }

  @MessagePattern(CatalogPatterns.ProductsDelete)
  async deleteProduct(@Payload() raw: unknown): Promise<ResultOf<typeof CatalogPatterns.ProductsDelete>> {
    const { meta, data } = parseRpc(ProductRefCommand, raw);
    requireWriter(meta);
    return runWithContext(meta, async () => {
      await this.products.delete(meta, data.id);
      return { id: data.id, deleted: true as const };
    });
  }

  @MessagePattern(CatalogPatterns.ProductsPrices)
  async productPrices(@Payload() raw: unknown): Promise<ResultOf<typeof CatalogPatterns.ProductsPrices>> {
    const { meta, data } = parseRpc(ProductPricesCommand, raw);
    return runWithContext(meta, () =>
      this.procurement.priceHistory(meta.tenantId, data.id, data.supplier_id, data.per_supplier),
    );
  }

  @MessagePattern(CatalogPatterns.SuppliersList)
  async listSuppliers(@Payload() raw: unknown): Promise<ResultOf<typeof CatalogPatterns.SuppliersList>> {
    const { meta, data } = parseRpc(ListSuppliersQueryDto, raw);
    return runWithContext(meta, () => this.procurement.listSuppliers(meta.tenantId, data));
  }

  @MessagePattern(CatalogPatterns.PurchaseOrdersList)
  async listPurchaseOrders(@Payload() raw: unknown): Promise<ResultOf<typeof CatalogPatterns.PurchaseOrdersList>> {
    const { meta, data } = parseRpc(ListPurchaseOrdersQueryDto, raw);
    return runWithContext(meta, () => this.procurement.listPurchaseOrders(meta.tenantId, data));
  }
}
