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
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { uuidParam } from '../http/job-id.pipe.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { PROJECT_ID_PARAM, PROJECT_WRITERS } from './projects.controller.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

export const GENERATE_DESCRIPTION =
  'Without `force`, metadata already generated for the unchanged content (same content hash) is answered at once ' +
  '(200, `status: existing`, no job). Otherwise (no metadata, changed content, or `force=true`) a generation job ' +
  'starts (202, `status: scheduled`, `task_id` and the job; a queued or running generation of the same document ' +
  'is answered instead): follow it in /api/v1/jobs/{task_id}, the event stream, or cancel it. Generations run at ' +
  'most METADATA_RATE_LIMIT per METADATA_RATE_WINDOW_MS (10 a minute) across all workers. A person’s edits are ' +
  'kept: the new summary and tags become the `suggestion` beside them, unless `replace_edits=true` (with force).';

/** The seed's generate route and the metadata of a project. */
@ApiTags('projects')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller()
export class ProjectMetadataController {
  constructor(private readonly clients: ServiceClientsService) {}

  /** The seed's path, with and without its trailing slash (the router ignores it). */
  @Post('api/projects/:project_id/generate_metadata')
  @Roles(...PROJECT_WRITERS)
  @ApiOperation({
    summary: 'Generate the summary and tags of a project (seed 003 path)',
    description: GENERATE_DESCRIPTION,
    operationId: 'generateProjectMetadata',
  })
  @ApiParam(PROJECT_ID_PARAM)
  @ApiOkResponse({ type: GenerateMetadataAcceptedDto, description: 'Metadata of the unchanged content; no job' })
  @ApiAcceptedResponse({ type: GenerateMetadataAcceptedDto, description: 'A generation job' })
  @ApiErrors(404)
  async generate(
    @Meta() meta: RequestMeta,
    @Param('project_id', uuidParam('project_id')) id: string,
    @Query() query: GenerateMetadataQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GenerateMetadataAcceptedDto> {
    const answer = await this.clients.send(
      'indexer',
      IndexerPatterns.ProjectMetadataGenerate,
      { project_id: id, force: query.force ?? false, replace_edits: query.replace_edits ?? false },
      meta,
    );
    void reply.status(answer.status === 'existing' ? 200 : 202);
    return answer;
  }

  @Get('api/v1/projects/:project_id/metadata')
  @ApiOperation({
    summary: 'The metadata of a project',
    description:
      'The summary and tags in force (a person’s edits, else generated), the suggestion beside edits, provider, model, tokens. 404 before any.',
    operationId: 'getProjectMetadata',
  })
  @ApiParam(PROJECT_ID_PARAM)
  @ApiOkResponse({ type: MetadataDto })
  @ApiErrors(404)
  get(@Meta() meta: RequestMeta, @Param('project_id', uuidParam('project_id')) id: string): Promise<MetadataDto> {
    return this.clients.send('indexer', IndexerPatterns.ProjectMetadataGet, { project_id: id }, meta);
  }

  @Patch('api/v1/projects/:project_id/metadata')
  @Roles(...PROJECT_WRITERS)
  @ApiOperation({
    summary: 'Edit the summary and/or tags of a project',
    description:
      'A person’s summary and tags (3-12 once normalized) win over every later generation, nightly or forced, until a forced generation with `replace_edits=true`.',
    operationId: 'editProjectMetadata',
  })
  @ApiParam(PROJECT_ID_PARAM)
  @ApiOkResponse({ type: MetadataDto })
  @ApiErrors(404)
  edit(
    @Meta() meta: RequestMeta,
    @Param('project_id', uuidParam('project_id')) id: string,
    @Body() body: UpdateMetadataDto,
  ): Promise<MetadataDto> {
    return this.clients.send('indexer', IndexerPatterns.ProjectMetadataUpdate, { project_id: id, changes: body }, meta);
  }
}
