import { Module } from '@nestjs/common';
import { SearchRpcController } from './search.rpc-controller.js';
import { SearchRepository } from './search.repository.js';
import { SearchService } from './search.service.js';
import { NoSemanticRanker, SEMANTIC_RANKER } from './semantic-ranker.js';

/**
 * Product search. SEMANTIC_RANKER is NoSemanticRanker (lexical search only) until an embeddings module provides
 * one (override the provider).
 */
@Module({
  controllers: [SearchRpcController],
  providers: [
    { provide: SearchRepository, useValue: new SearchRepository() },
    { provide: SEMANTIC_RANKER, useClass: NoSemanticRanker },
    SearchService,
  ],
  exports: [SearchService],
})
export class SearchModule {}
