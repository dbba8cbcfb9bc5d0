import { Injectable } from '@nestjs/common';
import type {
  CreateProjectDto,
  ListProjectsQueryDto,
  ProjectDto,
  ProjectPageDto,
  RequestMeta,
  UpdateProjectDto,
} from '@torque/contracts';
import { UseCaseError } from '@torque/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { contentHash } from '../metadata/metadata-text.js';
import { ProjectsRepository, toProjectDto } from './projects.repository.js';

export const projectNotFound = (id: string) => new UseCaseError(404, 'not_found', `Project ${id} not found`);

/** Projects: documents of a tenant (title, content, draft or published), the subjects of metadata generation. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: ProjectsRepository,
  ) {}

  async create(meta: RequestMeta, body: CreateProjectDto): Promise<ProjectDto> {
    const row = await this.repo.insert(this.dataSource.manager, {
      id: randomUUID(),
      tenant_id: meta.tenantId,
      title: body.title,
      content: body.content,
      status: body.status ?? 'draft',
      content_hash: contentHash(body.title, body.content),
      created_by: meta.userId ?? null,
    });
    return toProjectDto(row);
  }

  async get(meta: RequestMeta, id: string): Promise<ProjectDto> {
    const row = await this.repo.get(this.dataSource.manager, meta.tenantId, id);
    if (!row) throw projectNotFound(id);
    return toProjectDto(row);
  }

  async list(meta: RequestMeta, query: ListProjectsQueryDto): Promise<ProjectPageDto> {
    const { rows, total } = await this.repo.list(
      this.dataSource.manager,
      meta.tenantId,
      query.status,
      (query.page - 1) * query.limit,
      query.limit,
    );
    return { data: rows.map(toProjectDto), meta: { page: query.page, limit: query.limit, total } };
  }

  async update(meta: RequestMeta, id: string, changes: UpdateProjectDto): Promise<ProjectDto> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.repo.get(em, meta.tenantId, id, { forUpdate: true });
      if (!row) throw projectNotFound(id);
      const title = changes.title ?? row.title;
      const content = changes.content ?? row.content;
      const updated = await this.repo.update(em, meta.tenantId, id, {
        title,
        content,
        status: changes.status ?? row.status,
        content_hash: contentHash(title, content),
      });
      return toProjectDto(updated);
    });
  }

  async delete(meta: RequestMeta, id: string): Promise<void> {
    const deleted = await this.dataSource.transaction((em) => this.repo.delete(em, meta.tenantId, id));
    if (!deleted) throw projectNotFound(id);
  }
}
