import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_PRODUCT_ID } from '../catalog/catalog.commands.js';
import { MAX_PAGE, PageMetaDto } from '../jobs/page.dto.js';
import { VehicleFilterDto } from './vehicle.dto.js';
import {
  FINDING_CODES,
  FITMENT_SORTS,
  FITMENT_SOURCES,
  FITMENT_STATUSES,
  MAX_FITMENT_PAGE,
  MAX_REVIEW_IDS,
  REVIEW_ACTIONS,
  type FindingCode,
  type FitmentSort,
  type FitmentSource,
  type FitmentStatus,
  type ReviewAction,
} from './fitment-fields.js';

export class FindingDto {
  @ApiProperty({ enum: FINDING_CODES })
  code!: FindingCode;

  @ApiProperty({ example: 'Fitment 9f1c... of the same part names the same vehicle (job 25ccb02a...)' })
  message!: string;

  @ApiProperty({ type: [String], description: 'The other fitments involved.' })
  fitment_ids!: string[];
}

/** One generated fitment: the legacy API's fields first, then the catalog ids and review fields. */
export class FitmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'BRAKE001', description: "Part number (the legacy API's part_id)." })
  part_id!: string;

  @ApiProperty({ example: 'Front Brake Rotor - Vented' })
  part_description!: string;

  @ApiProperty({ example: 2020 })
  year!: number;

  @ApiProperty({ example: 'Honda' })
  make!: string;

  @ApiProperty({ example: 'Civic' })
  model!: string;

  @ApiProperty({ example: 'LX', description: 'Empty when the fitment covers every submodel of the base vehicle.' })
  submodel!: string;

  @ApiProperty({ example: 0.95, minimum: 0, maximum: 1 })
  confidence_score!: number;

  @ApiProperty({
    example:
      'The description says "Fits 2016-2021 Honda Civic LX, EX": make, model and submodel named; 2020 is in the range.',
  })
  ai_reasoning!: string;

  @ApiProperty({ enum: FITMENT_STATUSES })
  status!: FitmentStatus;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The job that generated it (null once that job record was cleaned up).',
  })
  job_id!: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Catalog product id; null for a row of an uploaded file that named none.',
  })
  product_id!: number | null;

  @ApiProperty({ example: '2.0L I4', description: 'Empty when the fitment covers every engine.' })
  engine!: string;

  @ApiProperty({ description: 'Vehicle catalog base vehicle (year + make + model) id.', example: 11012020 })
  base_vehicle_id!: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Vehicle catalog configuration id, when submodel and engine name exactly one.',
  })
  vehicle_id!: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  submodel_id!: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  engine_id!: number | null;

  @ApiProperty({
    enum: FITMENT_SOURCES,
    description:
      'text: read from the part; similar: learnt from approved fitments of similar parts; provider: the AI provider.',
  })
  source!: FitmentSource;

  @ApiProperty({ example: 'Brake Rotors', description: 'Part type (the product category).' })
  part_type!: string;

  @ApiProperty({ example: 2, minimum: 1 })
  qty!: number;

  @ApiProperty({ example: 'Front' })
  position!: string;

  @ApiProperty({ example: '' })
  notes!: string;

  @ApiProperty({ description: 'Goes up with every change; an edit must name the revision it was made on.', example: 1 })
  revision!: number;

  @ApiProperty({ type: [FindingDto] })
  findings!: FindingDto[];

  @ApiPropertyOptional({ type: String, nullable: true })
  reviewed_by!: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  reviewed_at!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

/** Filters of fitment lists and of review by filter. */
export class FitmentFilterDto extends VehicleFilterDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this job's fitments." })
  @IsOptional()
  @IsUUID()
  job_id?: string;

  @ApiPropertyOptional({ enum: FITMENT_STATUSES })
  @IsOptional()
  @IsIn(FITMENT_STATUSES)
  status?: FitmentStatus;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, example: 0.9, description: 'confidence_score >= this.' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  min_confidence?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'confidence_score <= this.' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  max_confidence?: number;

  @ApiPropertyOptional({ example: 'BR-54132', description: 'Part number, exact.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  part_id?: string;

  @ApiPropertyOptional({ example: 26 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PRODUCT_ID)
  product_id?: number;
}

export class ListFitmentsQueryDto extends FitmentFilterDto {
  @ApiPropertyOptional({ enum: FITMENT_SORTS, default: 'part', description: '`confidence`: lowest confidence first.' })
  @IsOptional()
  @IsIn(FITMENT_SORTS)
  sort?: FitmentSort;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_FITMENT_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FITMENT_PAGE)
  limit?: number;
}

/** The legacy API's fitments of a job: the query of the list without the job (it is in the path) and part filters. */
export class JobFitmentsQueryDto extends OmitType(ListFitmentsQueryDto, ['job_id', 'part_id', 'product_id'] as const) {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_FITMENT_PAGE, default: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FITMENT_PAGE)
  override limit?: number;
}

export class FitmentPageDto {
  @ApiProperty({ type: [FitmentDto] })
  data!: FitmentDto[];

