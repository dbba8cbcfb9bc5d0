import { Controller, UseFilters, UseInterceptors } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CleanupCommand, MessagePatterns, type ResultOf } from '@torque/contracts';
import { JobLifecycleService } from '../jobs/job-lifecycle.service.js';
import { runWithContext } from '../logging/request-context.js';
import { RmqAckInterceptor } from '../rmq/rmq-ack.interceptor.js';
import { RpcErrorFilter } from '../rpc/rpc-exception.filter.js';
import { parseRpc, rpcError } from '../rpc/rpc-request.js';
import { MaintenanceService } from './maintenance.service.js';

@UseInterceptors(RmqAckInterceptor)
@UseFilters(RpcErrorFilter)
@Controller()
export class MaintenanceRpcController {
  constructor(
    private readonly maintenance: MaintenanceService,
    private readonly lifecycle: JobLifecycleService,
  ) {}

  @MessagePattern(MessagePatterns.MaintenanceCleanup)
  async cleanup(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.MaintenanceCleanup>> {
    const { meta, data } = parseRpc(CleanupCommand, raw);
    if (!meta.roles.includes('admin')) throw rpcError(403, 'forbidden', 'Clean-up needs the admin role');
    return runWithContext(meta, async () =>
      this.lifecycle.view(await this.maintenance.startCleanup(meta, data.olderThanDays)),
    );
  }
}
