import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { serviceQueueName, type JobRef, type ServiceName } from '@torque/contracts';
import type { Job, Queue } from 'bull';
import { plainToInstance } from 'class-transformer';
import { IsObject, IsString, IsUUID, validateSync } from 'class-validator';
import { runsWorker, type ServiceEnv } from '../config/env.js';
import { runWithContext } from '../logging/request-context.js';
import { MetricsService } from '../observability/metrics.service.js';
import { QueueService } from '../bull/queue.service.js';
import { SERVICE_ENV, SERVICE_NAME } from '../tokens.js';
import { CancelSignalService } from './cancel-signal.service.js';
import { JobContext } from './job-context.js';
import { JobCancelledError, PermanentJobError } from './job-errors.js';
import { JOB_HANDLER, type JobHandlerInstance, type JobHandlerMeta, type TriggerHandlerInstance } from './job-handler.decorator.js';
import { JobLifecycleService, JobNotFoundError } from './job-lifecycle.service.js';

class JobRefMeta {
  @IsString()
  tenantId!: string;
  @IsString()
  correlationId!: string;
}
class JobRefData {
  @IsUUID()
  jobId!: string;
  @IsObject()
  meta!: JobRefMeta;
}

/**
 * Registers the Bull processors of the queues this process works on (ROLE, WORKER_QUEUES) and runs
 * each job through the lifecycle: processing -> completed | review_required | failed | cancelled.
 * On shutdown it stops taking jobs and waits up to SHUTDOWN_GRACE_MS for the active ones.
 */
@Injectable()
export class WorkerRegistryService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerRegistryService.name);
  private readonly active = new Set<Promise<unknown>>();
  private readonly workedQueues = new Set<Queue>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly queues: QueueService,
    private readonly lifecycle: JobLifecycleService,
    private readonly cancelSignal: CancelSignalService,
    private readonly metrics: MetricsService,
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const meta = wrapper.metatype ? this.reflector.get<JobHandlerMeta | undefined>(JOB_HANDLER, wrapper.metatype) : undefined;
      if (!meta || !wrapper.instance || !runsWorker(this.env, meta.queue)) continue;
      const queue = this.queues.queue(meta.queue);
      if (meta.trigger) {
        const trigger = wrapper.instance as TriggerHandlerInstance;
        void queue.process(meta.name, 1, (job: Job) => this.track(trigger.trigger(job)));
      } else {
        const handler = wrapper.instance as JobHandlerInstance;
        void queue.process(meta.name, this.env.WORKER_CONCURRENCY, (job: Job<JobRef>) => this.track(this.run(meta, handler, job)));
      }
      this.workedQueues.add(queue);
      this.logger.log(`working on ${serviceQueueName(this.service, meta.queue)}:${meta.name}`);
    }
  }

  /** Names of the queues this process works on (for /health and tests). */
  get queueNames(): string[] {
    return [...this.workedQueues].map((q) => q.name);
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Stop fetching new jobs here; other replicas keep going.
    await Promise.all([...this.workedQueues].map((q) => q.pause(true, true)));
    if (this.active.size === 0) return;
    this.logger.log(`waiting for ${this.active.size} active job(s) to finish`);
    const grace = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.env.SHUTDOWN_GRACE_MS).unref());
    const outcome = await Promise.race([Promise.allSettled([...this.active]), grace]);
    if (outcome === 'timeout') {
      // Their Bull locks lapse and another worker takes them over as stalled jobs; the rows stay `processing`.
      this.logger.warn(`${this.active.size} job(s) still running after ${this.env.SHUTDOWN_GRACE_MS} ms, handing them back`);
    }
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.active.add(p);
    return p.finally(() => this.active.delete(p));
  }

  private async run(meta: JobHandlerMeta, handler: JobHandlerInstance, job: Job<JobRef>): Promise<unknown> {
    const data = plainToInstance(JobRefData, job.data);
    const problems = validateSync(data);
    if (problems.length > 0) {
      this.logger.error(`dropping Bull job ${job.id} with invalid data: ${problems.map((p) => p.property).join(', ')}`);
      this.metrics.jobsFinished.inc({ queue: job.queue.name, job: meta.name, outcome: 'failed' });
      return { skipped: 'invalid job data' };
    }
    return runWithContext({ correlationId: data.meta.correlationId, tenantId: data.meta.tenantId }, () =>
      this.runJob(meta, handler, job, data.jobId),
    );
  }

  private async runJob(meta: JobHandlerMeta, handler: JobHandlerInstance, job: Job<JobRef>, jobId: string): Promise<unknown> {
    const labels = { queue: job.queue.name, job: meta.name };
    let row;
    try {
      row = await this.lifecycle.start(jobId);
    } catch (err) {
      if (err instanceof JobNotFoundError) {
        this.logger.warn(`Bull job ${job.id} refers to job ${jobId}, which no longer exists`);
        return { skipped: 'job row gone' };
      }
      throw err;
    }
    if (!row) return { skipped: 'job already ended or cancelled' };

    const signal = this.cancelSignal.watch(jobId);
    const ctx = new JobContext(row, signal, this.lifecycle);
    const stopTimer = this.metrics.jobDuration.startTimer(labels);
    try {
      const outcome = await handler.handle(ctx, job);
      await this.lifecycle.finish(jobId, { ...outcome, counts: outcome.counts ?? ctx.counts });
      this.metrics.jobsFinished.inc({ ...labels, outcome: outcome.status });
      return outcome.result ?? null;
    } catch (err) {
      return await this.onError(err as Error, ctx, job, labels);
    } finally {
      stopTimer();
      this.cancelSignal.unwatch(jobId);
    }
  }

  private async onError(err: Error, ctx: JobContext, job: Job<JobRef>, labels: { queue: string; job: string }) {
    const jobId = ctx.job.id;
    if (err instanceof JobCancelledError) {
      await this.lifecycle.cancelled(jobId, ctx.counts);
      this.metrics.jobsFinished.inc({ ...labels, outcome: 'cancelled' });
      return { cancelled: true };
    }
    const code = err instanceof PermanentJobError ? err.code : 'job_error';
    const attempts = job.opts.attempts ?? 1;
    const retry = !(err instanceof PermanentJobError) && job.attemptsMade + 1 < attempts;
    if (retry) {
      await this.lifecycle.retrying(jobId, code, err.message);
      this.metrics.jobsFinished.inc({ ...labels, outcome: 'retried' });
      throw err;
    }
    this.logger.error(`job ${jobId} failed: ${err.message}`);
    await this.lifecycle.failed(jobId, code, err.message, ctx.counts);
    this.metrics.jobsFinished.inc({ ...labels, outcome: 'failed' });
    return { failed: err.message };
  }
}
