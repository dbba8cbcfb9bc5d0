import { Body, Controller, Get, Inject, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateFitmentExportDto,
  FitmentExportDto,
  FitmentExportPageDto,
  FitmentPatterns,
  PageQueryDto,
  type RequestMeta,
} from '@torque/contracts';
import { FILE_STORAGE, StorageNotFoundError, type FileStorage } from '@torque/platform';
import type { FastifyReply } from 'fastify';
import { Meta, Roles } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ApiError } from '../http/http-error.js';
import { uuidParam } from '../http/job-id.pipe.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

const ID = { name: 'id', format: 'uuid', description: 'Export id' } as const;

/** ACES XML and CSV exports of the tenant's approved fitments. */
@ApiTags('fitment')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/fitment/exports')
export class FitmentExportsController {
  constructor(
    private readonly clients: ServiceClientsService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  @Post()
  @Roles('admin', 'operator', 'reviewer')
  @ApiOperation({
    summary: 'Export the approved fitments as ACES XML or CSV, in full or as net change',
    description:
      'FULL: one App (action A) per approved fitment (the same part, vehicle and position once). NET_CHANGE: against ' +
      '`since_export_id` (default: the latest completed export of the format), D for applications gone or changed and A for new or ' +
      'changed ones. Each export keeps the set it described for later net changes. Small exports are completed in the request (201); ' +
      'large ones run as a job (202, `job_id`): poll the export until it is completed, then download `download_url`.',
    operationId: 'createFitmentExport',
  })
  @ApiCreatedResponse({ type: FitmentExportDto, description: 'Built in the request: completed' })
  @ApiAcceptedResponse({ type: FitmentExportDto, description: 'Running as a job' })
  @ApiErrors(404, 409)
  async create(
    @Meta() meta: RequestMeta,
    @Body() body: CreateFitmentExportDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FitmentExportDto> {
    const created = await this.clients.send('fitment', FitmentPatterns.ExportsCreate, body, meta);
    void reply.status(created.status === 'completed' ? 201 : 202);
    return created;
  }

  @Get()
  @ApiOperation({ summary: "The tenant's exports, newest first", operationId: 'listFitmentExports' })
  @ApiOkResponse({ type: FitmentExportPageDto })
  list(@Meta() meta: RequestMeta, @Query() query: PageQueryDto): Promise<FitmentExportPageDto> {
    return this.clients.send(
      'fitment',
      FitmentPatterns.ExportsList,
      { offset: (query.page - 1) * query.limit, limit: query.limit },
      meta,
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One export', operationId: 'getFitmentExport' })
  @ApiParam(ID)
  @ApiOkResponse({ type: FitmentExportDto })
  @ApiErrors(404)
  get(@Meta() meta: RequestMeta, @Param('id', uuidParam('id')) id: string): Promise<FitmentExportDto> {
    return this.clients.send('fitment', FitmentPatterns.ExportsGet, { export_id: id }, meta);
  }

  @Get(':id/file')
  @ApiOperation({ summary: 'Download the export file (XML or CSV)', operationId: 'downloadFitmentExport' })
  @ApiParam(ID)
  @ApiProduces('application/xml', 'text/csv')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string' } })
  @ApiErrors(404, 409)
  async file(@Meta() meta: RequestMeta, @Param('id', uuidParam('id')) id: string): Promise<StreamableFile> {
    const ref = await this.clients.send('fitment', FitmentPatterns.ExportsFile, { export_id: id }, meta);
    try {
      const stream = await this.storage.open(ref.storage_key);
      return new StreamableFile(stream, {
        type: `${ref.content_type}; charset=utf-8`,
        disposition: `attachment; filename="${ref.file_name.replace(/["\\\r\n]/g, '_')}"`,
      });
    } catch (err) {
      if (err instanceof StorageNotFoundError)
        throw new ApiError(404, 'not_found', 'The export file is no longer in storage');
      throw err;
    }
  }
}
