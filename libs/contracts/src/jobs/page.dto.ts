import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { JobViewDto } from './job-view.dto.js';

export const MAX_PAGE_SIZE = 100;
/** Highest page of any list: beyond it no list has rows, and offsets stay exact numbers (a 1e23 is no bigint). */
export const MAX_PAGE = 100_000;

export class PageQueryDto {
  @ApiProperty({ required: false, minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiProperty({ required: false, minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 20;
}

export class PageMetaDto {
  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ description: 'Items matching the filter, all pages together.', example: 57 })
  total!: number;
}

/** The list envelope every paginated endpoint answers with. */
export interface Page<T> {
  data: T[];
  meta: PageMetaDto;
}

export class JobPageDto implements Page<JobViewDto> {
  @ApiProperty({ type: [JobViewDto] })
  data!: JobViewDto[];

  @ApiProperty({ type: PageMetaDto })
  meta!: PageMetaDto;
}

/** The window a list request asks a service for: rows to skip and rows to return (a page of at most 100). */
export class OffsetWindowCommand {
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE * MAX_PAGE_SIZE)
  offset!: number;

  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit!: number;
}
