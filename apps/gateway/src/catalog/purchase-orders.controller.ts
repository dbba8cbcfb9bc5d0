import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogPatterns, ListPurchaseOrdersQueryDto, PurchaseOrderPageDto, type RequestMeta } from '@torque/contracts';
import { Meta } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

@ApiTags('catalog')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/catalog/purchase-orders')
export class PurchaseOrdersController {
  constructor(private readonly clients: ServiceClientsService) {}

  @Get()
  @ApiOperation({
    summary: 'Purchase orders (from procurement imports), newest order date first',
    description:
      'Each with its supplier, number of lines and total (quantity x unit price; null when its lines mix currencies).',
    operationId: 'listPurchaseOrders',
  })
  @ApiOkResponse({ type: PurchaseOrderPageDto })
  listPurchaseOrders(
    @Meta() meta: RequestMeta,
    @Query() query: ListPurchaseOrdersQueryDto,
  ): Promise<PurchaseOrderPageDto> {
    return this.clients.send('ingestion', CatalogPatterns.PurchaseOrdersList, query, meta);
  }
}
