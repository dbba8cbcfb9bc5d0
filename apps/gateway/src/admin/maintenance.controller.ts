import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CleanupAcceptedDto,
  CleanupRequestDto,
  MessagePatterns,
  SERVICE_NAMES,
  type RequestMeta,
} from '@torque/contracts';
import { Meta, Roles } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ApiError } from '../http/http-error.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

@ApiTags('admin')
@ApiTenantAuth()
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Repeat-safe submission: the same key and body replay the first answer',
})
@ApiErrors(...COMMON_ERRORS, 409, 413, 422)
@Controller('api/v1/admin/maintenance')
export class MaintenanceController {
  constructor(private readonly clients: ServiceClientsService) {}

  @Post('cleanup')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    summary: 'Start the retention clean-up in each service now',
    description:
      "Deletes the tenant's finished job records older than `olderThanDays` (default RETENTION_DAYS). Acting for tenant `system` " +
      '(as the nightly schedule does) it cleans every tenant and also relayed events, handled-event ids and finished Bull jobs. ' +
      'One job per service; follow them in /api/v1/jobs or the event stream. A running clean-up is returned instead of a second one.',
    operationId: 'startCleanup',
  })
  @ApiAcceptedResponse({ type: CleanupAcceptedDto })
  async cleanup(@Meta() meta: RequestMeta, @Body() body: CleanupRequestDto): Promise<CleanupAcceptedDto> {
    const services = body.services ?? [...SERVICE_NAMES];
    const answers = await Promise.allSettled(
      services.map((s) =>
        this.clients.send(s, MessagePatterns.MaintenanceCleanup, { olderThanDays: body.olderThanDays }, meta),
      ),
    );
    const result: CleanupAcceptedDto = { jobs: [], failures: [] };
    answers.forEach((answer, i) => {
      if (answer.status === 'fulfilled') result.jobs.push(answer.value);
      else {
        const err =
          answer.reason instanceof ApiError
            ? (answer.reason.getResponse() as { error: string; message: string })
            : null;
        result.failures.push({
          service: services[i],
          error: err?.error ?? 'internal_error',
          message: err?.message ?? String(answer.reason),
        });
      }
    });
    if (result.jobs.length === 0) throw answers.map((a) => (a as PromiseRejectedResult).reason)[0];
    return result;
  }
}
