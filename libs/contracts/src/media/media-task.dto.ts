import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { JobStatus } from '../jobs/job-status.js';
import { JobViewDto } from '../jobs/job-view.dto.js';
import { OffsetWindowCommand, PageMetaDto, PageQueryDto, type Page } from '../jobs/page.dto.js';
import {
  MAX_DEADLINE_SECONDS,
  MAX_PROMPT_LENGTH,
  MAX_WEBHOOK_URL_LENGTH,
  MEDIA_TASK_TYPES,
  type MediaTaskType,
} from './media-task.rules.js';

/** The seed's task states. */
export const MEDIA_TASK_STATUSES = ['PENDING', 'PROCESSING', 'SUCCESS', 'FAILURE', 'REVOKED'] as const;
export type MediaTaskStatus = (typeof MEDIA_TASK_STATUSES)[number];

/** The seed's state of a platform job status. */
export const MEDIA_STATUS_OF_JOB: Readonly<Record<JobStatus, MediaTaskStatus>> = {
  queued: 'PENDING',
  processing: 'PROCESSING',
  review_required: 'PROCESSING',
  completed: 'SUCCESS',
  failed: 'FAILURE',
  cancelled: 'REVOKED',
};

/** The platform job statuses of a seed state (for list filters). */
export function jobStatusesOf(status: MediaTaskStatus): JobStatus[] {
  return (Object.keys(MEDIA_STATUS_OF_JOB) as JobStatus[]).filter((s) => MEDIA_STATUS_OF_JOB[s] === status);
}

const IMAGE_DESCRIPTION =
  'PNG, JPEG or WebP as base64 (a `data:image/...;base64,` prefix is accepted), at most MEDIA_MAX_IMAGE_BYTES ' +
  'decoded and MEDIA_MAX_PIXELS pixels. Multipart requests send it as a file part of the same name instead.';

/**
 * `POST /api/v1/tasks/submit/`: the seed's body (task_type, prompt, image, target_image, parameters) plus
 * style_image and mask, a completion webhook and a pending deadline. Documentation only: the gateway checks the
 * body with `validateTaskSubmission` so that refusals have the seed's shape.
 */
export class SubmitMediaTaskBodyDto {
  @ApiProperty({ enum: MEDIA_TASK_TYPES, example: 'image_generation' })
  task_type!: MediaTaskType;

  @ApiPropertyOptional({
    description: 'Required for image_generation; passed to hosted providers of other types.',
    maxLength: MAX_PROMPT_LENGTH,
    example: 'ceramic brake pads on a white background',
  })
  prompt?: string;

  @ApiPropertyOptional({
    description: `The image to edit; required for every type but image_generation. face_swap: the face taken. ${IMAGE_DESCRIPTION}`,
  })
  image?: string;

  @ApiPropertyOptional({
    description: `face_swap only, required: the image whose face is replaced (the result has its size). ${IMAGE_DESCRIPTION}`,
  })
  target_image?: string;

  @ApiPropertyOptional({
    description: `style_transfer only: the image whose colours the input takes, instead of parameters.style. ${IMAGE_DESCRIPTION}`,
  })
  style_image?: string;

  @ApiPropertyOptional({
    description: `object_removal only: white marks what to remove, the image's size (or parameters.boxes). ${IMAGE_DESCRIPTION}`,
  })
  mask?: string;

  @ApiPropertyOptional({
    description:
      'By task type. image_generation: width, height (64-2048, multiples of 8), steps, seed, guidance, negative_prompt, ' +
      'style. face_swap: source_face, target_face (index by face size), blend (poisson|feather), color_match. ' +
      'background_removal: model (small|medium), output (foreground|mask). object_removal: boxes [{x,y,width,height}], ' +
      'method (auto|telea|patch), dilate (0-32). style_transfer: style (oil|pencil|cartoon|smooth|sepia), radius. ' +
      'Unknown parameters are refused.',
    type: 'object',
    additionalProperties: true,
    example: { width: 512, height: 512 },
  })
  parameters?: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      'Called (POST, JSON of the task status, HMAC-SHA256 signed in `X-Torque-Signature`) once the task ends; ' +
      'retried with backoff until a 2xx.',
    maxLength: MAX_WEBHOOK_URL_LENGTH,
    example: 'https://example.com/hooks/media',
  })
  webhook_url?: string;

  @ApiPropertyOptional({
    description: 'Fail the task with a clear message if it has not started within this many seconds.',
    minimum: 1,
    maximum: MAX_DEADLINE_SECONDS,
  })
  deadline_seconds?: number;
}

