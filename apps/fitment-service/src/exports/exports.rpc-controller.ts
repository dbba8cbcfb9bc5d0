import { Controller, UseFilters, UseInterceptors } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateExportCommand,
  ExportRefCommand,
  FitmentPatterns,
  ListExportsCommand,
  type ResultOf,
} from '@torque/contracts';
import { parseRpc, RmqAckInterceptor, RpcErrorFilter, runWithContext } from '@torque/platform';
import { requireRole, SUBMITTER_ROLES } from '../common/roles.js';
import { ExportsService } from './exports.service.js';

/** ACES / CSV exports over RabbitMQ (the gateway's /api/v1/fitment/exports routes). */
@UseInterceptors(RmqAckInterceptor)
@UseFilters(RpcErrorFilter)
@Controller()
export class ExportsRpcController {
  constructor(private readonly exports: ExportsService) {}

  @MessagePattern(FitmentPatterns.ExportsCreate)
  async create(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.ExportsCreate>> {
    const { meta, data } = parseRpc(CreateExportCommand, raw);
    requireRole(meta, SUBMITTER_ROLES, 'Exporting fitments');
    return runWithContext(meta, () => this.exports.create(meta, data));
  }

  @MessagePattern(FitmentPatterns.ExportsList)
  async list(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.ExportsList>> {
    const { meta, data } = parseRpc(ListExportsCommand, raw);
    return runWithContext(meta, () => this.exports.list(meta.tenantId, data.offset, data.limit));
  }

  @MessagePattern(FitmentPatterns.ExportsGet)
  async get(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.ExportsGet>> {
    const { meta, data } = parseRpc(ExportRefCommand, raw);
    return runWithContext(meta, () => this.exports.get(meta.tenantId, data.export_id));
  }

  @MessagePattern(FitmentPatterns.ExportsFile)
  async file(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.ExportsFile>> {
    const { meta, data } = parseRpc(ExportRefCommand, raw);
    return runWithContext(meta, () => this.exports.file(meta.tenantId, data.export_id));
  }
}
