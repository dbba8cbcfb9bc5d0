import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { JobViewDto } from '../jobs/job-view.dto.js';

/** `POST /api/v1/admin/search/rebuild`: the seed's answer (`task_id`, `status`) beside the job view. */
export class RebuildAcceptedDto {
  @ApiProperty({ format: 'uuid', description: 'The rebuild job id (follow it in /api/v1/jobs/{id}).' })
  task_id!: string;

  @ApiProperty({ example: 'Rebuild scheduled', enum: ['Rebuild scheduled'] })
  status!: 'Rebuild scheduled';

  @ApiProperty({ type: JobViewDto })
  job!: JobViewDto;
}

/** `POST /api/v1/admin/search/audit`. */
export class AuditAcceptedDto {
  @ApiProperty({ format: 'uuid', description: 'The audit job id (follow it in /api/v1/jobs/{id}).' })
  task_id!: string;

  @ApiProperty({ example: 'Audit scheduled', enum: ['Audit scheduled'] })
  status!: 'Audit scheduled';

  @ApiProperty({ type: JobViewDto })
  job!: JobViewDto;
}

/** Body of the admin routes and payload of their patterns: an optional note kept on the job. */
export class IndexAdminRequestDto {
  @ApiPropertyOptional({
    description: 'Why the job was asked for; kept in the job params.',
    example: 'brand names fixed',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reason?: string;
}
