import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { JOB_STATUSES, type JobStatus } from '../jobs/job-status.js';
import { IsProductIds } from '../catalog/catalog.commands.js';
import {
  FITMENT_JOB_TYPES,
  MAX_JOB_PRODUCTS,
  TASK_STATES,
  type FitmentJobType,
  type TaskState,
} from './fitment-fields.js';

/** `POST /api/data-uploads/ai-fitment-jobs/` with a JSON body (legacy spec 000): a job for catalog products. */
export class CreateAiFitmentJobDto {
  @ApiProperty({
    type: [Number],
    description: `Catalog product ids (1 to ${MAX_JOB_PRODUCTS}); duplicates count once.`,
    example: [26, 31, 28],
  })
  @IsProductIds(1, MAX_JOB_PRODUCTS)
  product_ids!: number[];

  @ApiPropertyOptional({
    enum: ['selection'],
    default: 'selection',
    description: 'Always `selection` with a JSON body; an `upload` job is a multipart form with `product_file`.',
  })
  @IsOptional()
  @IsIn(['selection'], {
    message: 'job_type must be selection with a JSON body (send a multipart form with product_file for upload)',
  })
  job_type?: 'selection';
}

/** The text fields of the multipart form of an `upload` job; a field after `product_file` is not read. */
export class AiFitmentUploadFormDto {
  @ApiPropertyOptional({
    enum: ['upload'],
    example: 'upload',
    description: 'Optional: a form with product_file is an upload job.',
  })
  @IsOptional()
  @IsIn(['upload'], { message: 'job_type must be upload with a product_file form' })
  job_type?: 'upload';
}

/** A job as the legacy API's AI Jobs tab shows it. */
export class AiFitmentJobDto {
  @ApiProperty({ format: 'uuid', example: '25ccb02a-3b02-49dd-8f6e-4e4e5dacb5ff' })
  id!: string;

  @ApiProperty({ enum: FITMENT_JOB_TYPES })
  job_type!: FitmentJobType;

  @ApiProperty({
    enum: JOB_STATUSES,
    description: 'queued -> processing -> review_required -> completed; or failed, cancelled.',
  })
  status!: JobStatus;

  @ApiProperty({ description: 'Products (or file rows) the job covers.', example: 3 })
  product_count!: number;

  @ApiProperty({ description: 'Products done so far.', example: 3 })
  products_processed!: number;

  @ApiProperty({ description: 'Fitments generated.', example: 15 })
  fitments_count!: number;

  @ApiProperty({ example: 0 })
  approved_count!: number;

  @ApiProperty({ example: 0 })
  rejected_count!: number;

  @ApiProperty({ description: 'fitments_count - approved_count - rejected_count.', example: 15 })
  pending_count!: number;

  @ApiProperty({
    type: [Number],
    description:
      'Catalog products of a selection job (and those a file named by id); the job list shows the first 100.',
    example: [26, 31, 28],
  })
  product_ids!: number[];

  @ApiProperty({ description: 'Name of the uploaded file of an upload job; empty otherwise.', example: '' })
  product_file_name!: string;

  @ApiProperty({ description: 'Percentage of products done, 0-100.', example: 100 })
  progress_percent!: number;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  started_at!: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  completed_at!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why the job failed.' })
  error_message!: string | null;
}

export class AiFitmentJobCreatedDto {
  @ApiProperty({ format: 'uuid' })
  job_id!: string;

  @ApiProperty({ enum: JOB_STATUSES, example: 'queued' })
  status!: JobStatus;

  @ApiProperty({ example: 'AI fitment job created successfully and queued for processing' })
  message!: string;

  @ApiProperty({ type: AiFitmentJobDto })
  job!: AiFitmentJobDto;
}

export class AiFitmentJobListDto {
  @ApiProperty({ type: [AiFitmentJobDto], description: "The tenant's AI fitment jobs, newest first." })
  data!: AiFitmentJobDto[];
}

export class ListAiFitmentJobsQueryDto {
  @ApiPropertyOptional({ enum: JOB_STATUSES })
  @IsOptional()
  @IsIn(JOB_STATUSES)
  status?: JobStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100, description: 'Newest jobs returned at most.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class TaskInfoDto {
  @ApiProperty({ description: 'Products done.', example: 2 })
  current!: number;

  @ApiProperty({ description: 'Products in the job.', example: 3 })
  total!: number;

  @ApiProperty({ example: 'Processing products...' })
  status!: string;
}

export class TaskStatusDto {
  @ApiProperty({
    enum: TASK_STATES,
    description:
      'PENDING (queued), PROGRESS (processing), SUCCESS (review_required or completed), FAILURE, REVOKED (cancelled).',
  })
  state!: TaskState;

  @ApiProperty({ type: TaskInfoDto })
  info!: TaskInfoDto;
}

export class AiFitmentJobProgressDto {
  @ApiProperty({ type: AiFitmentJobDto })
  job!: AiFitmentJobDto;

  @ApiProperty({ type: TaskStatusDto })
  task_status!: TaskStatusDto;
}

/** Body of the legacy API's bulk-approve and bulk-reject. */
export class FitmentIdsDto {
  @ApiProperty({ type: [String], format: 'uuid', example: ['5b0c3f3e-3b0a-4a53-9b8e-0b6f2f0a1c11'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  fitment_ids!: string[];
}
