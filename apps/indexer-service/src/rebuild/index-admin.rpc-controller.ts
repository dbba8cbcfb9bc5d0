import {
  IndexAdminRequestDto,
  IndexerPatterns,
  type RequestMeta,
  type ResultOf,
  type ServiceName,
} from '@torque/contracts';
import { RpcController, RpcData, RpcHandler, RpcMeta, SERVICE_NAME, toJobView } from '@torque/platform';
import { Inject } from '@nestjs/common';
import { IndexAdminService } from './index-admin.service.js';

/** Rebuilds and audits of the search index over RabbitMQ (the gateway's /api/v1/admin/search routes). */
@RpcController()
export class IndexAdminRpcController {
  constructor(
    private readonly admin: IndexAdminService,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
  ) {}

  @RpcHandler(IndexerPatterns.IndexRebuild, { roles: ['admin'], action: 'Rebuilding the search index' })
  async rebuild(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: IndexAdminRequestDto,
  ): Promise<ResultOf<typeof IndexerPatterns.IndexRebuild>> {
    const row = await this.admin.rebuild(meta, 'request', data.reason);
    return { task_id: row.id, status: 'Rebuild scheduled', job: toJobView(this.service, row) };
  }

  @RpcHandler(IndexerPatterns.IndexAudit, { roles: ['admin'], action: 'Auditing the search index' })
  async audit(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: IndexAdminRequestDto,
  ): Promise<ResultOf<typeof IndexerPatterns.IndexAudit>> {
    const row = await this.admin.audit(meta, 'request', data.reason);
    return { task_id: row.id, status: 'Audit scheduled', job: toJobView(this.service, row) };
  }
}
