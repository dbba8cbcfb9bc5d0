import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ListMappingsQueryDto,
  MappingDto,
  MappingListDto,
  MessagePatterns,
  SaveMappingDto,
  type RequestMeta,
} from '@torque/contracts';
import { Meta, Roles } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

@ApiTags('ingestion')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/ingestion/mappings')
export class MappingsController {
  constructor(private readonly clients: ServiceClientsService) {}

  @Post()
  @HttpCode(200)
  @Roles('admin', 'operator')
  @ApiOperation({
    summary: "Save a column mapping for a supplier (or as the tenant's default for a kind)",
    description:
      'Used for every later upload of the supplier (`supplier_code` on the upload), over the detected mapping; replaces the one saved before.',
    operationId: 'saveMapping',
  })
  @ApiOkResponse({ type: MappingDto })
  save(@Meta() meta: RequestMeta, @Body() body: SaveMappingDto): Promise<MappingDto> {
    return this.clients.send('ingestion', MessagePatterns.MappingsSave, body, meta);
  }

  @Get()
  @ApiOperation({ summary: 'Saved column mappings', operationId: 'listMappings' })
  @ApiOkResponse({ type: MappingListDto })
  list(@Meta() meta: RequestMeta, @Query() query: ListMappingsQueryDto): Promise<MappingListDto> {
    return this.clients.send(
      'ingestion',
      MessagePatterns.MappingsList,
      { kind: query.kind, supplierCode: query.supplierCode },
      meta,
    );
  }
}