  @ApiProperty({ type: PageMetaDto })
  meta!: PageMetaDto;
}

export class PartFindingDto {
  @ApiProperty({ example: 'BR-54132' })
  part_id!: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  product_id!: number | null;

  @ApiProperty({ enum: FINDING_CODES })
  code!: FindingCode;

  @ApiProperty({ example: 'Years 2027 of Honda Civic are not in the vehicle catalog' })
  message!: string;
}

export class FindingCountsDto {
  @ApiProperty({ description: 'Fitments of the job with a live duplicate (same part, same vehicle).' })
  duplicate!: number;

  @ApiProperty({ description: 'Fitments of the job that overlap another live fitment of the same part.' })
  overlap!: number;

  @ApiProperty({ description: 'Products whose text named years the catalog does not have.' })
  years_not_in_catalog!: number;

  @ApiProperty({ description: 'Products for which no fitment was found.' })
  products_without_fitments!: number;
}

/** `GET /api/data-uploads/ai-fitment-jobs/{job_id}/fitments/` (legacy spec 000), plus paging and findings. */
export class JobFitmentsDto {
  @ApiProperty({ type: [FitmentDto] })
  fitments!: FitmentDto[];

  @ApiProperty({ description: 'Fitments of the job.', example: 15 })
  total_count!: number;

  @ApiProperty({ example: 15 })
  pending_count!: number;

  @ApiProperty({ example: 0 })
  approved_count!: number;

  @ApiProperty({ example: 0 })
  rejected_count!: number;

  @ApiProperty({ description: "Fitments matching the query's filters (all pages).", example: 15 })
  filtered_count!: number;

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 1000 })
  limit!: number;

  @ApiProperty({ type: FindingCountsDto })
  finding_counts!: FindingCountsDto;

  @ApiProperty({ type: [PartFindingDto], description: "Findings about the job's products (first 200)." })
  part_findings!: PartFindingDto[];
}

export class UpdateFitmentDto {
  @ApiProperty({
    description: 'The revision the change was made on; a newer one on the server answers 409.',
    example: 1,
  })
  @IsInt()
  @Min(1)
  revision!: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'EX',
    description: 'Submodel name of the base vehicle in the catalog; null or empty: every submodel.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  submodel?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2.0L I4',
    description: 'Engine name in the catalog; null or empty: every engine.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  engine?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 999 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  qty?: number;

  @ApiPropertyOptional({ maxLength: 50, example: 'Front' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  position?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

/** Approve or reject one fitment; with a revision, a newer one on the server answers 409. */
export class ReviewOneDto {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;
}

/** Approve or reject a list of fitments, or every fitment matching a filter. */
export class ReviewFitmentsDto {
  @ApiProperty({ enum: REVIEW_ACTIONS })
  @IsIn(REVIEW_ACTIONS)
  action!: ReviewAction;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'The fitments; give these or `filter`.' })
  @ValidateIf((o: ReviewFitmentsDto) => o.filter === undefined || o.fitment_ids !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REVIEW_IDS)
  @IsUUID('all', { each: true })
  fitment_ids?: string[];

  @ApiPropertyOptional({
    type: FitmentFilterDto,
    description:
      'Every fitment of the tenant matching it, e.g. `{"status": "pending", "min_confidence": 0.9}`; give this or `fitment_ids`.',
  })
  @ValidateIf((o: ReviewFitmentsDto) => o.fitment_ids === undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => FitmentFilterDto)
  filter?: FitmentFilterDto;
}

export class JobCountsDto {
  @ApiProperty({ format: 'uuid' })
  job_id!: string;

  @ApiProperty({ enum: ['queued', 'processing', 'review_required', 'completed', 'failed', 'cancelled'] })
  status!: string;

  @ApiProperty()
  total_count!: number;

  @ApiProperty()
  pending_count!: number;

  @ApiProperty()
  approved_count!: number;

  @ApiProperty()
  rejected_count!: number;
}

export class ReviewResultDto {
  @ApiProperty({ example: '2 fitments approved' })
  message!: string;

  @ApiProperty({ enum: REVIEW_ACTIONS })
  action!: ReviewAction;

  @ApiProperty({ description: 'Fitments whose status changed.', example: 2 })
  updated_count!: number;

  @ApiProperty({ description: 'Fitments that already had that status.', example: 0 })
  unchanged_count!: number;

  @ApiProperty({
    type: [String],
    description: 'Ids given that name no fitment (of this job, for the legacy API routes).',
  })
  not_found_ids!: string[];

  @ApiProperty({ type: [JobCountsDto], description: 'Counts of every job touched, after the change.' })
  jobs!: JobCountsDto[];
}

/** The legacy API's bulk-approve / bulk-reject answer: the review result plus the job's counts at the top. */
export class JobReviewResultDto extends IntersectionType(
  ReviewResultDto,
  PickType(JobCountsDto, ['total_count', 'pending_count', 'approved_count', 'rejected_count'] as const),
) {
  @ApiProperty({ example: 'review_required' })
  job_status!: string;
}
