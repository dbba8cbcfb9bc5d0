import { Inject } from '@nestjs/common';
import {
  JobRefCommand,
  JobsListCommand,
  MessagePatterns,
  QueueCommand,
  type RequestMeta,
  type ResultOf,
  type ServiceName,
} from '@torque/contracts';
import { QueueService } from '../bull/queue.service.js';
import { RpcController, RpcHandler } from '../rpc/rpc-handler.decorator.js';
import { RpcData, RpcMeta } from '../rpc/rpc-params.decorator.js';
import { SERVICE_NAME } from '../tokens.js';
import { JobLifecycleService } from './job-lifecycle.service.js';
import { QueueAdminService } from './queue-admin.service.js';

const QUEUE_ADMINS = ['admin'];

/** The jobs API every service answers over RabbitMQ; the gateway merges the answers. */
@RpcController()
export class JobsRpcController {
  constructor(
    private readonly lifecycle: JobLifecycleService,
    private readonly queues: QueueService,
    private readonly queueAdmin: QueueAdminService,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
  ) {}

  @RpcHandler(MessagePatterns.JobsList)
  async list(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: JobsListCommand,
  ): Promise<ResultOf<typeof MessagePatterns.JobsList>> {
    return this.lifecycle.list(
      { tenantId: meta.tenantId, type: data.type, status: data.status },
      data.offset,
      data.limit,
    );
  }

  @RpcHandler(MessagePatterns.JobsGet)
  async get(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: JobRefCommand,
  ): Promise<ResultOf<typeof MessagePatterns.JobsGet>> {
    return this.lifecycle.view(await this.lifecycle.get(data.jobId, meta.tenantId));
  }

  @RpcHandler(MessagePatterns.JobsCancel)
  async cancel(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: JobRefCommand,
  ): Promise<ResultOf<typeof MessagePatterns.JobsCancel>> {
    const row = await this.lifecycle.requestCancel(data.jobId, meta.tenantId);
    if (row.status === 'cancelled') {
      const queue = (row.params.queue as string | undefined) ?? null;
      if (queue) await this.queues.remove(queue, row.id);
    }
    return this.lifecycle.view(row);
  }

  @RpcHandler(MessagePatterns.QueuesPurge, { roles: QUEUE_ADMINS, action: 'Purging a queue' })
  async purge(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: QueueCommand,
  ): Promise<ResultOf<typeof MessagePatterns.QueuesPurge>> {
    return this.queueAdmin.purge(data.queue, meta);
  }

  @RpcHandler(MessagePatterns.QueuesRetryFailed, { roles: QUEUE_ADMINS, action: 'Retrying failed jobs' })
  async retryFailed(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: QueueCommand,
  ): Promise<ResultOf<typeof MessagePatterns.QueuesRetryFailed>> {
    return this.queueAdmin.retryFailed(data.queue, meta);
  }
}
