import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { PageMetaDto, PageQueryDto, OffsetWindowCommand } from '../jobs/page.dto.js';
import {
  IMPORT_KINDS,
  IMPORT_MODES,
  UPLOAD_FORMATS,
  UPLOAD_STATUSES,
  type ImportKind,
  type ImportMode,
  type UploadFormat,
  type UploadStatus,
} from './import-fields.js';
import { DetectedMappingDto, IsColumnMapping, type ColumnMapping } from './mapping.dto.js';

const booleanText = ({ value }: { value: unknown }) =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;

/**
 * The text fields of the upload form (multipart/form-data). They must come before the `file` part: the
 * gateway streams the file into storage as it arrives, and refuses the upload (400) when a field follows it.
 */
export class UploadFormDto {
  @ApiProperty({ enum: IMPORT_KINDS, description: 'What the file holds: purchase order lines or the product master.' })
  @IsIn(IMPORT_KINDS, { message: 'kind must be procurement or products (and come before the file in the form)' })
  kind!: ImportKind;

  @ApiPropertyOptional({
    description: 'JSON object import field -> column header, over the detected and saved mappings.',
    example: '{"po_number":"Bestellnummer","quantity":"Menge"}',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  mapping?: string;

  @ApiPropertyOptional({
    description: 'The supplier the file comes from: its saved mapping is used, and rows without a supplier get it.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  supplier_code?: string;

  @ApiPropertyOptional({
    enum: IMPORT_MODES,
    default: 'insert',
    description:
      'insert creates what is new and leaves what exists; upsert also updates what exists. A row of a purchase order that exists ' +
      'goes to the line it names (a line column), or else to the line that holds its part (the k-th row of a part to the k-th ' +
      'such line); a row that finds no line is added after the last line of its order.',
  })
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode?: ImportMode;

  @ApiPropertyOptional({
    description: 'Upload even when the same file (same SHA-256) was uploaded before.',
    default: false,
  })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'force must be true or false' })
  force?: boolean;
}

export class ImportProblemDto {
  @ApiProperty({
    description: 'Row of the file, counting the header as row 1 (the number a spreadsheet shows).',
    example: 7,
  })
  row!: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Column header of the bad value.', example: 'Qty' })
  column!: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The import field the column maps to.',
    example: 'quantity',
  })
  field!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The value found.', example: 'ten' })
  value!: string | null;

  @ApiProperty({ description: 'What was expected instead.', example: 'a number greater than 0' })
  expected!: string;

  @ApiProperty({
    enum: ['error', 'warning'],
    description: 'error: the row is skipped; warning: the row is imported as noted.',
  })
  severity!: 'error' | 'warning';
}

export class QualityDto {
  @ApiProperty({
    description:
      'Overall data quality, 0-100 (weighted: valid rows 50%, completeness 20%, duplicates 20%, price outliers 10%).',
    example: 93,
  })
  score!: number;

  @ApiProperty({ description: 'Share of rows that were valid, 0-1.', example: 0.98 })
  validShare!: number;

  @ApiProperty({
    description: 'Share of optional values that were filled, over all optional fields of the kind, 0-1.',
    example: 0.8,
  })
  completeness!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Completeness of each optional field, 0-1.',
  })
  completenessByField!: Record<string, number>;

  @ApiProperty({
    description: 'Rows whose key (PO and line or part, or part number) repeats an earlier row of the file.',
    example: 2,
  })
  duplicateRows!: number;

  @ApiProperty({
    description: 'Prices more than IMPORT_PRICE_OUTLIER_PCT away from the average of their history.',
    example: 1,
  })
  priceOutliers!: number;
}

export class UploadErrorDto {
  @ApiProperty({ example: 'too_many_errors' })
  code!: string;

  @ApiProperty({ example: 'More than 1000 rows are invalid; the import was stopped and nothing was written' })
  message!: string;
}

export class UploadDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: IMPORT_KINDS })
  kind!: ImportKind;

  @ApiProperty({ example: 'po-lines-2024-03.csv' })
  fileName!: string;

  @ApiProperty({ enum: UPLOAD_FORMATS })
  format!: UploadFormat;

  @ApiProperty({ example: 52341 })
  sizeBytes!: number;

  @ApiProperty({
    description: 'SHA-256 of the content, hex; the same file twice in a tenant is refused unless forced.',
  })
  sha256!: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Data rows counted at upload (CSV; approximate when quoted fields hold line breaks).',
  })
  rowEstimate!: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  supplierCode!: string | null;

  @ApiProperty({ enum: IMPORT_MODES })
  mode!: ImportMode;

  @ApiPropertyOptional({
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The mapping given with the upload.',
  })
  mapping!: ColumnMapping | null;

  @ApiProperty({ enum: UPLOAD_STATUSES })
  status!: UploadStatus;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The latest import job (see /api/v1/jobs and /data-ingestion/progress/{task_id}/).',
  })
  jobId!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Counts of the last run (legacy names).',
    example: { processed: 998, rejected_rows: 2, created_suppliers: 3 },
  })
  counts!: Record<string, number>;

  @ApiPropertyOptional({ type: DetectedMappingDto, nullable: true, description: 'The mapping the last run used.' })
  detectedMapping!: DetectedMappingDto | null;

  @ApiPropertyOptional({ type: QualityDto, nullable: true })
  quality!: QualityDto | null;

  @ApiProperty({ type: [ImportProblemDto], description: 'The first 100 rejected-row problems of the last run.' })
  problems!: ImportProblemDto[];

  @ApiProperty({ type: [ImportProblemDto], description: 'The first 100 warnings of the last run.' })
  warnings!: ImportProblemDto[];

  @ApiProperty({ description: 'Rejected rows can be downloaded at /api/v1/ingestion/uploads/{id}/errors.csv.' })
  errorsAvailable!: boolean;

  @ApiPropertyOptional({ type: UploadErrorDto, nullable: true })
  error!: UploadErrorDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  processedAt!: string | null;
}

export class UploadPageDto {
  @ApiProperty({ type: [UploadDto] })
  data!: UploadDto[];

  @ApiProperty({ type: PageMetaDto })
  meta!: PageMetaDto;
}

export class ListUploadsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_KINDS })
  @IsOptional()
  @IsIn(IMPORT_KINDS)
  kind?: ImportKind;

  @ApiPropertyOptional({ enum: UPLOAD_STATUSES })
  @IsOptional()
  @IsIn(UPLOAD_STATUSES)
  status?: UploadStatus;
}

/** The gateway registers a file it has stored (`ingestion.uploads.register`). */
export class RegisterUploadCommand {
  @IsUUID()
  id!: string;

  @IsIn(IMPORT_KINDS)
  kind!: ImportKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fileName!: string;

  @IsIn(UPLOAD_FORMATS)
  format!: UploadFormat;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  storageKey!: string;

  @IsInt()
  @Min(1)
  sizeBytes!: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  rowEstimate?: number;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  supplierCode?: string;

  @IsIn(IMPORT_MODES)
  mode!: ImportMode;

  @IsOptional()
  @IsColumnMapping()
  mapping?: ColumnMapping;

  @IsBoolean()
  force!: boolean;
}

export class ListUploadsCommand extends OffsetWindowCommand {
  @IsOptional()
  @IsIn(IMPORT_KINDS)
  kind?: ImportKind;

  @IsOptional()
  @IsIn(UPLOAD_STATUSES)
  status?: UploadStatus;
}

export class UploadRefCommand {
  @IsUUID()
  uploadId!: string;
}

/** Where the gateway finds a stored file of an upload. */
export interface StoredFileRef {
  storageKey: string;
  fileName: string;
}
