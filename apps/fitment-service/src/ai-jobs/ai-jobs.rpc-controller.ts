import {
  CreateFitmentJobCommand,
  FitmentJobRefCommand,
  FitmentPatterns,
  JobBulkReviewCommand,
  JobFitmentsCommand,
  ListFitmentJobsCommand,
  type RequestMeta,
  type ResultOf,
} from '@torque/contracts';
import { RpcController, RpcData, RpcHandler, RpcMeta } from '@torque/platform';
import { ReviewService } from '../review/review.service.js';
import { AiJobsService } from './ai-jobs.service.js';
import { REVIEWER_ROLES, SUBMITTER_ROLES } from '../common/roles.js';

/** The legacy AI fitment jobs API over RabbitMQ (the gateway's /api/data-uploads/ai-fitment-jobs/ routes). */
@RpcController()
export class AiJobsRpcController {
  constructor(
    private readonly jobs: AiJobsService,
    private readonly review: ReviewService,
  ) {}

  @RpcHandler(FitmentPatterns.AiJobsCreate, { roles: SUBMITTER_ROLES, action: 'Starting an AI fitment job' })
  async create(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: CreateFitmentJobCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.AiJobsCreate>> {
    return this.jobs.create(meta, data);
  }

  @RpcHandler(FitmentPatterns.AiJobsList)
  async list(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ListFitmentJobsCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.AiJobsList>> {
    return { data: await this.jobs.list(meta.tenantId, data.status, data.limit ?? 100) };
  }

  @RpcHandler(FitmentPatterns.AiJobsGet)
  async get(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: FitmentJobRefCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.AiJobsGet>> {
    return this.jobs.get(meta.tenantId, data.job_id);
  }

  @RpcHandler(FitmentPatterns.AiJobsProgress)
  async progress(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: FitmentJobRefCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.AiJobsProgress>> {
    return this.jobs.progress(meta.tenantId, data.job_id);
  }

  @RpcHandler(FitmentPatterns.AiJobsFitments)
  async fitments(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: JobFitmentsCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.AiJobsFitments>> {
    return this.review.jobFitments(meta.tenantId, data);
  }

  @RpcHandler(FitmentPatterns.AiJobsBulkReview, { roles: REVIEWER_ROLES, action: 'Reviewing fitments' })
  async bulkReview(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: JobBulkReviewCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.AiJobsBulkReview>> {
    return this.review.jobBulkReview(meta, data.job_id, data.action, data.fitment_ids);
  }
}
