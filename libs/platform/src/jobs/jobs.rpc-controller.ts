import { Controller, UseFilters, UseInterceptors, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { JobRefCommand, JobsListCommand, MessagePatterns, type ResultOf, type ServiceName } from '@torque/contracts';
import { QueueService } from '../bull/queue.service.js';
import { runWithContext } from '../logging/request-context.js';
import { RmqAckInterceptor } from '../rmq/rmq-ack.interceptor.js';
import { RpcErrorFilter } from '../rpc/rpc-exception.filter.js';
import { parseRpc } from '../rpc/rpc-request.js';
import { SERVICE_NAME } from '../tokens.js';
import { JobLifecycleService } from './job-lifecycle.service.js';

/** The jobs API every service answers over RabbitMQ; the gateway merges the answers. */
@UseInterceptors(RmqAckInterceptor)
@UseFilters(RpcErrorFilter)
@Controller()
export class JobsRpcController {
  constructor(
    private readonly lifecycle: JobLifecycleService,
    private readonly queues: QueueService,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
  ) {}

  @MessagePattern(MessagePatterns.JobsList)
  async list(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.JobsList>> {
    const { meta, data } = parseRpc(JobsListCommand, raw);
    return runWithContext(meta, () =>
      this.lifecycle.list({ tenantId: meta.tenantId, type: data.type, status: data.status }, data.offset, data.limit),
    );
  }

  @MessagePattern(MessagePatterns.JobsGet)
  async get(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.JobsGet>> {
    const { meta, data } = parseRpc(JobRefCommand, raw);
    return runWithContext(meta, async () => this.lifecycle.view(await this.lifecycle.get(data.jobId, meta.tenantId)));
  }

  @MessagePattern(MessagePatterns.JobsCancel)
  async cancel(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.JobsCancel>> {
    const { meta, data } = parseRpc(JobRefCommand, raw);
    return runWithContext(meta, async () => {
      const row = await this.lifecycle.requestCancel(data.jobId, meta.tenantId);
      if (row.status === 'cancelled') {
        const queue = (row.params.queue as string | undefined) ?? null;
        if (queue) await this.queues.remove(queue, row.id);
      }
      return this.lifecycle.view(row);
    });
  }
}
