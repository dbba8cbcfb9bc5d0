import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { MessagePatterns, CeleryProgressDto, type RequestMeta } from '@torque/contracts';
import { Meta } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { uuidParam } from '../http/job-id.pipe.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

/** The progress endpoint of the legacy API's Celery plan, for clients written against it. */
@ApiTags('ingestion')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('data-ingestion')
export class LegacyProgressController {
  constructor(private readonly clients: ServiceClientsService) {}

  @Get('progress/:task_id')
  @ApiOperation({
    summary: "Progress of an import in the legacy API's shape {state, current, total, status, result, error}",
    description:
      "task_id is the import job's id (`job.id` of POST /api/v1/ingestion/uploads/{id}/process). States: PENDING (queued), " +
      'PROGRESS (running), SUCCESS (result has processed and the created_* counts), FAILURE (error says why), REVOKED (cancelled). ' +
      'Answers with and without the trailing slash.',
    operationId: 'getTaskProgress',
  })
  @ApiParam({ name: 'task_id', description: 'The import job id', format: 'uuid' })
  @ApiOkResponse({ type: CeleryProgressDto })
  @ApiErrors(404)
  progress(
    @Meta() meta: RequestMeta,
    @Param('task_id', uuidParam('task_id')) taskId: string,
  ): Promise<CeleryProgressDto> {
    return this.clients.send('ingestion', MessagePatterns.ImportProgress, { jobId: taskId }, meta);
  }
}
