import { Controller, Get, HttpCode, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileStreamInterceptor, type MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  FitmentPatterns,
  ListVehicleMakesQueryDto,
  ListVehicleModelsQueryDto,
  SearchVehiclesQueryDto,
  VehicleImportFormDto,
  VehicleImportResultDto,
  VehicleMakeListDto,
  VehicleModelListDto,
  VehiclePageDto,
  type RequestMeta,
} from '@torque/contracts';
import { Meta, Roles } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { FileLastInterceptor } from '../http/file-last.interceptor.js';
import { ApiError } from '../http/http-error.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { PartsFileIntakeService, VEHICLE_FILE_INTAKE } from './parts-file-intake.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

/** An import reads, writes and re-indexes the catalog: more than the usual RPC deadline. */
const IMPORT_TIMEOUT_MS = 120_000;

/** The VCdb-style vehicle catalog fitments point at: makes, models and configurations. */
@ApiTags('fitment')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/fitment/vehicles')
export class VehiclesController {
  constructor(
    private readonly clients: ServiceClientsService,
    private readonly intake: PartsFileIntakeService,
  ) {}

  @Get('makes')
  @ApiOperation({
    summary: 'Makes of the vehicle catalog with their number of models',
    operationId: 'listVehicleMakes',
  })
  @ApiOkResponse({ type: VehicleMakeListDto })
  makes(@Meta() meta: RequestMeta, @Query() query: ListVehicleMakesQueryDto): Promise<VehicleMakeListDto> {
    return this.clients.send('fitment', FitmentPatterns.VehicleMakes, query, meta);
  }

  @Get('models')
  @ApiOperation({
    summary: 'Models (of a make, by id or by name or alias such as Chevy) with their first and last year',
    operationId: 'listVehicleModels',
  })
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

  @Post('import')
  @HttpCode(200)
  @Roles('admin')
  @UseInterceptors(FileLastInterceptor, FileStreamInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: VehicleImportFormDto })
  @ApiOperation({
    summary: 'Import a VCdb-style vehicle CSV into the catalog (admin)',
    description:
      'Multipart form with `file`: a CSV with the header `year,make,model,submodel,engine`. Adds, in one transaction, the makes, ' +
      "models, base vehicles, submodels, engines and vehicles that are not in the catalog yet, with the catalog's id scheme " +
      '(new make: next free id; new model: make id * 100 + next free n); makes and models are matched by name or alias, ' +
      'submodels and engines by name (case-insensitive); what exists is left untouched, so importing a file again creates nothing. ' +
      'Bad rows (year not a 4-digit year between 1900 and 2100, make or model missing, engine not like "2.0L I4") are listed in ' +
      '`errors` with their line and column and the other rows are imported; when no row can be imported the answer is 400. ' +
      'The fitment engine sees the new vehicles from the next job on.',
    operationId: 'importVehicles',
  })
  @ApiOkResponse({ type: VehicleImportResultDto })
  @ApiErrors(413, 415)
  async import(
    @Meta() meta: RequestMeta,
    @UploadedFile() file: MultipartFileStream | undefined,
  ): Promise<VehicleImportResultDto> {
    if (!file) {
      throw new ApiError(400, 'validation_failed', 'A vehicle import is a multipart form with the CSV in `file`', {
        file: ['file is required'],
      });
    }
    const stored = await this.intake.store(meta.tenantId, file, VEHICLE_FILE_INTAKE);
    try {
      return await this.clients.send('fitment', FitmentPatterns.VehiclesImport, { file: stored }, meta, {
        timeoutMs: IMPORT_TIMEOUT_MS,
      });
    } finally {
      await this.intake.remove(stored.storage_key);
    }
  }
}
