import { Module } from '@nestjs/common';
import { AssistantController } from './assistant.controller.js';
import { SearchAdminController } from './search-admin.controller.js';
import { SearchController } from './search.controller.js';

/**
 * HTTP routes of the product search (/api/v1/search/...), its administration (/api/v1/admin/search/...) and the
 * assistant's answers over it (/api/v1/assistant/...).
 */
@Module({ controllers: [SearchController, SearchAdminController, AssistantController] })
export class SearchGatewayModule {}
