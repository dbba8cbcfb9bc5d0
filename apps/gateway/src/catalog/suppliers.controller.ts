import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogPatterns, ListSuppliersQueryDto, SupplierPageDto, type RequestMeta } from '@torque/contracts';
import { Meta } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

@ApiTags('catalog')
@ApiTenantAuth()
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
