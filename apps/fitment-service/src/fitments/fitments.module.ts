import { Module } from '@nestjs/common';
import { AiJobsRepository } from '../ai-jobs/ai-jobs.repository.js';
import { FitmentsRepository } from './fitments.repository.js';
import { JobSettlement } from './job-settlement.js';

/**
 * What generation (AiJobsModule) and review (ReviewModule) both write: the fitments, the counts of
 * their job in `ai_jobs`, and JobSettlement, which keeps the job row in step with those counts. Both
 * features stand on this module, so neither needs the other's (the AI jobs API also answers a job's
 * review, so AiJobsModule imports ReviewModule).
 */
@Module({
  providers: [
    { provide: AiJobsRepository, useValue: new AiJobsRepository() },
    { provide: FitmentsRepository, useValue: new FitmentsRepository() },
    JobSettlement,
  ],
  exports: [AiJobsRepository, FitmentsRepository, JobSettlement],
})
export class FitmentsModule {}
