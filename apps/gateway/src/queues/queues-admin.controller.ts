import { Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  ActiveQueueJobsDto,
  MessagePatterns,
  QueueBoardSessionDto,
  QueueCountsListDto,
  QueuePurgeResultDto,
  QueueRetryResultDto,
  type RequestMeta,
} from '@torque/contracts';
import { decodeJwt } from 'jose';
import { Meta, Roles } from '../auth/auth.decorators.js';
import { bearerToken } from '../auth/auth.guard.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';
import { ApiError } from '../http/http-error.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { GatewayQueuesService, SYSTEM_TENANT } from './gateway-queues.service.js';
import { QUEUE_BOARD_PATH } from './queue-board.js';
import { QueueBoardSessionsService } from './queue-board-sessions.service.js';

/** A purge or retry walks the queue's jobs one row at a time: more than the default deadline of a request. */
const QUEUE_WRITE_TIMEOUT_MS = 60_000;

const QUEUE_PARAM = ApiParam({
  name: 'queue',
  description: 'Full Bull queue name, `<service>.<queue>`, as GET /api/v1/admin/queues lists them',
  example: 'fitment.generate',
});

const IDEMPOTENCY_HEADER = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Repeat-safe submission: the same key and body replay the first answer',
});

@ApiTags('admin')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/admin/queues')
export class QueuesAdminController {
  constructor(
    private readonly queues: GatewayQueuesService,
    private readonly clients: ServiceClientsService,
    private readonly sessions: QueueBoardSessionsService,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Job counts of every Bull queue',
    description:
      "Waiting, active, delayed, failed, completed and paused Bull jobs of each service's queues (all tenants " +
      'together: Bull keeps no count per tenant). Job rows, in /api/v1/jobs, are the lasting record of each job.',
    operationId: 'listQueueCounts',
  })
  @ApiOkResponse({ type: QueueCountsListDto })
  async list(): Promise<QueueCountsListDto> {
    return { data: await this.queues.counts() };
  }

  @Get(':queue/active')
  @Roles('admin')
  @QUEUE_PARAM
  @ApiErrors(404)
  @ApiOperation({
    summary: 'Jobs running on a queue now',
    description:
      "Celery's `inspect active`: the Bull jobs workers hold on the queue, with their job row id, name, when the " +
      "attempt started and which attempt it is. The tenant's jobs; every tenant's and the schedules' triggers for " +
      'tenant `system`.',
    operationId: 'listActiveQueueJobs',
  })
  @ApiOkResponse({ type: ActiveQueueJobsDto })
  async active(@Meta() meta: RequestMeta, @Param('queue') name: string): Promise<ActiveQueueJobsDto> {
    const queue = this.queues.get(name);
    return { queue: queue.name, data: await this.queues.active(queue, meta) };
  }

  @Post(':queue/purge')
  @HttpCode(200)
  @Roles('admin')
  @QUEUE_PARAM
  @IDEMPOTENCY_HEADER
  @ApiErrors(404, 409, 422)
  @ApiOperation({
    summary: 'Cancel the jobs waiting on a queue',
    description:
      "Celery's `purge`, done by the owning service so the job rows stay true: each of the tenant's waiting jobs " +
      '(every tenant’s for tenant `system`) is cancelled on its row, then its Bull job removed. Running jobs, ' +
      'delayed retries and schedules are left alone; cancel a running job with POST /api/v1/jobs/{id}/cancel.',
    operationId: 'purgeQueue',
  })
  @ApiOkResponse({ type: QueuePurgeResultDto })
  purge(@Meta() meta: RequestMeta, @Param('queue') name: string): Promise<QueuePurgeResultDto> {
    const queue = this.queues.get(name);
    return this.clients.send(queue.service, MessagePatterns.QueuesPurge, { queue: queue.queue }, meta, {
      timeoutMs: QUEUE_WRITE_TIMEOUT_MS,
    });
  }

  @Post(':queue/retry-failed')
  @HttpCode(200)
  @Roles('admin')
  @QUEUE_PARAM
  @IDEMPOTENCY_HEADER
  @ApiErrors(404, 409, 422)
  @ApiOperation({
    summary: 'Retry the failed Bull jobs of a queue',
    description:
      'Done by the owning service: each of the tenant’s failed Bull jobs (every tenant’s for tenant `system`) whose ' +
      'row is still queued or processing goes back on the queue, its row `queued`. A job whose handler failed for ' +
      'good is recorded `failed` on its row, which is final: those are skipped (submit the work again).',
    operationId: 'retryFailedQueueJobs',
  })
  @ApiOkResponse({ type: QueueRetryResultDto })
  retryFailed(@Meta() meta: RequestMeta, @Param('queue') name: string): Promise<QueueRetryResultDto> {
    const queue = this.queues.get(name);
    return this.clients.send(queue.service, MessagePatterns.QueuesRetryFailed, { queue: queue.queue }, meta, {
      timeoutMs: QUEUE_WRITE_TIMEOUT_MS,
    });
  }

  @Post('board-session')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: 'A one-time link that opens the queue dashboard in a browser',
    description:
      'The dashboard (Bull Board at /admin/queues) shows every tenant’s Bull jobs, so it needs an admin acting for ' +
      'tenant `system`. A browser cannot send the bearer token, so this answers a link with a ticket that works ' +
      'once within 60 s: opening it sets an HttpOnly session cookie (QUEUE_BOARD_SESSION_SECONDS, never past the ' +
      'token’s expiry) and redirects to the dashboard. Scripts may instead call /admin/queues/api/* with the token.',
    operationId: 'createQueueBoardSession',
  })
  @ApiCreatedResponse({ type: QueueBoardSessionDto })
  async boardSession(
    @Meta() meta: RequestMeta,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<QueueBoardSessionDto> {
    if (meta.tenantId !== SYSTEM_TENANT) {
      throw new ApiError(403, 'forbidden', 'The queue dashboard shows every tenant’s jobs: act for tenant system');
    }
    // The guard verified the token; its expiry bounds the session.
    const { exp } = decodeJwt(bearerToken(authorization)!);
    const { ticket, expiresAt } = await this.sessions.createTicket(meta.userId ?? 'unknown', exp);
    return { url: `${QUEUE_BOARD_PATH}?ticket=${ticket}`, ticketExpiresAt: expiresAt.toISOString() };
  }
}
