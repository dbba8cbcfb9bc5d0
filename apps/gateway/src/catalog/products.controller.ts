import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  CatalogPatterns,
  CreateProductDto,
  ListProductsQueryDto,
  ProductDto,
  ProductPageDto,
  ProductPriceHistoryDto,
  ProductPricesQueryDto,
  UpdateProductDto,
  type RequestMeta,
} from '@torque/contracts';
import { Meta, Roles } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { IntIdPipe } from './int-id.pipe.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

const ID_PARAM = {
  name: 'id',
  schema: { type: 'integer', minimum: 1 },
  description: 'Product id',
  example: 1042,
} as const;

@ApiTags('catalog')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/catalog/products')
export class ProductsController {
  constructor(private readonly clients: ServiceClientsService) {}

  @Get()
  @ApiOperation({
    summary: 'List, search and filter the products of the catalog',
    description:
      '`q` matches part number, name and description (every word must occur, case-insensitive; most similar first unless `sort` is given). ' +
      '`brand` and `category` are exact; `updated_since` keeps products changed since then (for incremental sync).',
    operationId: 'listProducts',
  })
  @ApiOkResponse({ type: ProductPageDto })
  listProducts(@Meta() meta: RequestMeta, @Query() query: ListProductsQueryDto): Promise<ProductPageDto> {
    return this.clients.send('ingestion', CatalogPatterns.ProductsList, query, meta);
  }

  @Post()
  @Roles('admin', 'operator')
  @ApiOperation({
    summary: 'Create a product',
    description:
      'Announces `catalog.products.changed` (created). The part number must be new in the tenant (409 otherwise).',
    operationId: 'createProduct',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeat-safe submission: the same key and body replay the first answer',
  })
  @ApiCreatedResponse({ type: ProductDto })
  @ApiErrors(409, 422)
  createProduct(@Meta() meta: RequestMeta, @Body() body: CreateProductDto): Promise<ProductDto> {
    return this.clients.send('ingestion', CatalogPatterns.ProductsCreate, body, meta);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One product', operationId: 'getProduct' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(404)
  getProduct(@Meta() meta: RequestMeta, @Param('id', new IntIdPipe('id')) id: number): Promise<ProductDto> {
    return this.clients.send('ingestion', CatalogPatterns.ProductsGet, { id }, meta);
  }

  @Patch(':id')
  @Roles('admin', 'operator')
  @ApiOperation({
    summary: 'Change fields of a product',
    description:
      'Only the fields given change (`brand`/`category` may be set to null; `attributes` is replaced as a whole). ' +
      'Announces `catalog.products.changed` (updated) when something actually changed.',
    operationId: 'updateProduct',
  })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: ProductDto })
  @ApiErrors(404, 409)
  updateProduct(
    @Meta() meta: RequestMeta,
    @Param('id', new IntIdPipe('id')) id: number,
    @Body() body: UpdateProductDto,
  ): Promise<ProductDto> {
    return this.clients.send('ingestion', CatalogPatterns.ProductsUpdate, { id, changes: body }, meta);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'operator')
  @ApiOperation({
    summary: 'Delete a product',
    description:
      'A product on purchase order lines cannot be deleted (409): its price history is those lines. Announces `catalog.products.changed` (deleted).',
    operationId: 'deleteProduct',
  })
  @ApiParam(ID_PARAM)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(404, 409)
  async deleteProduct(@Meta() meta: RequestMeta, @Param('id', new IntIdPipe('id')) id: number): Promise<void> {
    await this.clients.send('ingestion', CatalogPatterns.ProductsDelete, { id }, meta);
  }

  @Get(':id/prices')
  @ApiOperation({
    summary: 'Price history of a product, per supplier',
    description:
      'The prices of the purchase order lines of the product (date: the order date), one entry per supplier (the one with the most recent price first), each with its newest prices first. A price rejected as an outlier (conflict resolved keep_existing) is left out.',
    operationId: 'listProductPrices',
  })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: ProductPriceHistoryDto })
  @ApiErrors(404)
  listProductPrices(
    @Meta() meta: RequestMeta,
    @Param('id', new IntIdPipe('id')) id: number,
    @Query() query: ProductPricesQueryDto,
  ): Promise<ProductPriceHistoryDto> {
    return this.clients.send('ingestion', CatalogPatterns.ProductsPrices, { ...query, id }, meta);
  }
}
