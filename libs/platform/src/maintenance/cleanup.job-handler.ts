import { Inject, Injectable } from '@nestjs/common';
import { JobNames, QueueNames, type CleanupCounts } from '@torque/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { QueueService } from '../bull/queue.service.js';
import type { ServiceEnv } from '../config/env.js';
import { JobHandler, type JobHandlerInstance } from '../jobs/job-handler.decorator.js';
import type { JobContext } from '../jobs/job-context.js';
import type { Outcome } from '../jobs/job-lifecycle.service.js';
import { JobsRepository } from '../jobs/jobs.repository.js';
import { SERVICE_ENV } from '../tokens.js';
import { MAINTENANCE_STEPS, type MaintenanceStep } from './maintenance-step.js';
import { SYSTEM_TENANT } from './maintenance.service.js';
import { OWNED_QUEUES } from './service-queues.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The retention clean-up: deletes finished job rows, relayed outbox rows, old inbox entries and
 * finished Bull jobs older than the cut-off, in batches, checking for cancel between batches; the
 * nightly run then runs the service's own maintenance steps.
 */
@Injectable()
@JobHandler(QueueNames.Maintenance, JobNames.Cleanup)
export class CleanupJobHandler implements JobHandlerInstance {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsRepository,
    private readonly queues: QueueService,
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
    @Inject(OWNED_QUEUES) private readonly serviceQueues: string[],
    @Inject(MAINTENANCE_STEPS) private readonly steps: MaintenanceStep[],
  ) {}

  async handle(ctx: JobContext): Promise<Outcome> {
    const days =
      typeof ctx.job.params.olderThanDays === 'number' ? ctx.job.params.olderThanDays : this.env.RETENTION_DAYS;
    const cutoff = new Date(Date.now() - days * DAY_MS);
    const batch = this.env.CLEANUP_BATCH_SIZE;
    const counts: CleanupCounts = { jobs_deleted: 0, outbox_deleted: 0, inbox_deleted: 0, bull_jobs_removed: 0 };
    Object.assign(ctx.counts, counts);

    // A tenant's admin cleans that tenant's job records; the nightly run (tenant `system`) cleans everything,
    // including the records no tenant owns: relayed events, handled-event ids and finished Bull jobs.
    const tenant = ctx.job.tenant_id === SYSTEM_TENANT ? null : ctx.job.tenant_id;
    const [{ jobs, outbox, inbox }] = await this.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM jobs WHERE status IN ('completed','failed','cancelled') AND completed_at < $1
            AND id <> $2 AND ($3::varchar IS NULL OR tenant_id = $3)) AS jobs,
         (SELECT count(*)::int FROM outbox WHERE published_at < $1) AS outbox,
         (SELECT count(*)::int FROM inbox WHERE handled_at < $1) AS inbox`,
      [cutoff, ctx.job.id, tenant],
    );
    const total = tenant === null ? jobs + outbox + inbox + this.serviceQueues.length + this.steps.length : jobs;
    let done = 0;
    await ctx.progress(0, total, `Deleting records finished before ${cutoff.toISOString()}`, true);

    for (;;) {
      ctx.throwIfCancelled();
      const n = await this.jobs.deleteFinishedBefore(this.dataSource.manager, cutoff, batch, tenant);
      ctx.count('jobs_deleted', n);
      done += n;
      await ctx.progress(done, total, 'Deleting finished job records');
      if (n < batch) break;
      await this.pause(ctx);
    }
    if (tenant !== null) return { status: 'completed', counts: ctx.counts, message: 'Clean-up finished' };
    for (const [table, column, counter] of [
      ['outbox', 'published_at', 'outbox_deleted'],
      ['inbox', 'handled_at', 'inbox_deleted'],
    ] as const) {
      for (;;) {
        ctx.throwIfCancelled();
        const [, n]: [unknown, number] = await this.dataSource.query(
          `DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM ${table} WHERE ${column} < $1 LIMIT $2)`,
          [cutoff, batch],
        );
        ctx.count(counter, n);
        done += n;
        await ctx.progress(done, total, `Deleting old ${table} entries`);
        if (n < batch) break;
        await this.pause(ctx);
      }
    }
    for (const queue of this.serviceQueues) {
      ctx.throwIfCancelled();
      ctx.count('bull_jobs_removed', await this.queues.cleanFinished(queue, Date.now() - cutoff.getTime()));
      done += 1;
      await ctx.progress(Math.min(done, total), total, `Cleaning Bull queue ${queue}`, true);
    }
    for (const step of this.steps) {
      ctx.throwIfCancelled();
      await ctx.progress(Math.min(done, total), total, step.description, true);
      await step.run(ctx);
      done += 1;
    }
    return { status: 'completed', counts: ctx.counts, message: 'Clean-up finished' };
  }

  /**
   * Spreads large deletes out so the clean-up never hogs the database (CLEANUP_BATCH_DELAY_MS). The
   * pause ends early when the job is cancelled, so a cancel never waits for it.
   */
  private async pause(ctx: JobContext): Promise<void> {
    if (this.env.CLEANUP_BATCH_DELAY_MS > 0) {
      await sleep(this.env.CLEANUP_BATCH_DELAY_MS, undefined, { signal: ctx.signal }).catch(() => undefined);
    }
    ctx.throwIfCancelled();
  }
}
