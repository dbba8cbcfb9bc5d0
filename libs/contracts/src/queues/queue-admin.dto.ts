import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_NAMES, type ServiceName } from '../services.js';

/** Bull job counts of one queue, by state. */
export class QueueCountsDto {
  @ApiProperty({ description: 'Full Bull queue name, `<service>.<queue>`.', example: 'fitment.generate' })
  queue!: string;

  @ApiProperty({ enum: SERVICE_NAMES, description: 'The service that owns the queue and works its jobs.' })
  service!: ServiceName;

  @ApiProperty({ description: 'Jobs waiting for a worker.', example: 3 })
  waiting!: number;

  @ApiProperty({ description: 'Jobs a worker is running now.', example: 1 })
  active!: number;

  @ApiProperty({ description: 'Jobs due later: retries in their backoff, and the next run of each schedule.' })
  delayed!: number;

  @ApiProperty({ description: 'Bull jobs that failed outside their handler (see the README) and are kept a week.' })
  failed!: number;

  @ApiProperty({ description: 'Finished Bull jobs still kept (a day, at most 1000).' })
  completed!: number;

  @ApiProperty({ description: 'Jobs held while the queue is paused.' })
  paused!: number;
}

export class QueueCountsListDto {
  @ApiProperty({ type: [QueueCountsDto], description: 'Every queue of every service, in the job registry’s order.' })
  data!: QueueCountsDto[];
}

/** One job a worker is running now (Celery's `inspect active`). */
export class ActiveQueueJobDto {
  @ApiProperty({ description: 'The Bull job id (the job row id for tracked jobs).' })
  bullJobId!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The job row (`/api/v1/jobs/{id}`), from the Bull job’s data; null for a schedule’s trigger.',
  })
  jobId!: string | null;

  @ApiProperty({ description: 'Bull job name.', example: 'fitment.generate' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Tenant the job runs for; null for a trigger.' })
  tenantId!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When this attempt started.' })
  startedAt!: string | null;

  @ApiProperty({ description: 'The attempt now running, from 1.', example: 1 })
  attempt!: number;

  @ApiProperty({ description: 'Attempts Bull makes at most.', example: 3 })
  maxAttempts!: number;
}

export class ActiveQueueJobsDto {
  @ApiProperty({ example: 'fitment.generate' })
  queue!: string;

  @ApiProperty({
    type: [ActiveQueueJobDto],
    description: "The tenant's running jobs (every tenant's, and the triggers, for tenant `system`).",
  })
  data!: ActiveQueueJobDto[];
}

export class QueuePurgeResultDto {
  @ApiProperty({ example: 'fitment.generate' })
  queue!: string;

  @ApiProperty({ description: 'Queued job rows cancelled; their Bull jobs are removed.', example: 2 })
  cancelled!: number;

  @ApiProperty({ description: 'Waiting Bull jobs removed (also those whose row had already ended or is gone).' })
  removed!: number;

  @ApiProperty({
    description:
      'Waiting Bull jobs whose row is `processing` (taken back after a stall): told to stop, they stay on the queue ' +
      'and end `cancelled` when a worker takes them.',
  })
  cancelRequested!: number;
}

export class QueueRetryResultDto {
  @ApiProperty({ example: 'fitment.generate' })
  queue!: string;

  @ApiProperty({ description: 'Failed Bull jobs put back on the queue (their rows `queued`).', example: 1 })
  retried!: number;

  @ApiProperty({
    description:
      'Failed Bull jobs left as they are because their row has ended (`failed` is final: submit the work again) ' +
      'or is gone.',
  })
  skipped!: number;
}

/** A one-time link that opens the queue dashboard in a browser. */
export class QueueBoardSessionDto {
  @ApiProperty({
    description:
      'Path of the dashboard with a one-time ticket; opening it sets the dashboard’s session cookie and redirects ' +
      'to `/admin/queues` without the ticket.',
    example: '/admin/queues?ticket=3q2-7vQb1yq0gYtq3H9aTQm4xw7kQ0vXQh4F0rS0dV8',
  })
  url!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'The ticket is refused after this (60 s).' })
  ticketExpiresAt!: string;
}
