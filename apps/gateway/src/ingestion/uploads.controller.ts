import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileStreamInterceptor, type MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  ConflictPageDto,
  IMPORT_KINDS,
  IMPORT_MODES,
  ListConflictsQueryDto,
  ListUploadsQueryDto,
  MessagePatterns,
  PREVIEW_DEADLINE_MS,
  PreviewDto,
  PreviewRequestDto,
  ProcessAcceptedDto,
  ProcessRequestDto,
  UploadDto,
  UploadFormDto,
  UploadPageDto,
  type RequestMeta,
} from '@torque/contracts';
import { FILE_STORAGE, StorageNotFoundError, type FileStorage } from '@torque/platform';
import { Meta, Roles } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ApiError } from '../http/http-error.js';
import { uuidParam } from '../http/job-id.pipe.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { FileLastInterceptor } from '../http/file-last.interceptor.js';
import { UploadIntakeService } from './upload-intake.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

const UPLOAD_FORM_SCHEMA = {
  type: 'object',
  required: ['kind', 'file'],
  properties: {
    kind: {
      type: 'string',
      enum: [...IMPORT_KINDS],
      description: 'procurement (PO lines) or products (product master)',
    },
    mapping: {
      type: 'string',
      description: 'JSON object import field -> column header',
      example: '{"po_number":"Bestellnummer"}',
    },
    supplier_code: {
      type: 'string',
      description: 'Supplier the file comes from: its saved mapping is used; rows without a supplier get it',
    },
    mode: { type: 'string', enum: [...IMPORT_MODES], default: 'insert' },
    force: { type: 'boolean', default: false, description: 'Upload even when the same file was uploaded before' },
    file: {
      type: 'string',
      format: 'binary',
      description: '.csv (UTF-8) or .xlsx; send it last, after the text fields',
    },
  },
};

@ApiTags('ingestion')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/ingestion/uploads')
export class UploadsController {
  constructor(
    private readonly intake: UploadIntakeService,
    private readonly clients: ServiceClientsService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin', 'operator')
  @UseInterceptors(FileLastInterceptor, FileStreamInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_FORM_SCHEMA })
  @ApiOperation({
    summary: 'Upload a CSV or Excel file for import',
    description:
      'The file streams into storage (never through the message broker) and is registered as an upload; nothing is imported yet ' +
      '(preview it, then process it). The file is the last part of the form: a text field or a second file after it is refused ' +
      '(400, `details` names each). Refused: files over UPLOAD_MAX_BYTES (413), other types or content that does not match the ' +
      'name, such as a ZIP named .xlsx that holds no workbook (415), empty files and files without a readable header row (400, ' +
      '`details.file` says why), and a file whose content (SHA-256) was uploaded to the tenant before (409, `details.uploadId` ' +
      'names it) unless `force=true`.',
    operationId: 'uploadFile',
  })
  @ApiCreatedResponse({ type: UploadDto })
  @ApiErrors(404, 409, 413, 415)
  upload(
    @Meta() meta: RequestMeta,
    @UploadedFile() file: MultipartFileStream | undefined,
    @Body() form: UploadFormDto,
  ): Promise<UploadDto> {
    return this.intake.receive(meta, file, form);
  }

