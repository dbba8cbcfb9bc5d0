import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICE_NAMES, type ServiceName } from '../services.js';
import { JOB_STATUSES, type JobStatus } from './job-status.js';

export class JobProgressDto {
  @ApiProperty({ description: 'Units of work done so far.', example: 40 })
  current!: number;

  @ApiProperty({ description: 'Units of work in the whole job (0 while unknown).', example: 100 })
  total!: number;

  @ApiProperty({ description: 'current / total as a whole percentage, 0-100.', example: 40 })
  percent!: number;

  @ApiProperty({ description: 'What the job is doing now, for people.', example: 'Deleting finished job records' })
  message!: string;
}

export class JobErrorDto {
  @ApiProperty({ example: 'timeout' })
  code!: string;

  @ApiProperty({ example: 'The provider did not answer within 30 s' })
  message!: string;
}

export class JobViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: SERVICE_NAMES })
  service!: ServiceName;

  @ApiProperty({ description: 'Job type within the service.', example: 'maintenance.cleanup' })
  type!: string;

  @ApiProperty({ enum: JOB_STATUSES })
  status!: JobStatus;

  @ApiProperty({ type: JobProgressDto })
  progress!: JobProgressDto;

  @ApiProperty({
    description: 'Counters the job keeps (created, deleted, approved, ...), by name.',
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { jobs_deleted: 12 },
  })
  counts!: Record<string, number>;

  @ApiPropertyOptional({ type: JobErrorDto, nullable: true })
  error!: JobErrorDto | null;

  @ApiProperty({ example: 'demo' })
  tenant!: string;

  @ApiProperty({ description: 'True once a cancel was asked for and the job has not ended yet.' })
  cancelRequested!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  startedAt!: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;
}
