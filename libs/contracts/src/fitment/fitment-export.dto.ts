import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageMetaDto } from '../jobs/page.dto.js';
import {
  EXPORT_FORMATS,
  EXPORT_STATUSES,
  SUBMISSION_TYPES,
  type ExportFormat,
  type ExportStatus,
  type SubmissionType,
} from './fitment-fields.js';

export class CreateFitmentExportDto {
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    default: 'aces',
    description: 'aces: ACES-style XML; csv: one flat row per fitment.',
  })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;

  @ApiPropertyOptional({
    enum: SUBMISSION_TYPES,
    default: 'FULL',
    description:
      'FULL: every approved fitment; NET_CHANGE: adds and deletes since `since_export_id` (default: the latest completed export).',
  })
  @IsOptional()
  @IsIn(SUBMISSION_TYPES)
  submission_type?: SubmissionType;

  @ApiPropertyOptional({ format: 'uuid', description: 'The earlier export a net change is computed against.' })
  @IsOptional()
  @IsUUID()
  since_export_id?: string;

  @ApiPropertyOptional({
    example: 'Jane Parts',
    description: 'Header SenderName (default: the tenant id).',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  sender_name?: string;

  @ApiPropertyOptional({
    example: 'Acme Auto Parts',
    description: 'Header Company (default: the tenant id).',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  company?: string;

  @ApiPropertyOptional({ example: 'BBBB', description: 'Header BrandAAIAID (4 letters), when the seller has one.' })
  @IsOptional()
  @Matches(/^[A-Z]{4}$/, { message: 'brand_aaiaid must be 4 capital letters' })
  brand_aaiaid?: string;
}

export class FitmentExportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: EXPORT_FORMATS })
  format!: ExportFormat;

  @ApiProperty({ enum: SUBMISSION_TYPES })
  submission_type!: SubmissionType;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  since_export_id!: string | null;

  @ApiProperty({
    enum: EXPORT_STATUSES,
    description: 'Small exports are completed in the request; large ones run as a job (job_id).',
  })
  status!: ExportStatus;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The export job (see /api/v1/jobs) when it ran as one.',
  })
  job_id!: string | null;

  @ApiProperty({ description: 'Approved fitments in the set at export time (after de-duplication).', example: 120 })
  fitment_count!: number;

  @ApiProperty({ description: 'App records in the file with action A.', example: 120 })
  add_count!: number;

  @ApiProperty({ description: 'App records in the file with action D (net change only).', example: 0 })
  delete_count!: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'aces-acme-20251008-FULL.xml' })
  file_name!: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  size_bytes!: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '/api/v1/fitment/exports/0b8.../file' })
  download_url!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  error_message!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  completed_at!: string | null;
}

export class FitmentExportPageDto {
  @ApiProperty({ type: [FitmentExportDto] })
  data!: FitmentExportDto[];

  @ApiProperty({ type: PageMetaDto })
  meta!: PageMetaDto;
}
