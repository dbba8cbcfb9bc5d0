import { Module } from '@nestjs/common';
import { SearchRpcController } from './search.rpc-controller.js';
import { SearchRepository } from './search.repository.js';
import { SearchService } from './search.service.js';

/**
 * Product search. SEMANTIC_RANKER comes from the global SemanticModule: the embeddings' ranking, or
 * NoSemanticRanker (lexical search only) when EMBEDDINGS_PROVIDER is `none`.
 */
@Module({
  controllers: [SearchRpcController],
  providers: [{ provide: SearchRepository, useValue: new SearchRepository() }, SearchService],
  exports: [SearchService],
})
export class SearchModule {}
