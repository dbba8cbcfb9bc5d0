import { Module } from '@nestjs/common';
import { FitmentsModule } from '../fitments/fitments.module.js';
import { VehiclesModule } from '../vehicles/vehicles.module.js';
import { ReviewRpcController } from './review.rpc-controller.js';
import { ReviewService } from './review.service.js';

/** Review of generated fitments: lists and findings, approve/reject, edits checked against the vehicle catalog. */
@Module({
  imports: [FitmentsModule, VehiclesModule],
  controllers: [ReviewRpcController],
  providers: [ReviewService],
  exports: [ReviewService],
})
export class ReviewModule {}
