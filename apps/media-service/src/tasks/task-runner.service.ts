import { Inject, Injectable, Logger } from '@nestjs/common';
import type { MediaTaskJobResult } from '@torque/contracts';
import {
  FILE_STORAGE,
  JobContext,
  PermanentJobError,
  StorageNotFoundError,
  type FileStorage,
  type Outcome,
} from '@torque/platform';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { MEDIA_ENV, type MediaEnv } from '../common/media-env.js';
import { MediaEngineError, type EngineImages } from '../engines/media-engine.js';
import { ENGINE_POOL } from '../engines/engines.module.js';
import type { EnginePool } from '../engines/runtime/engine-pool.js';
import { MediaMetrics } from './media-metrics.js';
import { readStored } from './task-images.js';
import { taskStoragePrefix } from './tasks.service.js';
import { TasksRepository } from './tasks.repository.js';

/**
 * Runs one media task for the cpu and gpu job handlers: reads its images from storage, runs its engine in an
 * engine thread (progress relayed, cancel honoured within MEDIA_CANCEL_GRACE_MS), stores the PNG and records the
 * result. An input the engine refuses, or no face found, fails the task with the engine's message (never
 * retried); a hosted provider's passing failure is thrown so that Bull tries again (MEDIA_TASK_ATTEMPTS).
 */
@Injectable()
export class TaskRunnerService {
  private readonly logger = new Logger(TaskRunnerService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: TasksRepository,
    private readonly metrics: MediaMetrics,
    @Inject(ENGINE_POOL) private readonly pool: EnginePool,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(MEDIA_ENV) private readonly env: MediaEnv,
  ) {}

  async run(ctx: JobContext): Promise<Outcome<MediaTaskJobResult>> {
    const task = await this.repo.get(this.dataSource.manager, ctx.job.id);
    if (!task) throw new PermanentJobError('no_task', 'The task record is missing');
    if (task.deadline_at && task.deadline_at.getTime() < (ctx.job.started_at ?? new Date()).getTime())
      throw new PermanentJobError(
        'deadline_exceeded',
        `The task did not start before its deadline (${task.deadline_at.toISOString()}); it was not run`,
      );
    await ctx.progress(5, 100, 'Reading the images', true);
    const images: EngineImages = {};
    for (const [field, input] of Object.entries(task.inputs)) {
      try {
        images[field as keyof EngineImages] = await readStored(this.storage, input.key, this.env.MEDIA_MAX_IMAGE_BYTES);
      } catch (err) {
        if (err instanceof StorageNotFoundError)
          throw new PermanentJobError('input_missing', `The task's ${field} is no longer in storage; submit it again`);
        throw err;
      }
    }
    ctx.throwIfCancelled();

    const labels = { task_type: task.task_type, queue: task.queue };
    const stop = this.metrics.duration.startTimer(labels);
    this.metrics.inProgress.inc(labels);
    let result;
    let lastMessage = '';
    try {
      result = await this.pool.run(
        { taskType: task.task_type, prompt: task.prompt ?? undefined, images, parameters: task.parameters },
        {
          signal: ctx.signal,
          progress: (percent, message) => {
            const pct = Math.max(5, Math.min(99, Math.round(percent)));
            // A new message is a new phase (it is written at once); the same one repeated is throttled.
            const phase = message !== lastMessage;
            lastMessage = message;
            ctx.progress(pct, 100, message, phase).catch((err: Error) => this.logger.warn(`progress: ${err.message}`));
          },
        },
      );
      stop({ outcome: 'success' });
    } catch (err) {
      const outcome = ctx.cancelled ? 'cancelled' : 'failure';
      stop({ outcome });
      ctx.throwIfCancelled();
      if (err instanceof MediaEngineError && !err.retryable) throw new PermanentJobError(err.code, err.message);
      throw err;
    } finally {
      this.metrics.inProgress.dec(labels);
    }
    ctx.throwIfCancelled();

    const key = `${taskStoragePrefix(task.tenant_id, task.id)}/result.png`;
    const stored = await this.storage.put(key, Readable.from([result.png]));
    await this.repo.saveResult(this.dataSource.manager, task.id, {
      key,
      bytes: stored.size,
      width: result.width,
      height: result.height,
      engine: result.engine,
      refinedPrompt: result.refined_prompt ?? null,
      metadata: result.metadata,
    });
    return {
      status: 'completed',
      result: { engine: result.engine, width: result.width, height: result.height, bytes: stored.size },
      message: `${task.task_type} done by ${result.engine}`,
    };
  }
}
