import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  GenerateMetadataAcceptedDto,
  GenerateMetadataQueryDto,
  IndexerPatterns,
  MetadataDto,
  UpdateMetadataDto,
  type RequestMeta,
} from '@torque/contracts';
import type { FastifyReply } from 'fastify';
import { Meta, Roles } from '../auth/auth.decorators.js';
import { IntIdPipe } from '../catalog/int-id.pipe.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { GENERATE_DESCRIPTION } from './project-metadata.controller.js';
import { PROJECT_WRITERS } from './projects.controller.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

const PRODUCT_ID = {
  name: 'product_id',
  schema: { type: 'integer', minimum: 1 },
  description: 'Catalog product id (a product of the search index)',
  example: 1042,
} as const;

/** Metadata of catalog products, generated from their search documents; their tags are searchable. */
@ApiTags('search')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/search/products/:product_id/metadata')
export class ProductMetadataController {
  constructor(private readonly clients: ServiceClientsService) {}

  @Post('generate')
  @Roles(...PROJECT_WRITERS)
  @ApiOperation({
    summary: 'Generate the summary and tags of a catalog product',
    description: `From the product's search document (name, part number, description, brand, category, attributes). ${GENERATE_DESCRIPTION} Once stored, the tags in force are searchable (weighted as the name).`,
    operationId: 'generateProductMetadata',
  })
  @ApiParam(PRODUCT_ID)
  @ApiOkResponse({ type: GenerateMetadataAcceptedDto, description: 'Metadata of the unchanged content; no job' })
  @ApiAcceptedResponse({ type: GenerateMetadataAcceptedDto, description: 'A generation job' })
  @ApiErrors(404)
  async generate(
    @Meta() meta: RequestMeta,
    @Param('product_id', new IntIdPipe('product_id')) id: number,
    @Query() query: GenerateMetadataQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GenerateMetadataAcceptedDto> {
    const answer = await this.clients.send(
      'indexer',
      IndexerPatterns.ProductMetadataGenerate,
      { product_id: id, force: query.force ?? false, replace_edits: query.replace_edits ?? false },
      meta,
    );
    void reply.status(answer.status === 'existing' ? 200 : 202);
    return answer;
  }

  @Get()
  @ApiOperation({ summary: 'The metadata of a catalog product', operationId: 'getProductMetadata' })
  @ApiParam(PRODUCT_ID)
  @ApiOkResponse({ type: MetadataDto })
  @ApiErrors(404)
  get(@Meta() meta: RequestMeta, @Param('product_id', new IntIdPipe('product_id')) id: number): Promise<MetadataDto> {
    return this.clients.send('indexer', IndexerPatterns.ProductMetadataGet, { product_id: id }, meta);
  }

  @Patch()
  @Roles(...PROJECT_WRITERS)
  @ApiOperation({
    summary: 'Edit the summary and/or tags of a catalog product',
    description: 'Kept over every later generation (see the project route); the edited tags become searchable.',
    operationId: 'editProductMetadata',
  })
  @ApiParam(PRODUCT_ID)
  @ApiOkResponse({ type: MetadataDto })
  @ApiErrors(404)
  edit(
    @Meta() meta: RequestMeta,
    @Param('product_id', new IntIdPipe('product_id')) id: number,
    @Body() body: UpdateMetadataDto,
  ): Promise<MetadataDto> {
    return this.clients.send('indexer', IndexerPatterns.ProductMetadataUpdate, { product_id: id, changes: body }, meta);
  }
}
