import { Inject, Injectable } from '@nestjs/common';
import {
  jobStatusesOf,
  MEDIA_IMAGE_FIELDS,
  MEDIA_STATUS_OF_JOB,
  MediaJobNames,
  validateTaskSubmission,
  type ListMediaTasksCommand,
  type MediaImageField,
  type MediaTaskCancelledDto,
  type MediaTaskResultRef,
  type MediaTaskStatusDto,
  type MediaTaskSubmittedDto,
  type Page,
  type RequestMeta,
  type ServiceName,
  type SubmitMediaTaskCommand,
} from '@torque/contracts';
import {
  FILE_STORAGE,
  JobLifecycleService,
  JobSubmitterService,
  QueueService,
  SERVICE_NAME,
  storageSegment,
  toJobView,
  UseCaseError,
  type FileStorage,
} from '@torque/platform';
import { DataSource } from 'typeorm';
import { MEDIA_ENV, mediaRoutes, type MediaEnv } from '../common/media-env.js';
import { engineSettings, missingEngineSetting } from '../engines/engine-settings.js';
import { privateHostReason } from '../webhooks/webhook-target.js';
import { FIELD_LABEL, ImageRefusedError, inspectImage, readStored } from './task-images.js';
import { TasksRepository, type StoredInput, type TaskRow } from './tasks.repository.js';

type Meta = Pick<RequestMeta, 'tenantId' | 'correlationId'>;

/** Where a task's files live in storage: `media/<tenant>/<task id>/...`. */
export function taskStoragePrefix(tenantId: string, taskId: string): string {
  return `media/${storageSegment(tenantId)}/${taskId}`;
}

const invalid = (details: Record<string, string[]>) =>
  new UseCaseError(400, 'validation_failed', 'Invalid input', details);

