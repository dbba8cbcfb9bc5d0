import { Injectable } from '@nestjs/common';
import {
  MessagePatterns,
  SERVICE_NAMES,
  type JobPageDto,
  type JobViewDto,
  type ListJobsQueryDto,
  type RequestMeta,
  type ServiceName,
} from '@torque/contracts';
import { ApiError } from '../http/http-error.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { JobsListCache } from './jobs-list-cache.js';

/** Deepest row a page may reach: each service returns up to this many rows for the merge. */
const MAX_WINDOW = 10_000;

function newestFirst(a: JobViewDto, b: JobViewDto): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The unified jobs API: asks the services that own jobs and merges their answers. */
@Injectable()
export class JobsGatewayService {
  constructor(
    private readonly clients: ServiceClientsService,
    private readonly cache: JobsListCache,
  ) {}

  /**
   * Each service returns its newest `page * limit` jobs matching the filter; merging those and
   * taking the requested slice gives the exact page of the combined, newest-first list. A service's answer
   * comes from JobsListCache while none of its jobs of the tenant changed.
   */
  async list(meta: RequestMeta, query: ListJobsQueryDto): Promise<JobPageDto> {
    const services: readonly ServiceName[] = query.service ? [query.service] : SERVICE_NAMES;
    const offset = (query.page - 1) * query.limit;
    if (offset + query.limit > MAX_WINDOW) {
      throw new ApiError(400, 'validation_failed', 'The page is too deep; narrow the filter instead', {
        page: [`page * limit must not exceed ${MAX_WINDOW}`],
      });
    }
    const command = { type: query.type, status: query.status, offset: 0, limit: offset + query.limit };
    const key = `${command.type ?? ''}\u0000${command.status ?? ''}\u0000${command.limit}`;
    const pages = await Promise.all(
      services.map((s) =>
        this.cache.page(meta.tenantId, s, key, () => this.clients.send(s, MessagePatterns.JobsList, command, meta)),
      ),
    );
    const merged = pages.flatMap((p) => p.data).sort(newestFirst);
    return {
      data: merged.slice(offset, offset + query.limit),
      meta: { page: query.page, limit: query.limit, total: pages.reduce((n, p) => n + p.meta.total, 0) },
    };
  }

  async get(meta: RequestMeta, jobId: string): Promise<JobViewDto> {
    return (await this.locate(meta, jobId)).job;
  }

  async cancel(meta: RequestMeta, jobId: string): Promise<JobViewDto> {
    const { service } = await this.locate(meta, jobId);
    return this.clients.send(service, MessagePatterns.JobsCancel, { jobId }, meta);
  }

  /** Finds the service that owns a job: all are asked at once, the owner answers, the others say 404. */
  private async locate(meta: RequestMeta, jobId: string): Promise<{ service: ServiceName; job: JobViewDto }> {
    const answers = await Promise.allSettled(
      SERVICE_NAMES.map((s) => this.clients.send(s, MessagePatterns.JobsGet, { jobId }, meta)),
    );
    let failure: unknown = null;
    for (const [i, answer] of answers.entries()) {
      if (answer.status === 'fulfilled') return { service: SERVICE_NAMES[i], job: answer.value };
      const notFound = answer.reason instanceof ApiError && answer.reason.getStatus() === 404;
      if (!notFound) failure ??= answer.reason;
    }
    if (failure) throw failure;
    throw new ApiError(404, 'not_found', `Job ${jobId} not found`);
  }
}
