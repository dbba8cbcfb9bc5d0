import { ApiProperty } from '@nestjs/swagger';
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

/** Payload of the admin patterns: nothing to say besides the meta (tenant, roles). */
export class IndexAdminCommand {}
