import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../jobs/page.dto.js';

/** Longest project title. */
export const MAX_PROJECT_TITLE_LENGTH = 300;
/** Longest project content (characters); longer is 400 naming `content`. Generation reads its first 4,000. */
export const MAX_PROJECT_CONTENT_LENGTH = 200_000;

export const PROJECT_STATUSES = ['draft', 'published'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

const NOT_BLANK = /\S/;

/** `POST /api/v1/projects`. */
export class CreateProjectDto {
  @ApiProperty({ example: 'Brake service guide', minLength: 1, maxLength: MAX_PROJECT_TITLE_LENGTH })
  @IsString()
  @Length(1, MAX_PROJECT_TITLE_LENGTH)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @ApiProperty({
    description: `The document's text (at most ${MAX_PROJECT_CONTENT_LENGTH} characters).`,
    example: 'How to replace front brake pads on a 2016 Civic ...',
    maxLength: MAX_PROJECT_CONTENT_LENGTH,
  })
  @IsString()
  @Length(0, MAX_PROJECT_CONTENT_LENGTH)
  content!: string;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES, default: 'draft' })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;
}

/** `PATCH /api/v1/projects/{project_id}`: the fields given change. */
export class UpdateProjectDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_PROJECT_TITLE_LENGTH })
  @IsOptional()
  @IsString()
  @Length(1, MAX_PROJECT_TITLE_LENGTH)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title?: string;

  @ApiPropertyOptional({ maxLength: MAX_PROJECT_CONTENT_LENGTH })
  @IsOptional()
  @IsString()
  @Length(0, MAX_PROJECT_CONTENT_LENGTH)
  content?: string;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;
}

/** `GET /api/v1/projects`. */
export class ListProjectsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;
}

export class ProjectDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  content!: string;

  @ApiProperty({ enum: PROJECT_STATUSES })
  status!: ProjectStatus;

  @ApiProperty({ description: 'SHA-256 (hex) of the title and content; metadata is regenerated only when it changes.' })
  content_hash!: string;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

export class ProjectPageDto {
  @ApiProperty({ type: [ProjectDto] })
  data!: ProjectDto[];

  @ApiProperty({ type: PageMetaDto })
  meta!: PageMetaDto;
}

/** Payload of the patterns that name one project. */
export class ProjectRefCommand {
  @IsUUID()
  project_id!: string;
}

export class UpdateProjectCommand extends ProjectRefCommand {
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateProjectDto)
  changes!: UpdateProjectDto;
}
