import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IndexerPatterns, SearchProductsQueryDto, SearchResultDto, type RequestMeta } from '@torque/contracts';
import { Meta } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

@ApiTags('search')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/search')
export class SearchController {
  constructor(private readonly clients: ServiceClientsService) {}

  @Get('products')
  @ApiOperation({
    summary: 'Search the products of the catalog',
    description:
      'Part numbers first (whole, then as a prefix or inside others; case and punctuation ignored, so `KB-70`, `kb70` ' +
      'and `KB70-A` are found by `kb70`), then words of the name, brand, description, category, attributes and ' +
      'approved vehicles; when nothing matches strictly, similar words (typos such as `cermic brake pad`). ' +
      'Filters: brand, category, price range (a product matches when its suppliers’ latest prices overlap it) and ' +
      'vehicle (year, make, model, submodel of approved fitments only). Facets count brand, category and make over ' +
      'all matches. Changes reach the index within seconds of their commit (see README, "Search index").',
    operationId: 'searchProducts',
  })
  @ApiOkResponse({ type: SearchResultDto })
  searchProducts(@Meta() meta: RequestMeta, @Query() query: SearchProductsQueryDto): Promise<SearchResultDto> {
    return this.clients.send('indexer', IndexerPatterns.SearchProducts, query, meta);
  }
}