/** Where the gateway stored one submitted image (the service re-checks it). */
export class StoredImageRefDto {
  @IsString()
  @MaxLength(500)
  key!: string;

  @IsIn(['png', 'jpeg', 'webp'])
  format!: 'png' | 'jpeg' | 'webp';

  @IsInt()
  @Min(1)
  bytes!: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;
}

export class SubmitImagesDto {
  @IsOptional() @ValidateNested() @Type(() => StoredImageRefDto) image?: StoredImageRefDto;
  @IsOptional() @ValidateNested() @Type(() => StoredImageRefDto) target_image?: StoredImageRefDto;
  @IsOptional() @ValidateNested() @Type(() => StoredImageRefDto) style_image?: StoredImageRefDto;
  @IsOptional() @ValidateNested() @Type(() => StoredImageRefDto) mask?: StoredImageRefDto;
}

/** `media.tasks.submit`: the checked body, its images already in storage under the task's id. */
export class SubmitMediaTaskCommand {
  @IsUUID()
  task_id!: string;

  @IsIn(MEDIA_TASK_TYPES)
  task_type!: MediaTaskType;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_PROMPT_LENGTH)
  prompt?: string;

  @IsObject()
  parameters!: Record<string, unknown>;

  @ValidateNested()
  @Type(() => SubmitImagesDto)
  images!: SubmitImagesDto;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_WEBHOOK_URL_LENGTH)
  webhook_url?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DEADLINE_SECONDS)
  deadline_seconds?: number;
}

export class MediaTaskRefCommand {
  @IsUUID()
  task_id!: string;
}

/** `GET /api/v1/tasks`. */
export class ListMediaTasksQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MEDIA_TASK_TYPES })
  @IsOptional()
  @IsIn(MEDIA_TASK_TYPES)
  task_type?: MediaTaskType;

  @ApiPropertyOptional({ enum: MEDIA_TASK_STATUSES })
  @IsOptional()
  @IsIn(MEDIA_TASK_STATUSES)
  status?: MediaTaskStatus;
}

export class ListMediaTasksCommand extends OffsetWindowCommand {
  @IsOptional()
  @IsIn(MEDIA_TASK_TYPES)
  task_type?: MediaTaskType;

  @IsOptional()
  @IsIn(MEDIA_TASK_STATUSES)
  status?: MediaTaskStatus;
}

/** `{task_id, status: "PENDING", message}` of the seed, with the job it became. */
export class MediaTaskSubmittedDto {
  @ApiProperty({ format: 'uuid' })
  task_id!: string;

  @ApiProperty({ enum: MEDIA_TASK_STATUSES, example: 'PENDING' })
  status!: MediaTaskStatus;

  @ApiProperty({ example: 'image_generation task submitted successfully' })
  message!: string;

  @ApiProperty({ enum: MEDIA_TASK_TYPES })
  task_type!: MediaTaskType;

  @ApiProperty({ enum: ['cpu', 'gpu'], description: 'The queue the task waits on.' })
  queue!: 'cpu' | 'gpu';

  @ApiProperty({ type: JobViewDto, description: 'The platform job: /api/v1/jobs/{id}, its events, cancel.' })
  job!: JobViewDto;
}

export class MediaTaskErrorDto {
  @ApiProperty({ example: 'no_face' })
  code!: string;

  @ApiProperty({ example: 'No face found in target_image' })
  message!: string;
}

/** `GET /api/v1/tasks/{id}/status/`: the seed's five fields, then the history this service keeps. */
export class MediaTaskStatusDto {
  @ApiProperty({ format: 'uuid' })
  task_id!: string;

  @ApiProperty({ enum: MEDIA_TASK_STATUSES })
  status!: MediaTaskStatus;

  @ApiProperty({ minimum: 0, maximum: 100, example: 50 })
  progress!: number;

  @ApiProperty({ example: 'Removing the background' })
  message!: string;

  @ApiProperty({ description: 'True while the result can be fetched (SUCCESS and not expired).' })
  result_available!: boolean;

  @ApiProperty({ enum: MEDIA_TASK_TYPES })
  task_type!: MediaTaskType;

