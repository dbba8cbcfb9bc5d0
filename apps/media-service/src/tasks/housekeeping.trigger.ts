import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MediaJobNames, MediaQueueNames, type MediaHousekeepingResult } from '@torque/contracts';
import {
  FILE_STORAGE,
  JobLifecycleService,
  QueueService,
  TriggerHandler,
  type FileStorage,
  type TriggerHandlerInstance,
} from '@torque/platform';
import { DataSource } from 'typeorm';
import { MEDIA_ENV, type MediaEnv } from '../common/media-env.js';
import { TasksRepository } from './tasks.repository.js';

const BATCH = 200;

/**
 * Housekeeping of media tasks (MEDIA_HOUSEKEEPING_CRON, a Bull repeatable job on the cpu queue): deletes the stored
 * images and results of tasks ended more than MEDIA_RESULT_TTL_SECONDS ago (their rows and history stay), and
 * fails queued tasks whose pending deadline passed.
 */
@Injectable()
@TriggerHandler(MediaQueueNames.Cpu, MediaJobNames.MediaHousekeepingSchedule)
export class HousekeepingTrigger implements OnApplicationBootstrap, TriggerHandlerInstance {
  private readonly logger = new Logger(HousekeepingTrigger.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: TasksRepository,
    private readonly lifecycle: JobLifecycleService,
    private readonly queues: QueueService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(MEDIA_ENV) private readonly env: MediaEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.scheduleAtBoot(
      'media housekeeping',
      MediaQueueNames.Cpu,
      MediaJobNames.MediaHousekeepingSchedule,
      this.env.MEDIA_HOUSEKEEPING_CRON,
      { jobId: 'housekeeping' },
    );
  }

  async trigger(): Promise<MediaHousekeepingResult> {
    return { expired: await this.expire(), overdue: await this.failOverdue() };
  }

  /** Removes the files of expired tasks; returns how many tasks. */
  async expire(): Promise<number> {
    let done = 0;
    for (;;) {
      const rows = await this.repo.expiredWithFiles(this.dataSource.manager, this.env.MEDIA_RESULT_TTL_SECONDS, BATCH);
      for (const row of rows) {
        const keys = [...Object.values(row.inputs).map((i) => i.key), ...(row.result_key ? [row.result_key] : [])];
        await Promise.all(keys.map((key) => this.storage.remove(key)));
        await this.repo.markFilesRemoved(this.dataSource.manager, row.id);
      }
      done += rows.length;
      if (rows.length < BATCH) return done;
    }
  }

  /** Fails queued tasks past their deadline and takes their Bull jobs off the queue; returns how many. */
  async failOverdue(): Promise<number> {
    const rows = await this.repo.overdue(this.dataSource.manager, BATCH);
    let failed = 0;
    for (const row of rows) {
      const job = await this.lifecycle
        .failed(
          row.id,
          'deadline_exceeded',
          `The task did not start before its deadline (${row.deadline_at!.toISOString()}); it was not run`,
        )
        .catch((err: Error) => {
          // Started (or cancelled) meanwhile: the transition is illegal now and the task is someone else's.
          this.logger.debug(`task ${row.id} not failed for its deadline: ${err.message}`);
          return null;
        });
      if (job?.status !== 'failed') continue;
      await this.queues.remove(row.queue, row.id);
      failed++;
    }
    if (failed > 0) this.logger.log(`${failed} pending task(s) failed: deadline passed`);
    return failed;
  }
}
