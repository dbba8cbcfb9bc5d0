import { IndexerPatterns, SearchProductsQueryDto, type RequestMeta, type ResultOf } from '@torque/contracts';
import { RpcController, RpcData, RpcHandler, RpcMeta } from '@torque/platform';
import { SearchService } from './search.service.js';

/** Product search over RabbitMQ (the gateway's GET /api/v1/search/products). */
@RpcController()
export class SearchRpcController {
  constructor(private readonly search: SearchService) {}

  @RpcHandler(IndexerPatterns.SearchProducts)
  async searchProducts(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: SearchProductsQueryDto,
  ): Promise<ResultOf<typeof IndexerPatterns.SearchProducts>> {
    return this.search.search(meta.tenantId, data);
  }
}
