import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SERVICE_NAMES, type ServiceName } from '../services.js';
import { JOB_STATUSES, type JobStatus } from './job-status.js';
import { PageQueryDto } from './page.dto.js';

export class ListJobsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SERVICE_NAMES })
  @IsOptional()
  @IsIn(SERVICE_NAMES)
  service?: ServiceName;

  @ApiPropertyOptional({ example: 'maintenance.cleanup' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;

  @ApiPropertyOptional({ enum: JOB_STATUSES })
  @IsOptional()
  @IsIn(JOB_STATUSES)
  status?: JobStatus;
}
