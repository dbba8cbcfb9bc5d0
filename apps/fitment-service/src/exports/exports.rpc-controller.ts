import {
  CreateExportCommand,
  ExportRefCommand,
  FitmentPatterns,
  ListExportsCommand,
  type RequestMeta,
  type ResultOf,
} from '@torque/contracts';
import { RpcController, RpcData, RpcHandler, RpcMeta } from '@torque/platform';
import { SUBMITTER_ROLES } from '../common/roles.js';
import { ExportsService } from './exports.service.js';

/** ACES / CSV exports over RabbitMQ (the gateway's /api/v1/fitment/exports routes). */
@RpcController()
export class ExportsRpcController {
  constructor(private readonly exports: ExportsService) {}

  @RpcHandler(FitmentPatterns.ExportsCreate, { roles: SUBMITTER_ROLES, action: 'Exporting fitments' })
  async create(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: CreateExportCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.ExportsCreate>> {
    return this.exports.create(meta, data);
  }

  @RpcHandler(FitmentPatterns.ExportsList)
  async list(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ListExportsCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.ExportsList>> {
    return this.exports.list(meta.tenantId, data.offset, data.limit);
  }

  @RpcHandler(FitmentPatterns.ExportsGet)
  async get(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ExportRefCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.ExportsGet>> {
    return this.exports.get(meta.tenantId, data.export_id);
  }

  @RpcHandler(FitmentPatterns.ExportsFile)
  async file(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ExportRefCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.ExportsFile>> {
    return this.exports.file(meta.tenantId, data.export_id);
  }
}
