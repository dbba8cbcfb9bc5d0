import type { AssistantAnswerCommand, AssistantAnswerDto } from './assistant.dto.js';
import type { AuditAcceptedDto, IndexAdminRequestDto, RebuildAcceptedDto } from './index-admin.dto.js';
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
} as const;

/** Payload and result of each indexer pattern. */
export interface IndexerMessageContracts {
  [IndexerPatterns.SearchProducts]: { payload: SearchProductsQueryDto; result: SearchResultDto };
  [IndexerPatterns.IndexRebuild]: { payload: IndexAdminRequestDto; result: RebuildAcceptedDto };
  [IndexerPatterns.IndexAudit]: { payload: IndexAdminRequestDto; result: AuditAcceptedDto };
  [IndexerPatterns.AssistantAnswer]: { payload: AssistantAnswerCommand; result: AssistantAnswerDto };
}
