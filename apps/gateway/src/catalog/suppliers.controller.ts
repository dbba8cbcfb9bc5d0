import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogPatterns, ListSuppliersQueryDto, SupplierPageDto, type RequestMeta } from '@torque/contracts';
import { Meta } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ServiceClientsService } from '../services/service-clients.service.js';

@ApiTags('catalog')
@ApiBearerAuth()
@ApiHeader({
  name: 'X-Tenant-ID',
  required: true,
  description: "Tenant the request acts for; must be one of the token's tenants",
})
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/catalog/suppliers')
export class SuppliersController {
  constructor(private readonly clients: ServiceClientsService) {}

  @Get()
  @ApiOperation({ summary: 'Suppliers (from procurement imports), by code', operationId: 'listSuppliers' })
  @ApiOkResponse({ type: SupplierPageDto })
  listSuppliers(@Meta() meta: RequestMeta, @Query() query: ListSuppliersQueryDto): Promise<SupplierPageDto> {
    return this.clients.send('ingestion', CatalogPatterns.SuppliersList, query, meta);
  }
}
