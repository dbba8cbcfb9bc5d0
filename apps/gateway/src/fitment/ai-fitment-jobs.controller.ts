import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileStreamInterceptor, type MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  AiFitmentJobCreatedDto,
  AiFitmentJobDto,
  AiFitmentJobListDto,
  AiFitmentJobProgressDto,
  AiFitmentUploadFormDto,
  CreateAiFitmentJobDto,
  FitmentIdsDto,
  FitmentPatterns,
  JobFitmentsDto,
  JobFitmentsQueryDto,
  JobReviewResultDto,
  ListAiFitmentJobsQueryDto,
  MessagePatterns,
  type CreateFitmentJobCommand,
  type RequestMeta,
  type ReviewAction,
} from '@torque/contracts';
import { validationDetails } from '@torque/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Meta, Roles } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { FileLastInterceptor } from '../http/file-last.interceptor.js';
import { ApiError } from '../http/http-error.js';
import { uuidParam } from '../http/job-id.pipe.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { PartsFileIntakeService } from './parts-file-intake.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

const JOB_ID = { name: 'job_id', format: 'uuid', description: 'The AI fitment job' } as const;

function validated<T extends object>(cls: new () => T, body: unknown): T {
  const value = plainToInstance(cls, body ?? {});
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length)
    throw new ApiError(400, 'validation_failed', 'The request is not valid', validationDetails(errors));
  return value;
}

/**
 * The AI fitment jobs API of legacy spec 000, paths and payloads as the legacy API's curl examples and React
 * components use them. The legacy API writes the paths with a trailing slash: the gateway's router
 * ignores it (Fastify `ignoreTrailingSlash`), so each route answers with and without it.
 */
@ApiTags('ai-fitment-jobs')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@ApiExtraModels(CreateAiFitmentJobDto)
@Controller('api/data-uploads/ai-fitment-jobs')
export class AiFitmentJobsController {
  constructor(
    private readonly clients: ServiceClientsService,
    private readonly intake: PartsFileIntakeService,
  ) {}

