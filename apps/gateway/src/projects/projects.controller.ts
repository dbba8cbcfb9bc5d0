import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateProjectDto,
  IndexerPatterns,
  ListProjectsQueryDto,
  MAX_PROJECT_CONTENT_LENGTH,
  ProjectDto,
  ProjectPageDto,
  UpdateProjectDto,
  type RequestMeta,
} from '@torque/contracts';
import { Meta, Roles } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { uuidParam } from '../http/job-id.pipe.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

export const PROJECT_ID_PARAM = { name: 'project_id', format: 'uuid', description: 'The project' } as const;
export const PROJECT_WRITERS = ['admin', 'operator', 'reviewer'] as const;

@ApiTags('projects')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/projects')
export class ProjectsController {
  constructor(private readonly clients: ServiceClientsService) {}

  @Get()
  @ApiOperation({ summary: "The tenant's projects, newest first", operationId: 'listProjects' })
  @ApiOkResponse({ type: ProjectPageDto })
  list(@Meta() meta: RequestMeta, @Query() query: ListProjectsQueryDto): Promise<ProjectPageDto> {
    return this.clients.send('indexer', IndexerPatterns.ProjectsList, query, meta);
  }

  @Post()
  @Roles(...PROJECT_WRITERS)
  @ApiOperation({
    summary: 'Create a project',
    description: `A document of the tenant: title, content (at most ${MAX_PROJECT_CONTENT_LENGTH} characters; longer is 400 naming \`content\`) and status (draft by default).`,
    operationId: 'createProject',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeat-safe submission: the same key and body replay the first answer',
  })
  @ApiCreatedResponse({ type: ProjectDto })
  @ApiErrors(409, 422)
  create(@Meta() meta: RequestMeta, @Body() body: CreateProjectDto): Promise<ProjectDto> {
    return this.clients.send('indexer', IndexerPatterns.ProjectsCreate, body, meta);
  }

  @Get(':project_id')
  @ApiOperation({ summary: 'One project', operationId: 'getProject' })
  @ApiParam(PROJECT_ID_PARAM)
  @ApiOkResponse({ type: ProjectDto })
  @ApiErrors(404)
  get(@Meta() meta: RequestMeta, @Param('project_id', uuidParam('project_id')) id: string): Promise<ProjectDto> {
    return this.clients.send('indexer', IndexerPatterns.ProjectsGet, { project_id: id }, meta);
  }

  @Patch(':project_id')
  @Roles(...PROJECT_WRITERS)
  @ApiOperation({
    summary: 'Change fields of a project',
    description:
      'Only the fields given change. A new title or content changes `content_hash`: metadata is then stale and regenerated (on request or nightly).',
    operationId: 'updateProject',
  })
  @ApiParam(PROJECT_ID_PARAM)
  @ApiOkResponse({ type: ProjectDto })
  @ApiErrors(404)
  update(
    @Meta() meta: RequestMeta,
    @Param('project_id', uuidParam('project_id')) id: string,
    @Body() body: UpdateProjectDto,
  ): Promise<ProjectDto> {
    return this.clients.send('indexer', IndexerPatterns.ProjectsUpdate, { project_id: id, changes: body }, meta);
  }

  @Delete(':project_id')
  @HttpCode(204)
  @Roles(...PROJECT_WRITERS)
  @ApiOperation({ summary: 'Delete a project and its metadata', operationId: 'deleteProject' })
  @ApiParam(PROJECT_ID_PARAM)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(404)
  async delete(@Meta() meta: RequestMeta, @Param('project_id', uuidParam('project_id')) id: string): Promise<void> {
    await this.clients.send('indexer', IndexerPatterns.ProjectsDelete, { project_id: id }, meta);
  }
}
