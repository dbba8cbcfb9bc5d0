import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-fastify/multipart';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  MEDIA_IMAGE_FIELDS,
  MediaInvalidInputDto,
  MediaPatterns,
  MediaTaskCancelledDto,
  MediaTaskPageDto,
  MediaTaskResultDto,
  MediaTaskStatusDto,
  MediaTaskSubmittedDto,
  MediaWebhookDeliveryDto,
  ListMediaTasksQueryDto,
  SubmitMediaTaskBodyDto,
  type RequestMeta,
} from '@torque/contracts';
import { FILE_STORAGE, StorageNotFoundError, storageSegment, type FileStorage } from '@torque/platform';
import type { FastifyReply } from 'fastify';
import { Inject } from '@nestjs/common';
import { Meta, Roles } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';
import { ApiError, InvalidInputError } from '../http/http-error.js';
import { uuidParam } from '../http/job-id.pipe.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { TaskIntakeService, type TaskFiles } from './task-intake.service.js';

const TASK_ID = { name: 'task_id', format: 'uuid', description: 'The task id submit answered.' };
const SUBMITTERS = ['admin', 'operator', 'reviewer'] as const;

/** The message the seed's `result` answers until a task has one. */
function pendingMessage(status: string): string {
  if (status === 'FAILURE') return 'The task failed; its status says why';
  if (status === 'REVOKED') return 'The task was cancelled; it has no result';
  return 'The task has not finished yet';
}

/**
 * The media tasks API of seed 004, paths and payloads as the Django API had them (each path also without its
 * trailing slash), plus a multipart submit, the result as a PNG, the task list and the webhooks of a task.
 */
