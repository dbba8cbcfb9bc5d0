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
import { RpcController, RpcData, RpcHandler, RpcMeta } from '@torque/platform';
import { UploadsService } from './uploads.service.js';

const WRITERS = ['admin', 'operator'];
const REVIEWERS = ['admin', 'reviewer'];

/** Uploads, imports, conflicts and mappings over RabbitMQ (the gateway's /api/v1/ingestion routes). */
@RpcController()
export class ImportsRpcController {
  constructor(private readonly uploads: UploadsService) {}

  @RpcHandler(MessagePatterns.UploadsRegister, { roles: WRITERS, action: 'Uploading' })
  async register(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: RegisterUploadCommand,
  ): Promise<ResultOf<typeof MessagePatterns.UploadsRegister>> {
    return this.uploads.register(meta, data);
  }

  @RpcHandler(MessagePatterns.UploadsList)
  async list(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ListUploadsCommand,
  ): Promise<ResultOf<typeof MessagePatterns.UploadsList>> {
    return this.uploads.list(meta, data);
  }

  @RpcHandler(MessagePatterns.UploadsGet)
  async get(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: UploadRefCommand,
  ): Promise<ResultOf<typeof MessagePatterns.UploadsGet>> {
    return this.uploads.get(meta, data.uploadId);
  }

  @RpcHandler(MessagePatterns.UploadsPreview)
  async preview(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: PreviewCommand,
  ): Promise<ResultOf<typeof MessagePatterns.UploadsPreview>> {
    return this.uploads.preview(meta, data);
  }

  @RpcHandler(MessagePatterns.UploadsProcess, { roles: WRITERS, action: 'Importing' })
  async process(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ProcessCommand,
  ): Promise<ResultOf<typeof MessagePatterns.UploadsProcess>> {
    return this.uploads.process(meta, data);
  }

  @RpcHandler(MessagePatterns.UploadsErrorsFile)
  async errorsFile(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: UploadRefCommand,
  ): Promise<ResultOf<typeof MessagePatterns.UploadsErrorsFile>> {
    return this.uploads.errorsFile(meta, data.uploadId);
  }

  @RpcHandler(MessagePatterns.ConflictsList)
  async conflicts(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ListConflictsCommand,
  ): Promise<ResultOf<typeof MessagePatterns.ConflictsList>> {
    return this.uploads.listConflicts(meta, data);
  }

  @RpcHandler(MessagePatterns.ConflictsResolve, { roles: REVIEWERS, action: 'Resolving conflicts' })
  async resolve(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ResolveConflictCommand,
  ): Promise<ResultOf<typeof MessagePatterns.ConflictsResolve>> {
    return this.uploads.resolveConflict(meta, data);
  }

  @RpcHandler(MessagePatterns.MappingsSave, { roles: WRITERS, action: 'Saving a mapping' })
  async saveMapping(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: SaveMappingDto,
  ): Promise<ResultOf<typeof MessagePatterns.MappingsSave>> {
    return this.uploads.saveMapping(meta, data);
  }

  @RpcHandler(MessagePatterns.MappingsList)
  async listMappings(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ListMappingsQueryDto,
  ): Promise<ResultOf<typeof MessagePatterns.MappingsList>> {
    return this.uploads.listMappings(meta, data.kind, data.supplierCode);
  }

  @RpcHandler(MessagePatterns.ImportProgress)
  async progress(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: JobRefCommand,
  ): Promise<ResultOf<typeof MessagePatterns.ImportProgress>> {
    return this.uploads.progress(meta, data.jobId);
  }
}