  @Post()
  @Roles('admin', 'operator', 'reviewer')
  @UseInterceptors(FileLastInterceptor, FileStreamInterceptor('product_file'))
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    description:
      'JSON `{"product_ids": [26, 31, 28], "job_type": "selection"}`, or a multipart form with `job_type=upload` and ' +
      '`product_file` (.csv or .xlsx with a header row: a part number column such as part_number/part_id/sku, or ' +
      "product_id; description, name, category and any other columns are read as the part's text and attributes).",
    schema: {
      oneOf: [
        { $ref: getSchemaPath(CreateAiFitmentJobDto) },
        {
          type: 'object',
          required: ['product_file'],
          properties: {
            job_type: { type: 'string', enum: ['upload'] },
            product_file: {
              type: 'string',
              format: 'binary',
              description: '.csv (UTF-8) or .xlsx; send job_type before it',
            },
          },
        },
      ],
    },
  })
  @ApiOperation({
    summary: 'Create an AI fitment job for catalog products or a parts file',
    description:
      'Queues the job (201). While a job for the same products (or the same file) is queued or running, that job is answered ' +
      'instead (200) and no second one starts. Follow it at .../{job_id}/progress/, /api/v1/jobs/{job_id} or the event stream.',
    operationId: 'createAiFitmentJob',
  })
  @ApiCreatedResponse({ type: AiFitmentJobCreatedDto })
  @ApiOkResponse({
    type: AiFitmentJobCreatedDto,
    description: 'A job for the same selection is already queued or running: that job',
  })
  @ApiErrors(413, 415)
  async create(
    @Meta() meta: RequestMeta,
    @UploadedFile() file: MultipartFileStream | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AiFitmentJobCreatedDto> {
    let command: CreateFitmentJobCommand;
    if (file) {
      validated(AiFitmentUploadFormDto, body);
      const stored = await this.intake.store(meta.tenantId, file);
      command = { job_type: 'upload', file: stored };
      try {
        const { created, ...answer } = await this.clients.send('fitment', FitmentPatterns.AiJobsCreate, command, meta);
        if (!created) await this.intake.remove(stored.storage_key);
        void reply.status(created ? 201 : 200);
        return answer;
      } catch (err) {
        await this.intake.remove(stored.storage_key);
        throw err;
      }
    }
    const raw = (body ?? {}) as Record<string, unknown>;
    if (raw.job_type === 'upload') {
      throw new ApiError(400, 'validation_failed', 'An upload job is a multipart form with product_file', {
        product_file: ['product_file is required for job_type upload (send multipart/form-data)'],
      });
    }
    const dto = validated(CreateAiFitmentJobDto, raw);
    command = { job_type: 'selection', product_ids: dto.product_ids };
    const { created, ...answer } = await this.clients.send('fitment', FitmentPatterns.AiJobsCreate, command, meta);
    void reply.status(created ? 201 : 200);
    return answer;
  }

  @Get()
  @ApiOperation({
    summary: "The tenant's AI fitment jobs, newest first, with their counts",
    operationId: 'listAiFitmentJobs',
  })
  @ApiOkResponse({ type: AiFitmentJobListDto })
  list(@Meta() meta: RequestMeta, @Query() query: ListAiFitmentJobsQueryDto): Promise<AiFitmentJobListDto> {
    return this.clients.send('fitment', FitmentPatterns.AiJobsList, query, meta);
  }

  @Get(':job_id')
  @ApiOperation({ summary: 'One AI fitment job with its counts', operationId: 'getAiFitmentJob' })
  @ApiParam(JOB_ID)
  @ApiOkResponse({ type: AiFitmentJobDto })
  @ApiErrors(404)
  get(@Meta() meta: RequestMeta, @Param('job_id', uuidParam('job_id')) jobId: string): Promise<AiFitmentJobDto> {
    return this.clients.send('fitment', FitmentPatterns.AiJobsGet, { job_id: jobId }, meta);
  }

  @Get(':job_id/progress')
  @ApiOperation({
    summary: "Progress of a job in the legacy API's shape {job, task_status: {state, info: {current, total, status}}}",
    description:
      'current and total count products. States: PENDING (queued), PROGRESS (processing), SUCCESS (review_required or completed), FAILURE (failed), REVOKED (cancelled).',
    operationId: 'getAiFitmentJobProgress',
  })
  @ApiParam(JOB_ID)
  @ApiOkResponse({ type: AiFitmentJobProgressDto })
  @ApiErrors(404)
  progress(
    @Meta() meta: RequestMeta,
    @Param('job_id', uuidParam('job_id')) jobId: string,
  ): Promise<AiFitmentJobProgressDto> {
    return this.clients.send('fitment', FitmentPatterns.AiJobsProgress, { job_id: jobId }, meta);
  }

  @Get(':job_id/fitments')
  @ApiOperation({
    summary: 'The fitments of a job with its counts and validation findings',
    description:
      'Filters (status, confidence range, make, model, year) and sort (`confidence`: lowest first) are optional; without them the ' +
      "first 1000 fitments in part order. The counts are the job's, whatever the filter; `filtered_count` is the filter's.",
    operationId: 'getAiFitmentJobFitments',
  })
  @ApiParam(JOB_ID)
  @ApiOkResponse({ type: JobFitmentsDto })
  @ApiErrors(404)
  fitments(
    @Meta() meta: RequestMeta,
    @Param('job_id', uuidParam('job_id')) jobId: string,
    @Query() query: JobFitmentsQueryDto,
  ): Promise<JobFitmentsDto> {
    return this.clients.send('fitment', FitmentPatterns.AiJobsFitments, { ...query, job_id: jobId }, meta);
  }

  @Post(':job_id/bulk-approve')
  @HttpCode(200)
  @Roles('admin', 'reviewer')
  @ApiOperation({
    summary: 'Approve fitments of the job',
    description:
      'Ids that are not fitments of this job are listed in `not_found_ids`; the job completes once nothing is pending.',
    operationId: 'bulkApproveAiFitments',
  })
  @ApiParam(JOB_ID)
  @ApiOkResponse({ type: JobReviewResultDto })
  @ApiErrors(404)
  bulkApprove(
    @Meta() meta: RequestMeta,
    @Param('job_id', uuidParam('job_id')) jobId: string,
    @Body() body: FitmentIdsDto,
  ): Promise<JobReviewResultDto> {
    return this.bulk(meta, jobId, 'approve', body);
  }

  @Post(':job_id/bulk-reject')
  @HttpCode(200)
  @Roles('admin', 'reviewer')
  @ApiOperation({ summary: 'Reject fitments of the job', operationId: 'bulkRejectAiFitments' })
  @ApiParam(JOB_ID)
  @ApiOkResponse({ type: JobReviewResultDto })
  @ApiErrors(404)
  bulkReject(
    @Meta() meta: RequestMeta,
    @Param('job_id', uuidParam('job_id')) jobId: string,
    @Body() body: FitmentIdsDto,
  ): Promise<JobReviewResultDto> {
    return this.bulk(meta, jobId, 'reject', body);
  }

  @Post(':job_id/cancel')
  @HttpCode(202)
  @Roles('admin', 'operator', 'reviewer')
  @ApiOperation({
    summary: 'Cancel a job',
    description:
      'A queued job is cancelled at once; a running one stops before its next product (fitments of the products done stay for review).',
    operationId: 'cancelAiFitmentJob',
  })
  @ApiParam(JOB_ID)
  @ApiAcceptedResponse({ type: AiFitmentJobDto })
  @ApiErrors(404)
  async cancel(
    @Meta() meta: RequestMeta,
    @Param('job_id', uuidParam('job_id')) jobId: string,
  ): Promise<AiFitmentJobDto> {
    await this.clients.send('fitment', MessagePatterns.JobsCancel, { jobId }, meta);
    return this.clients.send('fitment', FitmentPatterns.AiJobsGet, { job_id: jobId }, meta);
  }

  private bulk(
    meta: RequestMeta,
    jobId: string,
    action: ReviewAction,
    body: FitmentIdsDto,
  ): Promise<JobReviewResultDto> {
    return this.clients.send(
      'fitment',
      FitmentPatterns.AiJobsBulkReview,
      { job_id: jobId, action, fitment_ids: body.fitment_ids },
      meta,
    );
  }
}
