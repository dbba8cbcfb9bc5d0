import {
  CreateProjectDto,
  IndexerPatterns,
  ListProjectsQueryDto,
  ProjectRefCommand,
  UpdateProjectCommand,
  type RequestMeta,
  type ResultOf,
} from '@torque/contracts';
import { RpcController, RpcData, RpcHandler, RpcMeta } from '@torque/platform';
import { ProjectsService } from './projects.service.js';

const WRITERS = ['admin', 'operator', 'reviewer'] as const;

/** Projects over RabbitMQ (the gateway's /api/v1/projects routes). */
@RpcController()
export class ProjectsRpcController {
  constructor(private readonly projects: ProjectsService) {}

  @RpcHandler(IndexerPatterns.ProjectsList)
  list(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ListProjectsQueryDto,
  ): Promise<ResultOf<typeof IndexerPatterns.ProjectsList>> {
    return this.projects.list(meta, data);
  }

  @RpcHandler(IndexerPatterns.ProjectsGet)
  get(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ProjectRefCommand,
  ): Promise<ResultOf<typeof IndexerPatterns.ProjectsGet>> {
    return this.projects.get(meta, data.project_id);
  }

  @RpcHandler(IndexerPatterns.ProjectsCreate, { roles: WRITERS, action: 'Creating a project' })
  create(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: CreateProjectDto,
  ): Promise<ResultOf<typeof IndexerPatterns.ProjectsCreate>> {
    return this.projects.create(meta, data);
  }

  @RpcHandler(IndexerPatterns.ProjectsUpdate, { roles: WRITERS, action: 'Changing a project' })
  update(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: UpdateProjectCommand,
  ): Promise<ResultOf<typeof IndexerPatterns.ProjectsUpdate>> {
    return this.projects.update(meta, data.project_id, data.changes);
  }

  @RpcHandler(IndexerPatterns.ProjectsDelete, { roles: WRITERS, action: 'Deleting a project' })
  async delete(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ProjectRefCommand,
  ): Promise<ResultOf<typeof IndexerPatterns.ProjectsDelete>> {
    await this.projects.delete(meta, data.project_id);
    return { deleted: true };
  }
}