@ApiTags('media-tasks')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@ApiExtraModels(SubmitMediaTaskBodyDto)
@Controller('api/v1/tasks')
export class MediaTasksController {
  constructor(
    private readonly clients: ServiceClientsService,
    private readonly intake: TaskIntakeService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  @Post('submit')
  @Roles(...SUBMITTERS)
  @UseInterceptors(FileFieldsInterceptor(MEDIA_IMAGE_FIELDS.map((name) => ({ name, maxCount: 1 }))))
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    description:
      'JSON with base64 images, or a multipart form whose images are file parts named like the JSON fields ' +
      '(`parameters` then is JSON text).',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(SubmitMediaTaskBodyDto) },
        {
          type: 'object',
          required: ['task_type'],
          properties: {
            task_type: { type: 'string' },
            prompt: { type: 'string' },
            parameters: { type: 'string', description: 'JSON object as text' },
            webhook_url: { type: 'string' },
            deadline_seconds: { type: 'integer' },
            ...Object.fromEntries(MEDIA_IMAGE_FIELDS.map((f) => [f, { type: 'string', format: 'binary' }])),
          },
        },
      ],
    },
  })
  @ApiOperation({
    summary: 'Submit a media task (seed 004)',
    description:
      'Checks the task (by type: prompt for image_generation, image for editing tasks, target_image for face_swap; ' +
      'images PNG/JPEG/WebP by their bytes, within MEDIA_MAX_IMAGE_BYTES and MEDIA_MAX_PIXELS; parameters by type), ' +
      'stores its images and queues it: image_generation, face_swap and style_transfer on the gpu queue, ' +
      'background_removal and object_removal on the cpu queue. Refusals answer 400 in the seed’s shape ' +
      '`{"error": "Invalid input", "details": {...}}` and nothing is queued; image_generation without a configured ' +
      'provider answers 503 naming the setting. Follow the task at .../{task_id}/status/, /api/v1/jobs/{task_id} or ' +
      'the event stream.',
    operationId: 'submitMediaTask',
  })
  @ApiAcceptedResponse({ type: MediaTaskSubmittedDto })
  @ApiBadRequestResponse({ type: MediaInvalidInputDto, description: 'Invalid input, by field (seed shape)' })
  async submit(
    @Meta() meta: RequestMeta,
    @Body() body: unknown,
    @UploadedFiles() files: TaskFiles | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MediaTaskSubmittedDto> {
    const { command, stored } = await this.intake.intake(storageSegment(meta.tenantId), body, files);
    try {
      const answer = await this.clients.send('media', MediaPatterns.TasksSubmit, command, meta);
      void reply.status(202);
      return answer;
    } catch (err) {
      // A refusal leaves nothing behind; after a timeout or a broken connection the service may have accepted the
      // task, so its images stay (they expire with it, or stay unreferenced if it never arrived).
      const refused = err instanceof ApiError && (err.getStatus() < 500 || err.getStatus() === 503);
      if (refused) await this.intake.remove(stored);
      if (err instanceof ApiError && err.getStatus() === 400) {
        const response = err.getResponse() as { details?: Record<string, string[]>; message: string };
        if (response.details) throw new InvalidInputError(response.details);
      }
      throw err;
    }
  }

  @Get()
  @ApiOperation({
    summary: "The tenant's media tasks, newest first",
    description: 'Every task is kept after its result expires; filter by task_type and the seed’s status.',
    operationId: 'listMediaTasks',
  })
  @ApiOkResponse({ type: MediaTaskPageDto })
  list(@Meta() meta: RequestMeta, @Query() query: ListMediaTasksQueryDto): Promise<MediaTaskPageDto> {
    return this.clients.send(
      'media',
      MediaPatterns.TasksList,
      {
        task_type: query.task_type,
        status: query.status,
        offset: (query.page - 1) * query.limit,
        limit: query.limit,
      },
      meta,
    );
  }

  @Get(':task_id/status')
  @ApiOperation({
    summary: 'The status of a task (seed 004)',
    description:
      '`{task_id, status, progress, message, result_available}` of the seed, then the queue position while PENDING, ' +
      'the error, timestamps, the deadline and when the result expires.',
    operationId: 'getMediaTaskStatus',
  })
  @ApiParam(TASK_ID)
  @ApiOkResponse({ type: MediaTaskStatusDto })
  @ApiErrors(404)
  status(@Meta() meta: RequestMeta, @Param('task_id', uuidParam('task_id')) id: string): Promise<MediaTaskStatusDto> {
    return this.clients.send('media', MediaPatterns.TasksStatus, { task_id: id }, meta);
  }

  @Get(':task_id/result')
  @ApiOperation({
    summary: 'The result of a task (seed 004)',
    description:
      'SUCCESS: `result` holds the PNG as base64 (`image_data`), `prompt_used` and metadata (original and refined ' +
      'prompt, parameters, engine, size). Before that `result` is null. After MEDIA_RESULT_TTL_SECONDS (1 h) the ' +
      'result is deleted and this answers 410 saying when it expired; the status remains.',
    operationId: 'getMediaTaskResult',
  })
  @ApiParam(TASK_ID)
  @ApiOkResponse({ type: MediaTaskResultDto })
  @ApiErrors(404, 410)
  async result(
    @Meta() meta: RequestMeta,
    @Param('task_id', uuidParam('task_id')) id: string,
  ): Promise<MediaTaskResultDto> {
    const ref = await this.clients.send('media', MediaPatterns.TasksResult, { task_id: id }, meta);
    if (!ref.result)
      return { task_id: id, status: ref.task.status, result: null, message: pendingMessage(ref.task.status) };
    const png = await this.read(ref.result.key);
    return {
      task_id: id,
      status: ref.task.status,
      message: 'Task completed',
      result: {
        status: 'SUCCESS',
        image_data: png.toString('base64'),
        prompt_used: ref.result.prompt_used,
        metadata: ref.result.metadata,
      },
    };
  }

  @Get(':task_id/result/image')
  @ApiOperation({
    summary: 'The result of a task as a PNG',
    description: 'For browsers (`<img src>`): the bytes of `image_data`. 409 before SUCCESS, 410 once expired.',
    operationId: 'getMediaTaskResultImage',
  })
  @ApiParam(TASK_ID)
  @ApiProduces('image/png')
  @ApiOkResponse({ description: 'The PNG', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(404, 409, 410)
  async resultImage(
    @Meta() meta: RequestMeta,
    @Param('task_id', uuidParam('task_id')) id: string,
  ): Promise<StreamableFile> {
    const ref = await this.clients.send('media', MediaPatterns.TasksResult, { task_id: id }, meta);
    if (!ref.result)
      throw new ApiError(409, 'conflict', `${pendingMessage(ref.task.status)} (status ${ref.task.status})`);
    try {
      const stream = await this.storage.open(ref.result.key);
      return new StreamableFile(stream, {
        type: 'image/png',
        length: ref.result.bytes,
        disposition: `inline; filename="${id}.png"`,
      });
    } catch (err) {
      if (err instanceof StorageNotFoundError) throw this.gone(id);
      throw err;
    }
  }

  @Post(':task_id/cancel')
  @HttpCode(200)
  @Roles(...SUBMITTERS)
  @ApiOperation({
    summary: 'Cancel a task (seed 004)',
    description:
      'A PENDING task is REVOKED at once and leaves its queue; a PROCESSING one stops within seconds, even inside ' +
      'an engine (within MEDIA_CANCEL_GRACE_MS). An ended task is answered as it is.',
    operationId: 'cancelMediaTask',
  })
  @ApiParam(TASK_ID)
  @ApiOkResponse({ type: MediaTaskCancelledDto })
  @ApiErrors(404)
  cancel(
    @Meta() meta: RequestMeta,
    @Param('task_id', uuidParam('task_id')) id: string,
  ): Promise<MediaTaskCancelledDto> {
    return this.clients.send('media', MediaPatterns.TasksCancel, { task_id: id }, meta);
  }

  @Get(':task_id/webhooks')
  @ApiOperation({
    summary: 'The completion webhooks of a task and every delivery attempt',
    operationId: 'listMediaTaskWebhooks',
  })
  @ApiParam(TASK_ID)
  @ApiOkResponse({ type: [MediaWebhookDeliveryDto] })
  @ApiErrors(404)
  webhooks(
    @Meta() meta: RequestMeta,
    @Param('task_id', uuidParam('task_id')) id: string,
  ): Promise<MediaWebhookDeliveryDto[]> {
    return this.clients.send('media', MediaPatterns.TasksWebhooks, { task_id: id }, meta);
  }

  private async read(key: string): Promise<Buffer> {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of await this.storage.open(key)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    } catch (err) {
      if (err instanceof StorageNotFoundError) throw this.gone(key.split('/')[2] ?? '');
      throw err;
    }
  }

  private gone(id: string): ApiError {
    return new ApiError(410, 'gone', `The result of task ${id} expired and was deleted; its status remains`);
  }
}
