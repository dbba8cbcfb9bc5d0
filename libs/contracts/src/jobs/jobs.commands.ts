import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, MaxLength } from 'class-validator';
import { JOB_STATUSES, type JobStatus } from './job-status.js';

export class JobsListCommand {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;

  @IsOptional()
  @IsIn(JOB_STATUSES)
  status?: JobStatus;

  /** The service returns its newest `limit` rows after skipping `offset`. */
  @IsInt()
  @Min(0)
  offset!: number;

  @IsInt()
  @Min(1)
  @Max(10_000)
  limit!: number;
}

export class JobRefCommand {
  @IsUUID()
  jobId!: string;
}
