import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { JobViewDto } from '../jobs/job-view.dto.js';
import { SERVICE_NAMES, type ServiceName } from '../services.js';

export class CleanupRequestDto {
  @ApiPropertyOptional({
    enum: SERVICE_NAMES,
    isArray: true,
    minItems: 1,
    description: 'Services to clean, at least one; all of them when left out.',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(SERVICE_NAMES, { each: true })
  services?: ServiceName[];

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 3650,
    description:
      'Delete finished records older than this many days; the service default (RETENTION_DAYS) when left out.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  olderThanDays?: number;
}

export class CleanupFailureDto {
  @ApiProperty({ enum: SERVICE_NAMES })
  service!: ServiceName;

  @ApiProperty({ example: 'service_timeout' })
  error!: string;

  @ApiProperty({ example: 'media did not answer within 5000 ms' })
  message!: string;
}

export class CleanupAcceptedDto {
  @ApiProperty({ type: [JobViewDto], description: 'One clean-up job per service that accepted the request.' })
  jobs!: JobViewDto[];

  @ApiProperty({ type: [CleanupFailureDto], description: 'Services that could not be asked; the others went ahead.' })
  failures!: CleanupFailureDto[];
}

/** Payload of the `maintenance.cleanup` message to one service. */
export class CleanupCommand {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  olderThanDays?: number;
}

/** What a clean-up run removed. */
export interface CleanupCounts {
  jobs_deleted: number;
  outbox_deleted: number;
  inbox_deleted: number;
  bull_jobs_removed: number;
}
