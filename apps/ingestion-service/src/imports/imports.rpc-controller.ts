import { Controller, UseFilters, UseInterceptors } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  JobRefCommand,
  ListConflictsCommand,
  ListMappingsQueryDto,
  ListUploadsCommand,
  MessagePatterns,
  PreviewCommand,
  ProcessCommand,
  RegisterUploadCommand,
  ResolveConflictCommand,
  SaveMappingDto,
  UploadRefCommand,
  type RequestMeta,
  type ResultOf,
} from '@torque/contracts';
import { parseRpc, RmqAckInterceptor, RpcErrorFilter, rpcError, runWithContext } from '@torque/platform';
import { UploadsService } from './uploads.service.js';

const WRITERS = ['admin', 'operator'];
const REVIEWERS = ['admin', 'reviewer'];

function requireRole(meta: RequestMeta, roles: string[], what: string): void {
  if (!roles.some((r) => meta.roles.includes(r)))
    throw rpcError(403, 'forbidden', `${what} needs one of the roles: ${roles.join(', ')}`);
}

/** Uploads, imports, conflicts and mappings over RabbitMQ (the gateway's /api/v1/ingestion routes). */
@UseInterceptors(RmqAckInterceptor)
@UseFilters(RpcErrorFilter)
@Controller()
export class ImportsRpcController {
  constructor(private readonly uploads: UploadsService) {}

  @MessagePattern(MessagePatterns.UploadsRegister)
  async register(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.UploadsRegister>> {
    const { meta, data } = parseRpc(RegisterUploadCommand, raw);
    requireRole(meta, WRITERS, 'Uploading');
    return runWithContext(meta, () => this.uploads.register(meta, data));
  }

  @MessagePattern(MessagePatterns.UploadsList)
  async list(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.UploadsList>> {
    const { meta, data } = parseRpc(ListUploadsCommand, raw);
    return runWithContext(meta, () => this.uploads.list(meta, data));
  }

  @MessagePattern(MessagePatterns.UploadsGet)
  async get(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.UploadsGet>> {
    const { meta, data } = parseRpc(UploadRefCommand, raw);
    return runWithContext(meta, () => this.uploads.get(meta, data.uploadId));
  }

  @MessagePattern(MessagePatterns.UploadsPreview)
  async preview(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.UploadsPreview>> {
    const { meta, data } = parseRpc(PreviewCommand, raw);
    return runWithContext(meta, () => this.uploads.preview(meta, data));
  }

  @MessagePattern(MessagePatterns.UploadsProcess)
  async process(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.UploadsProcess>> {
    const { meta, data } = parseRpc(ProcessCommand, raw);
    requireRole(meta, WRITERS, 'Importing');
    return runWithContext(meta, () => this.uploads.process(meta, data));
  }

  @MessagePattern(MessagePatterns.UploadsErrorsFile)
  async errorsFile(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.UploadsErrorsFile>> {
    const { meta, data } = parseRpc(UploadRefCommand, raw);
    return runWithContext(meta, () => this.uploads.errorsFile(meta, data.uploadId));
  }

  @MessagePattern(MessagePatterns.ConflictsList)
  async conflicts(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.ConflictsList>> {
    const { meta, data } = parseRpc(ListConflictsCommand, raw);
    return runWithContext(meta, () => this.uploads.listConflicts(meta, data));
  }

  @MessagePattern(MessagePatterns.ConflictsResolve)
  async resolve(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.ConflictsResolve>> {
    const { meta, data } = parseRpc(ResolveConflictCommand, raw);
    requireRole(meta, REVIEWERS, 'Resolving conflicts');
    return runWithContext(meta, () => this.uploads.resolveConflict(meta, data));
  }

  @MessagePattern(MessagePatterns.MappingsSave)
  async saveMapping(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.MappingsSave>> {
    const { meta, data } = parseRpc(SaveMappingDto, raw);
    requireRole(meta, WRITERS, 'Saving a mapping');
    return runWithContext(meta, () => this.uploads.saveMapping(meta, data));
  }

  @MessagePattern(MessagePatterns.MappingsList)
  async listMappings(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.MappingsList>> {
    const { meta, data } = parseRpc(ListMappingsQueryDto, raw);
    return runWithContext(meta, () => this.uploads.listMappings(meta, data.kind, data.supplierCode));
  }

  @MessagePattern(MessagePatterns.ImportProgress)
  async progress(@Payload() raw: unknown): Promise<ResultOf<typeof MessagePatterns.ImportProgress>> {
    const { meta, data } = parseRpc(JobRefCommand, raw);
    return runWithContext(meta, () => this.uploads.progress(meta, data.jobId));
  }
}