/**
 * Media tasks (seed 004): submit (checked, recorded and queued on cpu or gpu by type), status with queue position,
 * result (a storage key, 410 once expired), list, cancel. Each task is a platform job with a `tasks` row beside it
 * (same id) that outlives its result.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: TasksRepository,
    private readonly submitter: JobSubmitterService,
    private readonly lifecycle: JobLifecycleService,
    private readonly queues: QueueService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(MEDIA_ENV) private readonly env: MediaEnv,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
  ) {}

  async submit(meta: Meta, cmd: SubmitMediaTaskCommand): Promise<MediaTaskSubmittedDto> {
    const existing = await this.repo.get(this.dataSource.manager, cmd.task_id);
    if (existing) {
      // A second delivery of the same request: answer what the first one made.
      if (existing.tenant_id !== meta.tenantId) throw new UseCaseError(409, 'conflict', 'task_id is taken');
      return this.submitted(existing);
    }
    const present = Object.fromEntries(MEDIA_IMAGE_FIELDS.map((f) => [f, cmd.images[f] !== undefined]));
    const details = validateTaskSubmission({ ...cmd, images: present });
    if (cmd.webhook_url && !this.env.MEDIA_WEBHOOK_SECRET)
      (details.webhook_url ??= []).push('Webhooks are not enabled here (MEDIA_WEBHOOK_SECRET is not set)');
    const privateHost =
      cmd.webhook_url && !details.webhook_url && !this.env.MEDIA_WEBHOOK_ALLOW_PRIVATE_NETWORKS
        ? privateHostReason(cmd.webhook_url)
        : null;
    if (privateHost) (details.webhook_url ??= []).push(privateHost);
    if (Object.keys(details).length > 0) throw invalid(details);

    const missing = missingEngineSetting(cmd.task_type, engineSettings(this.env));
    if (missing)
      throw new UseCaseError(
        503,
        'service_unavailable',
        `${cmd.task_type} needs a hosted model and none is configured: set ${missing} (and its base URL); nothing was queued`,
      );

    const inputs = await this.inspectInputs(meta.tenantId, cmd);
    const queue = mediaRoutes(this.env)[cmd.task_type];
    const { row } = await this.submitter.submit({
      id: cmd.task_id,
      meta,
      queue,
      name: queue === 'cpu' ? MediaJobNames.MediaCpuTask : MediaJobNames.MediaGpuTask,
      params: { task_type: cmd.task_type },
      dedupeKey: `task:${cmd.task_id}`,
      progressTotal: 100,
      options: {
        attempts: this.env.MEDIA_TASK_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.env.MEDIA_TASK_RETRY_DELAY_MS },
      },
      inTransaction: (em) =>
        this.repo.insert(em, {
          id: cmd.task_id,
          tenantId: meta.tenantId,
          taskType: cmd.task_type,
          queue,
          prompt: cmd.prompt ?? null,
          parameters: cmd.parameters,
          inputs,
          webhookUrl: cmd.webhook_url ?? null,
          deadlineSeconds: cmd.deadline_seconds ?? null,
        }),
    });
    const task = await this.repo.get(this.dataSource.manager, row.id);
    return this.submitted(task!, row);
  }

  async status(meta: Meta, taskId: string): Promise<MediaTaskStatusDto> {
    return this.view(await this.find(meta, taskId));
  }

  async list(meta: Meta, cmd: ListMediaTasksCommand): Promise<Page<MediaTaskStatusDto>> {
    const { rows, total } = await this.repo.list(
      this.dataSource.manager,
      meta.tenantId,
      { taskType: cmd.task_type, jobStatuses: cmd.status ? jobStatusesOf(cmd.status) : undefined },
      cmd.offset,
      cmd.limit,
    );
    const data = await Promise.all(rows.map((r) => this.view(r)));
    return { data, meta: { page: Math.floor(cmd.offset / cmd.limit) + 1, limit: cmd.limit, total } };
  }

  /** The result's storage key and metadata; null before SUCCESS; 410 once expired (status and history remain). */
  async result(meta: Meta, taskId: string): Promise<MediaTaskResultRef> {
    const row = await this.find(meta, taskId);
    const task = await this.view(row);
    if (row.status !== 'completed' || !row.result_key) return { task, result: null };
    const expiresAt = this.expiresAt(row)!;
    if (row.files_removed_at || expiresAt.getTime() <= Date.now())
      throw new UseCaseError(
        410,
        'gone',
        `The result of task ${taskId} expired at ${expiresAt.toISOString()} (results are kept ` +
          `${this.env.MEDIA_RESULT_TTL_SECONDS} s, MEDIA_RESULT_TTL_SECONDS); its status and history remain`,
      );
    return {
      task,
      result: {
        key: row.result_key,
        bytes: row.result_bytes ?? 0,
        prompt_used: row.refined_prompt ?? row.prompt,
        metadata: {
          original_prompt: row.prompt,
          refined_prompt: row.refined_prompt,
          parameters: row.parameters,
          engine: row.engine ?? 'unknown',
          width: row.result_width ?? 0,
          height: row.result_height ?? 0,
          details: row.result_metadata ?? {},
        },
      },
    };
  }

  /** The seed's cancel: a pending task is REVOKED at once, a running one as soon as its engine stops. */
  async cancel(meta: Meta, taskId: string): Promise<MediaTaskCancelledDto> {
    const task = await this.find(meta, taskId);
    const job = await this.lifecycle.requestCancel(task.id, meta.tenantId);
    if (job.status === 'cancelled') await this.queues.remove(task.queue, job.id);
    const status = MEDIA_STATUS_OF_JOB[job.status];
    const message =
      job.status === 'cancelled'
        ? 'Task cancelled'
        : job.status === 'processing'
          ? 'Cancel requested; the task stops within seconds'
          : `The task already ended (${status}); nothing to cancel`;
    return { task_id: task.id, status, message };
  }

  /** When the task's result (and its stored images) expire: its end plus MEDIA_RESULT_TTL_SECONDS. */
  expiresAt(row: Pick<TaskRow, 'completed_at'>): Date | null {
    return row.completed_at ? new Date(row.completed_at.getTime() + this.env.MEDIA_RESULT_TTL_SECONDS * 1000) : null;
  }

  async view(row: TaskRow): Promise<MediaTaskStatusDto> {
    const status = MEDIA_STATUS_OF_JOB[row.status];
    const expiresAt = this.expiresAt(row);
    const expired = row.files_removed_at !== null || (expiresAt !== null && expiresAt.getTime() <= Date.now());
    const progress =
      row.status === 'completed'
        ? 100
        : row.progress_total > 0
          ? Math.min(100, Math.floor((row.progress_current / row.progress_total) * 100))
          : 0;
    return {
      task_id: row.id,
      status,
      progress,
      message: this.message(row, status),
      result_available: row.status === 'completed' && row.result_key !== null && !expired,
      task_type: row.task_type,
      queue: row.queue,
      queue_position: row.status === 'queued' ? await this.repo.queuePosition(this.dataSource.manager, row) : null,
      error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
      created_at: row.created_at.toISOString(),
      started_at: row.started_at?.toISOString() ?? null,
      finished_at: row.completed_at?.toISOString() ?? null,
      deadline_at: row.deadline_at?.toISOString() ?? null,
      expires_at: row.status === 'completed' ? (expiresAt?.toISOString() ?? null) : null,
      result_expired: row.status === 'completed' && expired,
      webhook_url: row.webhook_url,
    };
  }

  private message(row: TaskRow, status: string): string {
    if (row.status === 'failed') return row.error_message ?? 'The task failed';
    if (row.status === 'queued') return row.error_message ? `Retrying: ${row.error_message}` : 'Waiting in the queue';
    if (row.status === 'completed') return 'Task completed';
    if (row.status === 'cancelled') return 'Task cancelled';
    return row.progress_message || status;
  }

  private async find(meta: Meta, taskId: string): Promise<TaskRow> {
    const row = await this.repo.get(this.dataSource.manager, taskId, meta.tenantId);
    if (!row) throw new UseCaseError(404, 'not_found', `Task ${taskId} not found`);
    return row;
  }

  private async submitted(task: TaskRow, job?: Parameters<typeof toJobView>[1]): Promise<MediaTaskSubmittedDto> {
    const row = job ?? (await this.lifecycle.get(task.id));
    return {
      task_id: task.id,
      status: MEDIA_STATUS_OF_JOB[row.status],
      message: `${task.task_type} task submitted successfully`,
      task_type: task.task_type,
      queue: task.queue,
      job: toJobView(this.service, row),
    };
  }

  /**
   * Checks every stored image (signature, byte and pixel limits, a mask of the image's size) under the task's own
   * prefix; every refusal is reported by field.
   */
  private async inspectInputs(
    tenantId: string,
    cmd: SubmitMediaTaskCommand,
  ): Promise<Partial<Record<MediaImageField, StoredInput>>> {
    const prefix = `${taskStoragePrefix(tenantId, cmd.task_id)}/`;
    const limits = { maxBytes: this.env.MEDIA_MAX_IMAGE_BYTES, maxPixels: this.env.MEDIA_MAX_PIXELS };
    const details: Record<string, string[]> = {};
    const inputs: Partial<Record<MediaImageField, StoredInput>> = {};
    for (const field of MEDIA_IMAGE_FIELDS) {
      const ref = cmd.images[field];
      if (!ref) continue;
      if (!ref.key.startsWith(prefix)) {
        details[field] = [`${FIELD_LABEL[field]} is not stored under this task`];
        continue;
      }
      try {
        const bytes = await readStored(this.storage, ref.key, limits.maxBytes);
        const info = await inspectImage(bytes, limits);
        inputs[field] = { key: ref.key, bytes: bytes.length, sha256: ref.sha256, ...info };
      } catch (err) {
        if (!(err instanceof ImageRefusedError)) throw err;
        details[field] = [`${FIELD_LABEL[field]} ${err.message}`];
      }
    }
    const { image, mask } = inputs;
    if (image && mask && (image.width !== mask.width || image.height !== mask.height))
      details.mask = [
        `Mask is ${mask.width}×${mask.height}; it must be the image's size, ${image.width}×${image.height}`,
      ];
    if (Object.keys(details).length > 0) throw invalid(details);
    return inputs;
  }
}
