import { Controller, UseFilters, UseInterceptors } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateFitmentJobCommand,
  FitmentJobRefCommand,
  FitmentPatterns,
  JobBulkReviewCommand,
  JobFitmentsCommand,
  ListFitmentJobsCommand,
  type ResultOf,
} from '@torque/contracts';
import { parseRpc, RmqAckInterceptor, RpcErrorFilter, runWithContext } from '@torque/platform';
import { requireRole, REVIEWER_ROLES, SUBMITTER_ROLES } from '../common/roles.js';
import { ReviewService } from '../review/review.service.js';
import { AiJobsService } from './ai-jobs.service.js';

/** The seed's AI fitment jobs API over RabbitMQ (the gateway's /api/data-uploads/ai-fitment-jobs/ routes). */
@UseInterceptors(RmqAckInterceptor)
@UseFilters(RpcErrorFilter)
@Controller()
export class AiJobsRpcController {
  constructor(
    private readonly jobs: AiJobsService,
    private readonly review: ReviewService,
  ) {}

  @MessagePattern(FitmentPatterns.AiJobsCreate)
  async create(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.AiJobsCreate>> {
    const { meta, data } = parseRpc(CreateFitmentJobCommand, raw);
    requireRole(meta, SUBMITTER_ROLES, 'Starting an AI fitment job');
    return runWithContext(meta, () => this.jobs.create(meta, data));
  }

  @MessagePattern(FitmentPatterns.AiJobsList)
  async list(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.AiJobsList>> {
    const { meta, data } = parseRpc(ListFitmentJobsCommand, raw);
    return runWithContext(meta, async () => ({
      data: await this.jobs.list(meta.tenantId, data.status, data.limit ?? 100),
    }));
  }

  @MessagePattern(FitmentPatterns.AiJobsGet)
  async get(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.AiJobsGet>> {
    const { meta, data } = parseRpc(FitmentJobRefCommand, raw);
    return runWithContext(meta, () => this.jobs.get(meta.tenantId, data.job_id));
  }

  @MessagePattern(FitmentPatterns.AiJobsProgress)
  async progress(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.AiJobsProgress>> {
    const { meta, data } = parseRpc(FitmentJobRefCommand, raw);
    return runWithContext(meta, () => this.jobs.progress(meta.tenantId, data.job_id));
  }

  @MessagePattern(FitmentPatterns.AiJobsFitments)
  async fitments(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.AiJobsFitments>> {
    const { meta, data } = parseRpc(JobFitmentsCommand, raw);
    return runWithContext(meta, () => this.review.jobFitments(meta.tenantId, data));
  }

  @MessagePattern(FitmentPatterns.AiJobsBulkReview)
  async bulkReview(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.AiJobsBulkReview>> {
    const { meta, data } = parseRpc(JobBulkReviewCommand, raw);
    requireRole(meta, REVIEWER_ROLES, 'Reviewing fitments');
    return runWithContext(meta, () => this.review.jobBulkReview(meta, data.job_id, data.action, data.fitment_ids));
  }
}