  @ApiProperty({ enum: ['cpu', 'gpu'] })
  queue!: 'cpu' | 'gpu';

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'While PENDING: tasks ahead of this one on its queue (0 = next); null otherwise.',
    example: 2,
  })
  queue_position!: number | null;

  @ApiProperty({ type: MediaTaskErrorDto, nullable: true })
  error!: MediaTaskErrorDto | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  started_at!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finished_at!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a pending task fails unless started.',
  })
  deadline_at!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the result expires (or expired).',
  })
  expires_at!: string | null;

  @ApiProperty({ description: 'True once the result expired and was deleted; status and history remain.' })
  result_expired!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'The completion webhook, if one was given.' })
  webhook_url!: string | null;
}

export class MediaTaskPageDto implements Page<MediaTaskStatusDto> {
  @ApiProperty({ type: [MediaTaskStatusDto] })
  data!: MediaTaskStatusDto[];

  @ApiProperty({ type: PageMetaDto })
  meta!: PageMetaDto;
}

export class MediaTaskResultMetadataDto {
  @ApiProperty({ type: String, nullable: true })
  original_prompt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'image_generation: the prompt after the local refiner.' })
  refined_prompt!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  parameters!: Record<string, unknown>;

  @ApiProperty({ example: 'local:isnet-medium', description: '`local:<method>` or `provider:<name>`.' })
  engine!: string;

  @ApiProperty()
  width!: number;

  @ApiProperty()
  height!: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the engine recorded.' })
  details!: Record<string, unknown>;
}

export class MediaTaskResultPayloadDto {
  @ApiProperty({ enum: ['SUCCESS'] })
  status!: 'SUCCESS';

  @ApiProperty({ description: 'The result PNG, base64.' })
  image_data!: string;

  @ApiProperty({ type: String, nullable: true })
  prompt_used!: string | null;

  @ApiProperty({ type: MediaTaskResultMetadataDto })
  metadata!: MediaTaskResultMetadataDto;
}

/** `GET /api/v1/tasks/{id}/result/`. */
export class MediaTaskResultDto {
  @ApiProperty({ format: 'uuid' })
  task_id!: string;

  @ApiProperty({ enum: MEDIA_TASK_STATUSES })
  status!: MediaTaskStatus;

  @ApiProperty({ type: MediaTaskResultPayloadDto, nullable: true, description: 'null until SUCCESS.' })
  result!: MediaTaskResultPayloadDto | null;

  @ApiProperty({ example: 'The task has not finished yet' })
  message!: string;
}

/** `media.tasks.result`: the result's place in storage (the gateway reads the bytes), or none yet. */
export interface MediaTaskResultRef {
  task: MediaTaskStatusDto;
  result: {
    key: string;
    bytes: number;
    prompt_used: string | null;
    metadata: MediaTaskResultMetadataDto;
  } | null;
}

/** `POST /api/v1/tasks/{id}/cancel/`. */
export class MediaTaskCancelledDto {
  @ApiProperty({ format: 'uuid' })
  task_id!: string;

  @ApiProperty({ enum: MEDIA_TASK_STATUSES })
  status!: MediaTaskStatus;

  @ApiProperty({ example: 'Task cancelled' })
  message!: string;
}

export class MediaWebhookAttemptDto {
  @ApiProperty({ example: 1 })
  attempt!: number;

  @ApiProperty({ type: Number, nullable: true, example: 503 })
  http_status!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'HTTP 503: busy' })
  error!: string | null;

  @ApiProperty({ example: 12 })
  duration_ms!: number;

  @ApiProperty({ format: 'date-time' })
  attempted_at!: string;
}

/** `GET /api/v1/tasks/{id}/webhooks`: each completion webhook of a task and every attempt to deliver it. */
export class MediaWebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  url!: string;

  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] })
  status!: 'pending' | 'delivered' | 'failed';

  @ApiProperty()
  attempts!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the next attempt is due (pending only).',
  })
  next_attempt_at!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  delivered_at!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The JSON body that is POSTed.' })
  payload!: Record<string, unknown>;

  @ApiProperty({ type: [MediaWebhookAttemptDto] })
  attempt_log!: MediaWebhookAttemptDto[];
}

/** A refused submission, in the seed's shape (`error` is always `Invalid input`). */
export class MediaInvalidInputDto {
  @ApiProperty({ enum: ['Invalid input'], example: 'Invalid input' })
  error!: 'Invalid input';

  @ApiProperty({ example: 'The task is not valid' })
  message!: string;

  @ApiProperty({
    description: 'Reasons by field (`parameters.<name>` for a parameter).',
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { prompt: ['Prompt is required for image_generation'] },
  })
  details!: Record<string, string[]>;
}
