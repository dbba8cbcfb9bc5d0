import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { JobViewDto } from '../jobs/job-view.dto.js';
import { IMPORT_KINDS, IMPORT_MODES, type ImportKind, type ImportMode } from './import-fields.js';
import { DetectedMappingDto, IsColumnMapping, type ColumnMapping } from './mapping.dto.js';
import { ImportProblemDto, QualityDto, UploadDto } from './upload.dto.js';

const MAPPING_PROPERTY = {
  type: 'object',
  additionalProperties: { type: 'string' },
  description: "Import field -> column header, over the upload's, the saved and the detected mappings.",
  example: { quantity: 'Menge' },
} as const;

export class PreviewRequestDto {
  @ApiPropertyOptional(MAPPING_PROPERTY)
  @IsOptional()
  @IsColumnMapping()
  mapping?: ColumnMapping;

  @ApiPropertyOptional({ enum: IMPORT_MODES, description: "Defaults to the upload's mode." })
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode?: ImportMode;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20, description: 'How many parsed rows to show.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  sampleRows?: number;
}

export class ProcessRequestDto {
  @ApiPropertyOptional({ enum: IMPORT_MODES, description: "Defaults to the upload's mode." })
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode?: ImportMode;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1_000_000,
    description:
      'Bad rows to skip before the import fails (default IMPORT_MAX_ERRORS). 0: any bad row fails the import.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  maxErrors?: number;

  @ApiPropertyOptional(MAPPING_PROPERTY)
  @IsOptional()
  @IsColumnMapping()
  mapping?: ColumnMapping;
}

export class PreviewDto {
  @ApiProperty({ format: 'uuid' })
  uploadId!: string;

  @ApiProperty({ enum: IMPORT_KINDS })
  kind!: ImportKind;

  @ApiProperty({ enum: IMPORT_MODES })
  mode!: ImportMode;

  @ApiProperty({ type: DetectedMappingDto })
  mapping!: DetectedMappingDto;

  @ApiProperty({ type: [String], description: 'The headers of the file, in order.' })
  columns!: string[];

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'The first rows as they would be imported (field -> parsed value), with their row number.',
  })
  sampleRows!: Record<string, unknown>[];

  @ApiProperty({ description: 'Data rows the preview read; counts are for these rows.' })
  rowsConsidered!: number;

  @ApiProperty({
    description: 'True when the preview read the whole file, so the counts are those a real run would have.',
  })
  complete!: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'What a real run would create and update (legacy names); nothing was written.',
    example: { processed: 5, created_suppliers: 2, created_materials: 4, created_pos: 2, created_prices: 5 },
  })
  counts!: Record<string, number>;

  @ApiProperty({ type: [ImportProblemDto] })
  problems!: ImportProblemDto[];

  @ApiProperty({ type: [ImportProblemDto] })
  warnings!: ImportProblemDto[];

  @ApiProperty({ type: QualityDto })
  quality!: QualityDto;
}

export class ProcessAcceptedDto {
  @ApiProperty({ type: UploadDto })
  upload!: UploadDto;

  @ApiProperty({
    type: JobViewDto,
    description: 'The import job; its id is the task_id of /data-ingestion/progress/{task_id}/.',
  })
  job!: JobViewDto;
}

export class PreviewCommand extends PreviewRequestDto {
  @IsUUID()
  uploadId!: string;
}

export class ProcessCommand extends ProcessRequestDto {
  @IsUUID()
  uploadId!: string;
}

/** The legacy API's Celery task states; REVOKED is a cancelled import. */
export const CELERY_TASK_STATES = ['PENDING', 'PROGRESS', 'SUCCESS', 'FAILURE', 'REVOKED'] as const;
export type CeleryTaskState = (typeof CELERY_TASK_STATES)[number];

/** The answer of the Celery-compatible `GET /data-ingestion/progress/{task_id}/`. */
export class CeleryProgressDto {
  @ApiProperty({ enum: CELERY_TASK_STATES })
  state!: CeleryTaskState;

  @ApiProperty({ description: 'Rows done so far.', example: 4200 })
  current!: number;

  @ApiProperty({ description: 'Rows in the file (an estimate until the end for .xlsx).', example: 10000 })
  total!: number;

  @ApiProperty({ description: 'What the import is doing now.', example: 'Loading rows' })
  status!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description:
      'On SUCCESS: {status: "success", processed, created_suppliers, created_materials, created_pos, created_prices, ...}.',
  })
  result!: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'On FAILURE: why.' })
  error!: string | null;
}
