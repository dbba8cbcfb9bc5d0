import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { JobViewDto } from '../jobs/job-view.dto.js';
import { MAX_PRODUCT_ID } from '../catalog/catalog.commands.js';

/** Tags of one document's metadata, after normalization (lower case, single spaces, no duplicates). */
export const MIN_METADATA_TAGS = 3;
export const MAX_METADATA_TAGS = 12;
export const MAX_METADATA_TAG_LENGTH = 50;
/** Longest summary, generated or edited. */
export const MAX_METADATA_SUMMARY_LENGTH = 300;

/** What metadata describes: a project (a tenant's document) or a catalog product (its search document's text). */
export const METADATA_SUBJECTS = ['project', 'product'] as const;
export type MetadataSubject = (typeof METADATA_SUBJECTS)[number];

const NOT_BLANK = /\S/;
const booleanText = ({ value }: { value: unknown }) =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;

export class MetadataTokensDto {
  @ApiProperty({ type: 'integer', example: 812 })
  prompt!: number;

  @ApiProperty({ type: 'integer', example: 64 })
  completion!: number;

  @ApiProperty({ type: 'integer', example: 876, description: 'prompt + completion (0 for the local engine).' })
  total!: number;
}

/** The generator's last suggestion, shown beside a person's edits (which it never replaces). */
export class MetadataSuggestionDto {
  @ApiProperty()
  summary!: string;

  @ApiProperty({ type: [String] })
  tags!: string[];
}

export class MetadataDto {
  @ApiProperty({ enum: METADATA_SUBJECTS })
  subject!: MetadataSubject;

  @ApiProperty({ description: 'Project id (UUID) or product id (digits).', example: '3f0c...' })
  subject_id!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The summary in force: the edited one, else generated.' })
  summary!: string | null;

  @ApiProperty({ type: [String], description: 'The tags in force: the edited ones, else generated.' })
  tags!: string[];

  @ApiProperty({ description: 'Whether a person edited the summary or tags (they win over any generation).' })
  edited!: boolean;

  @ApiPropertyOptional({
    type: MetadataSuggestionDto,
    nullable: true,
    description: 'The last generated summary and tags when a person edited them; null otherwise.',
  })
  suggestion!: MetadataSuggestionDto | null;

  @ApiProperty({ type: String, nullable: true, description: '`openai`, `gemini` or `local`; null before generation.' })
  provider!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'gpt-4o-mini' })
  model!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'SHA-256 of the content the generated metadata was written from; generation runs again only when the content changes.',
  })
  content_hash!: string | null;

  @ApiProperty({ type: MetadataTokensDto })
  tokens_used!: MetadataTokensDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  generated_at!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  edited_at!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'User (token `sub`) of the last edit.' })
  edited_by!: string | null;
}

/** `PATCH .../metadata`: a person's summary and/or tags, kept over every later generation. */
export class UpdateMetadataDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_METADATA_SUMMARY_LENGTH })
  @IsOptional()
  @IsString()
  @Length(1, MAX_METADATA_SUMMARY_LENGTH)
  @Matches(NOT_BLANK, { message: 'summary must not be blank' })
  summary?: string;

  @ApiPropertyOptional({
    type: [String],
    description: `${MIN_METADATA_TAGS}-${MAX_METADATA_TAGS} tags once normalized (lower case, single spaces, duplicates dropped).`,
    minItems: MIN_METADATA_TAGS,
    maxItems: MAX_METADATA_TAGS * 2,
    example: ['brakes', 'maintenance', 'honda civic'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(MIN_METADATA_TAGS)
  @ArrayMaxSize(MAX_METADATA_TAGS * 2)
  @IsString({ each: true })
  @Length(1, MAX_METADATA_TAG_LENGTH, { each: true })
  @Matches(NOT_BLANK, { each: true, message: 'each tag must not be blank' })
  tags?: string[];
}

/** `POST .../generate_metadata?force=&replace_edits=`. */
export class GenerateMetadataQueryDto {
  @ApiPropertyOptional({
    description: 'Generate again even when metadata exists for the unchanged content.',
    default: false,
  })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'force must be true or false' })
  force?: boolean;

  @ApiPropertyOptional({
    description:
      'With force: the new summary and tags replace a person’s edits (kept otherwise, the suggestion beside them).',
    default: false,
  })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'replace_edits must be true or false' })
  replace_edits?: boolean;
}

export const GENERATE_METADATA_STATUSES = ['existing', 'scheduled'] as const;
export type GenerateMetadataStatus = (typeof GENERATE_METADATA_STATUSES)[number];

/** 200 with the metadata of unchanged content (no job), or 202 with the job that generates it. */
export class GenerateMetadataAcceptedDto {
  @ApiProperty({
    enum: GENERATE_METADATA_STATUSES,
    description: '`existing`: metadata of the unchanged content, no job; `scheduled`: a job generates it.',
  })
  status!: GenerateMetadataStatus;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The job id (/api/v1/jobs/{task_id}).' })
  task_id!: string | null;

  @ApiProperty({ type: JobViewDto, nullable: true })
  job!: JobViewDto | null;

  @ApiProperty({ type: MetadataDto, nullable: true, description: 'The metadata as it is now (null before any).' })
  metadata!: MetadataDto | null;
}

export class ProjectMetadataCommand {
  @IsUUID()
  project_id!: string;
}

export class ProductMetadataCommand {
  @IsInt()
  @Min(1)
  @Max(MAX_PRODUCT_ID)
  product_id!: number;
}

export class GenerateProjectMetadataCommand extends ProjectMetadataCommand {
  @IsBoolean()
  force!: boolean;

  @IsBoolean()
  replace_edits!: boolean;
}

export class GenerateProductMetadataCommand extends ProductMetadataCommand {
  @IsBoolean()
  force!: boolean;

  @IsBoolean()
  replace_edits!: boolean;
}

export class UpdateProjectMetadataCommand extends ProjectMetadataCommand {
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateMetadataDto)
  changes!: UpdateMetadataDto;
}

export class UpdateProductMetadataCommand extends ProductMetadataCommand {
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateMetadataDto)
  changes!: UpdateMetadataDto;
}

/** Params of an `indexer.metadata.generate` job (on its job row). */
export interface MetadataJobParams {
  subject: MetadataSubject;
  subject_id: string;
  force: boolean;
  replace_edits: boolean;
  origin: 'request' | 'nightly';
}

/** Whether a job row's `subject` param names a known subject. */
export const isMetadataSubject = (value: unknown): value is MetadataSubject =>
  typeof value === 'string' && (METADATA_SUBJECTS as readonly string[]).includes(value);
