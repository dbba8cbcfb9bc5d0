import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  FitmentPatterns,
  ListVehicleMakesQueryDto,
  ListVehicleModelsQueryDto,
  SearchVehiclesQueryDto,
  VehicleMakeListDto,
  VehicleModelListDto,
  VehiclePageDto,
  type RequestMeta,
} from '@torque/contracts';
import { Meta } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ServiceClientsService } from '../services/service-clients.service.js';

/** The VCdb-style vehicle catalog fitments point at: makes, models and configurations. */
@ApiTags('fitment')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Tenant-ID', required: true, description: 'Tenant the request acts for; must be one of the token\'s tenants' })
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/fitment/vehicles')
export class VehiclesController {
  constructor(private readonly clients: ServiceClientsService) {}

  @Get('makes')
  @ApiOperation({ summary: 'Makes of the vehicle catalog with their number of models', operationId: 'listVehicleMakes' })
  @ApiOkResponse({ type: VehicleMakeListDto })
  makes(@Meta() meta: RequestMeta, @Query() query: ListVehicleMakesQueryDto): Promise<VehicleMakeListDto> {
    return this.clients.send('fitment', FitmentPatterns.VehicleMakes, query, meta);
  }

  @Get('models')
  @ApiOperation({ summary: 'Models (of a make, by id or by name or alias such as Chevy) with their first and last year', operationId: 'listVehicleModels' })
  @ApiOkResponse({ type: VehicleModelListDto })
  models(@Meta() meta: RequestMeta, @Query() query: ListVehicleModelsQueryDto): Promise<VehicleModelListDto> {
    return this.clients.send('fitment', FitmentPatterns.VehicleModels, query, meta);
  }

  @Get()
  @ApiOperation({
    summary: 'Search vehicle configurations (year, make, model, submodel, engine)',
    description: 'make and model also match aliases and common misspellings (Chevy, F150); `q` words must all occur.',
    operationId: 'searchVehicles',
  })
  @ApiOkResponse({ type: VehiclePageDto })
  search(@Meta() meta: RequestMeta, @Query() query: SearchVehiclesQueryDto): Promise<VehiclePageDto> {
    return this.clients.send('fitment', FitmentPatterns.VehiclesSearch, query, meta);
  }
}
