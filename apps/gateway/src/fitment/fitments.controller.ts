import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  FitmentDto,
  FitmentPageDto,
  FitmentPatterns,
  ListFitmentsQueryDto,
  ReviewFitmentsDto,
  ReviewOneDto,
  ReviewResultDto,
  UpdateFitmentDto,
  type RequestMeta,
  type ReviewAction,
} from '@torque/contracts';
import { Meta, Roles } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { uuidParam } from '../http/job-id.pipe.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

const ID = { name: 'id', format: 'uuid', description: 'Fitment id' } as const;

/** Review of generated fitments across the tenant's jobs: lists, approve/reject, edits. */
@ApiTags('fitment')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/fitment/fitments')
export class FitmentsController {
  constructor(private readonly clients: ServiceClientsService) {}

  @Get()
  @ApiOperation({
    summary: 'Fitments of the tenant, filtered, sorted and paginated, with validation findings',
    description:
      'Filters: job, status, confidence range, make, model, year, part. `sort=confidence` puts the least certain first. Each fitment ' +
      'carries its findings: `duplicate` (another live fitment of the part names the same vehicle), `overlap` (another covers some of ' +
      "the same configurations), `years_not_in_catalog` (the part's text named years the catalog does not have).",
    operationId: 'listFitments',
  })
  @ApiOkResponse({ type: FitmentPageDto })
  list(@Meta() meta: RequestMeta, @Query() query: ListFitmentsQueryDto): Promise<FitmentPageDto> {
    return this.clients.send('fitment', FitmentPatterns.FitmentsList, query, meta);
  }

  @Post('review')
  @HttpCode(200)
  @Roles('admin', 'reviewer')
  @ApiOperation({
    summary: 'Approve or reject a list of fitments, or every fitment matching a filter',
    description:
      '`{"action": "approve", "filter": {"status": "pending", "min_confidence": 0.9}}` approves every pending fitment with confidence ' +
      '>= 0.9. Job counts change in the same transaction; a job with nothing pending left completes.',
    operationId: 'reviewFitments',
  })
  @ApiOkResponse({ type: ReviewResultDto })
  review(@Meta() meta: RequestMeta, @Body() body: ReviewFitmentsDto): Promise<ReviewResultDto> {
    return this.clients.send('fitment', FitmentPatterns.FitmentsReview, body, meta);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One fitment with its findings', operationId: 'getFitment' })
  @ApiParam(ID)
  @ApiOkResponse({ type: FitmentDto })
  @ApiErrors(404)
  get(@Meta() meta: RequestMeta, @Param('id', uuidParam('id')) id: string): Promise<FitmentDto> {
    return this.clients.send('fitment', FitmentPatterns.FitmentsGet, { id }, meta);
  }

  @Patch(':id')
  @Roles('admin', 'reviewer')
  @ApiOperation({
    summary: 'Edit submodel, engine, qty, position or notes of a fitment',
    description:
      'Give the revision the edit was made on: when the fitment changed since, 409 (reload and edit again). Submodel and engine ' +
      "must exist for the fitment's base vehicle in the vehicle catalog (400 lists the ones that do); empty means all.",
    operationId: 'updateFitment',
  })
  @ApiParam(ID)
  @ApiOkResponse({ type: FitmentDto })
  @ApiErrors(404, 409)
  update(
    @Meta() meta: RequestMeta,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateFitmentDto,
  ): Promise<FitmentDto> {
    return this.clients.send('fitment', FitmentPatterns.FitmentsUpdate, { id, changes: body }, meta);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('admin', 'reviewer')
  @ApiOperation({
    summary: 'Approve one fitment (409 when `revision` is given and stale)',
    operationId: 'approveFitment',
  })
  @ApiParam(ID)
  @ApiOkResponse({ type: FitmentDto })
  @ApiErrors(404, 409)
  approve(
    @Meta() meta: RequestMeta,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReviewOneDto,
  ): Promise<FitmentDto> {
    return this.one(meta, id, 'approve', body);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('admin', 'reviewer')
  @ApiOperation({
    summary: 'Reject one fitment (409 when `revision` is given and stale)',
    operationId: 'rejectFitment',
  })
  @ApiParam(ID)
  @ApiOkResponse({ type: FitmentDto })
  @ApiErrors(404, 409)
  reject(
    @Meta() meta: RequestMeta,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReviewOneDto,
  ): Promise<FitmentDto> {
    return this.one(meta, id, 'reject', body);
  }

  private one(meta: RequestMeta, id: string, action: ReviewAction, body: ReviewOneDto): Promise<FitmentDto> {
    return this.clients.send(
      'fitment',
      FitmentPatterns.FitmentsReviewOne,
      { id, action, revision: body?.revision },
      meta,
    );
  }
}
