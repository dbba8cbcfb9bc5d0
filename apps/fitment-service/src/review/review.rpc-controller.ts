import { Controller, UseFilters, UseInterceptors } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  FitmentPatterns,
  FitmentRefCommand,
  ListFitmentsCommand,
  ReviewFitmentsCommand,
  ReviewOneCommand,
  UpdateFitmentCommand,
  type ResultOf,
} from '@torque/contracts';
import { parseRpc, RmqAckInterceptor, RpcErrorFilter, runWithContext } from '@torque/platform';
import { requireRole, REVIEWER_ROLES } from '../common/roles.js';
import { ReviewService } from './review.service.js';

/** Review of fitments over RabbitMQ (the gateway's /api/v1/fitment/fitments routes). */
@UseInterceptors(RmqAckInterceptor)
@UseFilters(RpcErrorFilter)
@Controller()
export class ReviewRpcController {
  constructor(private readonly review: ReviewService) {}

  @MessagePattern(FitmentPatterns.FitmentsList)
  async list(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.FitmentsList>> {
    const { meta, data } = parseRpc(ListFitmentsCommand, raw);
    return runWithContext(meta, () => this.review.list(meta.tenantId, data));
  }

  @MessagePattern(FitmentPatterns.FitmentsGet)
  async get(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.FitmentsGet>> {
    const { meta, data } = parseRpc(FitmentRefCommand, raw);
    return runWithContext(meta, () => this.review.get(meta.tenantId, data.id));
  }

  @MessagePattern(FitmentPatterns.FitmentsUpdate)
  async update(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.FitmentsUpdate>> {
    const { meta, data } = parseRpc(UpdateFitmentCommand, raw);
    requireRole(meta, REVIEWER_ROLES, 'Editing fitments');
    return runWithContext(meta, () => this.review.update(meta, data.id, data.changes));
  }

  @MessagePattern(FitmentPatterns.FitmentsReviewOne)
  async reviewOne(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.FitmentsReviewOne>> {
    const { meta, data } = parseRpc(ReviewOneCommand, raw);
    requireRole(meta, REVIEWER_ROLES, 'Reviewing fitments');
    return runWithContext(meta, () => this.review.reviewOne(meta, data.id, data.action, data.revision));
  }

  @MessagePattern(FitmentPatterns.FitmentsReview)
  async reviewMany(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.FitmentsReview>> {
    const { meta, data } = parseRpc(ReviewFitmentsCommand, raw);
    requireRole(meta, REVIEWER_ROLES, 'Reviewing fitments');
    return runWithContext(meta, () => this.review.review(meta, data.action, data.fitment_ids, data.filter));
  }
}
