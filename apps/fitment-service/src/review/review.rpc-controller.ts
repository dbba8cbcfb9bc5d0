import {
  ApprovedVehiclesCommand,
  FitmentPatterns,
  FitmentRefCommand,
  ListFitmentsCommand,
  ReviewFitmentsCommand,
  ReviewOneCommand,
  UpdateFitmentCommand,
  type RequestMeta,
  type ResultOf,
} from '@torque/contracts';
import { RpcController, RpcData, RpcHandler, RpcMeta } from '@torque/platform';
import { REVIEWER_ROLES } from '../common/roles.js';
import { ReviewService } from './review.service.js';

/** Review of fitments over RabbitMQ (the gateway's /api/v1/fitment/fitments routes). */
@RpcController()
export class ReviewRpcController {
  constructor(private readonly review: ReviewService) {}

  @RpcHandler(FitmentPatterns.FitmentsList)
  async list(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ListFitmentsCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.FitmentsList>> {
    return this.review.list(meta.tenantId, data);
  }

  @RpcHandler(FitmentPatterns.FitmentsGet)
  async get(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: FitmentRefCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.FitmentsGet>> {
    return this.review.get(meta.tenantId, data.id);
  }

  @RpcHandler(FitmentPatterns.FitmentsUpdate, { roles: REVIEWER_ROLES, action: 'Editing fitments' })
  async update(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: UpdateFitmentCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.FitmentsUpdate>> {
    return this.review.update(meta, data.id, data.changes);
  }

  @RpcHandler(FitmentPatterns.FitmentsReviewOne, { roles: REVIEWER_ROLES, action: 'Reviewing fitments' })
  async reviewOne(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ReviewOneCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.FitmentsReviewOne>> {
    return this.review.reviewOne(meta, data.id, data.action, data.revision);
  }

  @RpcHandler(FitmentPatterns.FitmentsReview, { roles: REVIEWER_ROLES, action: 'Reviewing fitments' })
  async reviewMany(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ReviewFitmentsCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.FitmentsReview>> {
    return this.review.review(meta, data.action, data.fitment_ids, data.filter);
  }

  @RpcHandler(FitmentPatterns.FitmentsApprovedVehicles)
  async approvedVehicles(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ApprovedVehiclesCommand,
  ): Promise<ResultOf<typeof FitmentPatterns.FitmentsApprovedVehicles>> {
    return this.review.approvedVehicles(meta.tenantId, data.product_ids);
  }
}
