import type { AssistantAnswerCommand, AssistantAnswerDto } from './assistant.dto.js';
import type { AuditAcceptedDto, IndexAdminRequestDto, RebuildAcceptedDto } from './index-admin.dto.js';
import type {
  GenerateMetadataAcceptedDto,
  GenerateProductMetadataCommand,
  GenerateProjectMetadataCommand,
  MetadataDto,
  ProductMetadataCommand,
  ProjectMetadataCommand,
  UpdateProductMetadataCommand,
  UpdateProjectMetadataCommand,
} from './metadata.dto.js';
import type {
  CreateProjectDto,
  ListProjectsQueryDto,
  ProjectDto,
  ProjectPageDto,
  ProjectRefCommand,
  UpdateProjectCommand,
} from './projects.dto.js';
import type { SearchProductsQueryDto, SearchResultDto } from './search.dto.js';

/**
 * Request-reply patterns of the search index (indexer-service). Wire names: never change one without a
 * migration note.
 */
export const IndexerPatterns = {
  SearchProducts: 'indexer.search.products',
  /** Schedules a full rebuild of the tenant's index (role admin). */
  IndexRebuild: 'indexer.index.rebuild',
  /** Schedules a drift audit of the tenant's index (role admin). */
  IndexAudit: 'indexer.index.audit',
  /** Answers a question from the retrieved products (and a chat model when one is configured). */
  AssistantAnswer: 'indexer.assistant.answer',
  /** Projects: documents a tenant owns, and their generated (and edited) summary and tags. */
  ProjectsList: 'indexer.projects.list',
  ProjectsGet: 'indexer.projects.get',
  ProjectsCreate: 'indexer.projects.create',
  ProjectsUpdate: 'indexer.projects.update',
  ProjectsDelete: 'indexer.projects.delete',
  ProjectMetadataGet: 'indexer.projects.metadata.get',
  ProjectMetadataUpdate: 'indexer.projects.metadata.update',
  /** Answers the metadata of unchanged content, or submits an `indexer.metadata.generate` job. */
  ProjectMetadataGenerate: 'indexer.projects.metadata.generate',
  ProductMetadataGet: 'indexer.products.metadata.get',
  ProductMetadataUpdate: 'indexer.products.metadata.update',
  ProductMetadataGenerate: 'indexer.products.metadata.generate',
} as const;

/** Payload and result of each indexer pattern. */
export interface IndexerMessageContracts {
  [IndexerPatterns.SearchProducts]: { payload: SearchProductsQueryDto; result: SearchResultDto };
  [IndexerPatterns.IndexRebuild]: { payload: IndexAdminRequestDto; result: RebuildAcceptedDto };
  [IndexerPatterns.IndexAudit]: { payload: IndexAdminRequestDto; result: AuditAcceptedDto };
  [IndexerPatterns.AssistantAnswer]: { payload: AssistantAnswerCommand; result: AssistantAnswerDto };
  [IndexerPatterns.ProjectsList]: { payload: ListProjectsQueryDto; result: ProjectPageDto };
  [IndexerPatterns.ProjectsGet]: { payload: ProjectRefCommand; result: ProjectDto };
  [IndexerPatterns.ProjectsCreate]: { payload: CreateProjectDto; result: ProjectDto };
  [IndexerPatterns.ProjectsUpdate]: { payload: UpdateProjectCommand; result: ProjectDto };
  [IndexerPatterns.ProjectsDelete]: { payload: ProjectRefCommand; result: { deleted: true } };
  [IndexerPatterns.ProjectMetadataGet]: { payload: ProjectMetadataCommand; result: MetadataDto };
  [IndexerPatterns.ProjectMetadataUpdate]: { payload: UpdateProjectMetadataCommand; result: MetadataDto };
  [IndexerPatterns.ProjectMetadataGenerate]: {
    payload: GenerateProjectMetadataCommand;
    result: GenerateMetadataAcceptedDto;
  };
  [IndexerPatterns.ProductMetadataGet]: { payload: ProductMetadataCommand; result: MetadataDto };
  [IndexerPatterns.ProductMetadataUpdate]: { payload: UpdateProductMetadataCommand; result: MetadataDto };
  [IndexerPatterns.ProductMetadataGenerate]: {
    payload: GenerateProductMetadataCommand;
    result: GenerateMetadataAcceptedDto;
  };
}
