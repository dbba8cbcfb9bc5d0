import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageMetaDto, PageQueryDto, OffsetWindowCommand } from '../jobs/page.dto.js';

export const CONFLICT_ENTITIES = ['supplier', 'product', 'price'] as const;
export type ConflictEntity = (typeof CONFLICT_ENTITIES)[number];

export const CONFLICT_RESOLUTIONS = ['keep_existing', 'take_incoming'] as const;
export type ConflictResolution = (typeof CONFLICT_RESOLUTIONS)[number];

export const CONFLICT_STATUSES = ['open', 'resolved'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

/** An incoming value that disagrees with the catalog, kept for a person to decide. */
export class ConflictDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  uploadId!: string;

  @ApiProperty({ enum: CONFLICT_ENTITIES })
  entity!: ConflictEntity;

  @ApiProperty({
    description: 'Supplier code, part number, or part number @ supplier code for prices.',
    example: 'SUP-001',
  })
  key!: string;

  @ApiProperty({ description: 'The field that disagrees.', example: 'name' })
  field!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "The catalog's value (for prices: the average of the history).",
    example: 'Acme Brakes Ltd',
  })
  existingValue!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'ACME Brake Systems' })
  incomingValue!: string | null;

  @ApiProperty({ enum: ['existing', 'incoming'], description: 'Which value the catalog holds now.' })
  applied!: 'existing' | 'incoming';

  @ApiProperty({
    example: 'Supplier SUP-001 is called "Acme Brakes Ltd" in the catalog but "ACME Brake Systems" in the file',
  })
  message!: string;

  @ApiProperty({ enum: CONFLICT_STATUSES })
  status!: ConflictStatus;

  @ApiPropertyOptional({ enum: CONFLICT_RESOLUTIONS, nullable: true })
  resolution!: ConflictResolution | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' })
  resolvedAt!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  resolvedBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class ConflictPageDto {
  @ApiProperty({ type: [ConflictDto] })
  data!: ConflictDto[];

  @ApiProperty({ type: PageMetaDto })
  meta!: PageMetaDto;
}

export class ListConflictsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONFLICT_STATUSES })
  @IsOptional()
  @IsIn(CONFLICT_STATUSES)
  status?: ConflictStatus;
}

export class ResolveConflictDto {
  @ApiProperty({
    enum: CONFLICT_RESOLUTIONS,
    description: "keep_existing: the catalog keeps (or gets back) its value; take_incoming: the file's value wins.",
  })
  @IsIn(CONFLICT_RESOLUTIONS)
  resolution!: ConflictResolution;
}

export class ListConflictsCommand extends OffsetWindowCommand {
  @IsUUID()
  uploadId!: string;

  @IsOptional()
  @IsIn(CONFLICT_STATUSES)
  status?: ConflictStatus;
}

export class ResolveConflictCommand extends ResolveConflictDto {
  @IsUUID()
  conflictId!: string;
}
