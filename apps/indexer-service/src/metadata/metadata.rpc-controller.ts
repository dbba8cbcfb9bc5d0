import {
  GenerateProductMetadataCommand,
  GenerateProjectMetadataCommand,
  IndexerPatterns,
  ProductMetadataCommand,
  ProjectMetadataCommand,
  UpdateProductMetadataCommand,
  UpdateProjectMetadataCommand,
  type RequestMeta,
  type ResultOf,
} from '@torque/contracts';
import { RpcController, RpcData, RpcHandler, RpcMeta } from '@torque/platform';
import { MetadataService } from './metadata.service.js';

const WRITERS = ['admin', 'operator', 'reviewer'] as const;

/** Metadata of projects and products over RabbitMQ (the gateway's .../metadata and generate_metadata routes). */
@RpcController()
export class MetadataRpcController {
  constructor(private readonly metadata: MetadataService) {}

  @RpcHandler(IndexerPatterns.ProjectMetadataGet)
  projectMetadata(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ProjectMetadataCommand,
  ): Promise<ResultOf<typeof IndexerPatterns.ProjectMetadataGet>> {
    return this.metadata.get(meta, 'project', data.project_id);
  }

  @RpcHandler(IndexerPatterns.ProjectMetadataUpdate, { roles: WRITERS, action: 'Editing metadata' })
  editProjectMetadata(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: UpdateProjectMetadataCommand,
  ): Promise<ResultOf<typeof IndexerPatterns.ProjectMetadataUpdate>> {
    return this.metadata.edit(meta, 'project', data.project_id, data.changes);
  }

  @RpcHandler(IndexerPatterns.ProjectMetadataGenerate, { roles: WRITERS, action: 'Generating metadata' })
  generateProjectMetadata(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: GenerateProjectMetadataCommand,
  ): Promise<ResultOf<typeof IndexerPatterns.ProjectMetadataGenerate>> {
    return this.metadata.generate(meta, 'project', data.project_id, {
      force: data.force,
      replaceEdits: data.replace_edits,
    });
  }

  @RpcHandler(IndexerPatterns.ProductMetadataGet)
  productMetadata(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ProductMetadataCommand,
  ): Promise<ResultOf<typeof IndexerPatterns.ProductMetadataGet>> {
    return this.metadata.get(meta, 'product', String(data.product_id));
  }

  @RpcHandler(IndexerPatterns.ProductMetadataUpdate, { roles: WRITERS, action: 'Editing metadata' })
  editProductMetadata(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: UpdateProductMetadataCommand,
  ): Promise<ResultOf<typeof IndexerPatterns.ProductMetadataUpdate>> {
    return this.metadata.edit(meta, 'product', String(data.product_id), data.changes);
  }

  @RpcHandler(IndexerPatterns.ProductMetadataGenerate, { roles: WRITERS, action: 'Generating metadata' })
  generateProductMetadata(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: GenerateProductMetadataCommand,
  ): Promise<ResultOf<typeof IndexerPatterns.ProductMetadataGenerate>> {
    return this.metadata.generate(meta, 'product', String(data.product_id), {
      force: data.force,
      replaceEdits: data.replace_edits,
    });
  }
}