  @Get()
  @ApiOperation({ summary: 'Uploads of the tenant, newest first', operationId: 'listUploads' })
  @ApiOkResponse({ type: UploadPageDto })
  list(@Meta() meta: RequestMeta, @Query() query: ListUploadsQueryDto): Promise<UploadPageDto> {
    return this.clients.send(
      'ingestion',
      MessagePatterns.UploadsList,
      { kind: query.kind, status: query.status, offset: (query.page - 1) * query.limit, limit: query.limit },
      meta,
    );
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One upload with the outcome of its last import (counts, quality, problems)',
    operationId: 'getUpload',
  })
  @ApiOkResponse({ type: UploadDto })
  @ApiErrors(404)
  get(@Meta() meta: RequestMeta, @Param('id', uuidParam('id')) id: string): Promise<UploadDto> {
    return this.clients.send('ingestion', MessagePatterns.UploadsGet, { uploadId: id }, meta);
  }

  @Post(':id/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Dry run: detected mapping, parsed rows, problems and what an import would create, without writing',
    description:
      'Runs the real import on the first IMPORT_PREVIEW_MAX_ROWS rows inside a transaction that is rolled back. `complete` tells ' +
      'whether that was the whole file (then the counts are exactly those of a real run). A mapping that misses required columns ' +
      'is answered with the detected mapping and a problem on row 1 per missing field. The gateway waits up to 60 s for the answer ' +
      '(504 after that), not RPC_TIMEOUT_MS. 409: an import is writing purchase orders of the file (the preview waited ' +
      'IMPORT_PREVIEW_LOCK_TIMEOUT_MS for them); preview again once it has finished.',
    operationId: 'previewUpload',
  })
  @ApiOkResponse({ type: PreviewDto })
  @ApiErrors(404, 409)
  preview(
    @Meta() meta: RequestMeta,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: PreviewRequestDto,
  ): Promise<PreviewDto> {
    return this.clients.send('ingestion', MessagePatterns.UploadsPreview, { ...body, uploadId: id }, meta, {
      timeoutMs: PREVIEW_DEADLINE_MS,
    });
  }

  @Post(':id/process')
  @HttpCode(202)
  @Roles('admin', 'operator')
  @ApiOperation({
    summary: 'Import the upload in the background',
    description:
      'Starts an import job (queue `import`); follow it at /api/v1/jobs/{id}, the event stream, or the Celery-compatible ' +
      '/data-ingestion/progress/{task_id}/. All or nothing: a failed or cancelled import leaves the catalog as it was. ' +
      'A job already queued or running for the upload is returned instead of a second one.',
    operationId: 'processUpload',
  })
  @ApiAcceptedResponse({ type: ProcessAcceptedDto })
  @ApiErrors(404)
  process(
    @Meta() meta: RequestMeta,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ProcessRequestDto,
  ): Promise<ProcessAcceptedDto> {
    return this.clients.send('ingestion', MessagePatterns.UploadsProcess, { ...body, uploadId: id }, meta);
  }

  @Get(':id/errors.csv')
  @ApiOperation({
    summary: 'The rejected rows of the last import, as CSV with an `error` column',
    description:
      "The file's own columns plus `error`; fix the rows and upload the file again (the `error` column is ignored then).",
    operationId: 'downloadRejectedRows',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV', schema: { type: 'string' } })
  @ApiErrors(404)
  async errors(@Meta() meta: RequestMeta, @Param('id', uuidParam('id')) id: string): Promise<StreamableFile> {
    const ref = await this.clients.send('ingestion', MessagePatterns.UploadsErrorsFile, { uploadId: id }, meta);
    try {
      const stream = await this.storage.open(ref.storageKey);
      return new StreamableFile(stream, {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="${ref.fileName.replace(/["\\\r\n]/g, '_')}"`,
      });
    } catch (err) {
      if (err instanceof StorageNotFoundError)
        throw new ApiError(404, 'not_found', 'The rejected rows report is no longer in storage');
      throw err;
    }
  }

  @Get(':id/conflicts')
  @ApiOperation({
    summary: 'Conflicts the import found: values that disagree with the catalog, for review',
    description:
      'A supplier code with another name, a product field that differs, a price far from its history. Resolve each with POST /api/v1/ingestion/conflicts/{id}/resolve.',
    operationId: 'listUploadConflicts',
  })
  @ApiOkResponse({ type: ConflictPageDto })
  @ApiErrors(404)
  conflicts(
    @Meta() meta: RequestMeta,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: ListConflictsQueryDto,
  ): Promise<ConflictPageDto> {
    return this.clients.send(
      'ingestion',
      MessagePatterns.ConflictsList,
      { uploadId: id, status: query.status, offset: (query.page - 1) * query.limit, limit: query.limit },
      meta,
    );
  }
}
