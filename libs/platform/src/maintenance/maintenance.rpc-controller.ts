import { CleanupCommand, MessagePatterns, type RequestMeta, type ResultOf } from '@torque/contracts';
import { JobLifecycleService } from '../jobs/job-lifecycle.service.js';
import { RpcController, RpcHandler } from '../rpc/rpc-handler.decorator.js';
import { RpcData, RpcMeta } from '../rpc/rpc-params.decorator.js';
import { MaintenanceService } from './maintenance.service.js';

@RpcController()
export class MaintenanceRpcController {
  constructor(
    private readonly maintenance: MaintenanceService,
    private readonly lifecycle: JobLifecycleService,
  ) {}

  @RpcHandler(MessagePatterns.MaintenanceCleanup, { roles: ['admin'], action: 'Clean-up' })
  async cleanup(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: CleanupCommand,
  ): Promise<ResultOf<typeof MessagePatterns.MaintenanceCleanup>> {
    return this.lifecycle.view(await this.maintenance.startCleanup(meta, data.olderThanDays));
  }
}
