import { Module } from '@nestjs/common';
import { SearchAdminController } from './search-admin.controller.js';
import { SearchController } from './search.controller.js';

/** HTTP routes of the product search (/api/v1/search/...) and its administration (/api/v1/admin/search/...). */
@Module({ controllers: [SearchController, SearchAdminController] })
export class SearchGatewayModule {}
