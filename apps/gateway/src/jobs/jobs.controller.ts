import { Controller, Get, HttpCode, Inject, Param, Post, Query, Sse, type MessageEvent } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { JobPageDto, JobViewDto, ListJobsQueryDto, type RequestMeta } from '@torque/contracts';
import { interval, map, merge, type Observable } from 'rxjs';
import { AllowQueryToken, Meta } from '../auth/auth.decorators.js';
import type { GatewayEnv } from '../config/gateway-env.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { uuidParam } from '../http/job-id.pipe.js';
import { GATEWAY_ENV } from '../tokens.js';
import { JobEventsService } from './job-events.service.js';
import { JobsGatewayService } from './jobs-gateway.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

@ApiTags('jobs')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobsGatewayService,
    private readonly events: JobEventsService,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Jobs of every service, newest first', operationId: 'listJobs' })
  @ApiOkResponse({ type: JobPageDto })
  list(@Meta() meta: RequestMeta, @Query() query: ListJobsQueryDto): Promise<JobPageDto> {
    return this.jobs.list(meta, query);
  }

  @Sse('events')
  @AllowQueryToken()
  @ApiOperation({
    summary: "Server-sent events: every state and progress change of the tenant's jobs",
    description:
      'Each message has `event` job.state or job.progress (plus heartbeat), `id` (the event id) and `data` (the job view). ' +
      'EventSource cannot set headers, so `access_token` and `tenant` may be given as query parameters instead.',
    operationId: 'streamJobEvents',
  })
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'access_token', required: false, description: 'The bearer token, for EventSource clients' })
  @ApiQuery({ name: 'tenant', required: false, description: 'The tenant, for EventSource clients' })
  @ApiOkResponse({ description: 'An endless text/event-stream; `data` of job.* events is a JobView', type: JobViewDto })
  stream(@Meta() meta: RequestMeta): Observable<MessageEvent> {
    const jobEvents = this.events
      .forTenant(meta.tenantId)
      .pipe(map((e): MessageEvent => ({ id: e.id, type: e.event, data: e.data })));
    const heartbeat = interval(this.env.SSE_HEARTBEAT_MS).pipe(
      map((): MessageEvent => ({ type: 'heartbeat', data: {} })),
    );
    return merge(jobEvents, heartbeat);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One job, from whichever service owns it', operationId: 'getJob' })
  @ApiOkResponse({ type: JobViewDto })
  @ApiErrors(404)
  get(@Meta() meta: RequestMeta, @Param('id', uuidParam('id')) id: string): Promise<JobViewDto> {
    return this.jobs.get(meta, id);
  }

  @Post(':id/cancel')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Cancel a job',
    description:
      'A queued job is cancelled at once. A running job is signalled and ends `cancelled` at its next check (well under a second); ' +
      'the answer then shows `cancelRequested: true`. An ended job is returned unchanged.',
    operationId: 'cancelJob',
  })
  @ApiAcceptedResponse({ type: JobViewDto })
  @ApiErrors(404)
  cancel(@Meta() meta: RequestMeta, @Param('id', uuidParam('id')) id: string): Promise<JobViewDto> {
    return this.jobs.cancel(meta, id);
  }
}
