import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
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
import {
  JOB_HANDLER,
  type JobHandlerInstance,
  type JobHandlerMeta,
  type TriggerHandlerInstance,
} from './job-handler.decorator.js';
import { jobHandlerProblems, JobHandlerMismatchError } from './job-handler-check.js';
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

interface WorkedHandler {
  meta: JobHandlerMeta;
  instance: JobHandlerInstance | TriggerHandlerInstance;
}

/**
 * Registers the Bull processors of the queues this process works on (ROLE, WORKER_QUEUES) and runs
 * each job through the lifecycle: processing -> completed | review_required | failed | cancelled.
 * Before that, at module init, it refuses to boot when the handlers of those queues do not match the
 * job registry (a job without a handler or with two, a handler of a job the registry does not list).
 * On shutdown it stops taking jobs and waits up to SHUTDOWN_GRACE_MS for the active ones.
 */
@Injectable()
export class WorkerRegistryService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerRegistryService.name);
  private readonly active = new Set<Promise<unknown>>();
  private readonly workedQueues = new Set<Queue>();
  /** Aborted when the shutdown grace ran out: running handlers stop, their jobs are handed back. */
  private readonly shutdown = new AbortController();
  private handedBack = false;
  private handlers: WorkedHandler[] = [];

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

  onModuleInit(): void {
    const declared: (WorkedHandler & { provider: string })[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const meta = this.reflector.get<JobHandlerMeta | undefined>(JOB_HANDLER, wrapper.metatype);
      if (meta) declared.push({ meta, instance: wrapper.instance, provider: wrapper.metatype.name });
    }
    const works = (queue: string) => runsWorker(this.env, queue);
    const problems = jobHandlerProblems(
      this.service,
      declared.map(({ meta, provider }) => ({ provider, queue: meta.queue, name: meta.name, trigger: !!meta.trigger })),
      works,
    );
    if (problems.length > 0) throw new JobHandlerMismatchError(this.service, problems);
    this.handlers = declared.filter((h) => works(h.meta.queue));
  }

  onApplicationBootstrap(): void {
    for (const { meta, instance } of this.handlers) {
      const queue = this.queues.queue(meta.queue);
      // process() settles only when the queue closes; a rejection (Redis unreachable at start) must not go unhandled.
      const stopped = (err: Error) => this.logger.error(`worker of ${queue.name}:${meta.name} stopped: ${err.message}`);
      if (meta.trigger) {
        const trigger = instance as TriggerHandlerInstance;
        queue.process(meta.name, 1, (job: Job) => this.track(trigger.trigger(job))).catch(stopped);
      } else {
        const handler = instance as JobHandlerInstance;
        queue
          .process(meta.name, this.env.WORKER_CONCURRENCY, (job: Job<JobRef>) =>
            this.track(this.run(meta, handler, job)),
          )
          .catch(stopped);
      }
      if (!this.workedQueues.has(queue))
        queue.on('failed', (job: Job | null, err: Error) => this.onBullFailed(job, err));
      this.workedQueues.add(queue);
      this.logger.log(`working on ${serviceQueueName(this.service, meta.queue)}:${meta.name}`);
    }
  }

  /** Names of the queues this process works on (for /health and tests). */
  get queueNames(): string[] {
    return [...this.workedQueues].map((q) => q.name);
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Stop fetching new jobs here (local pause, without waiting for the active ones); other replicas keep going.
    await Promise.all(
      [...this.workedQueues].map((q) =>
        q.pause(true, true).catch((err: Error) => this.logger.warn(`pausing ${q.name}: ${err.message}`)),
      ),
    );
    if (this.active.size === 0) return;
    this.logger.log(`waiting for ${this.active.size} active job(s) to finish`);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.env.SHUTDOWN_GRACE_MS);
    });
    const outcome = await Promise.race([Promise.allSettled([...this.active]), grace]);
    clearTimeout(timer);
    if (outcome !== 'timeout') return;
    // Hand the jobs back: their rows stay `processing` and nothing more is recorded or reported to Bull
    // from here; their Bull locks are no longer renewed, so once they lapse another worker takes the
    // jobs over as stalled. The handlers are told to stop at their next check.
    this.logger.warn(
      `${this.active.size} job(s) still running after ${this.env.SHUTDOWN_GRACE_MS} ms, handing them back`,
    );
    this.handedBack = true;
    this.shutdown.abort();
    // Queue.close() waits for active jobs unless told not to; closing here makes the close that
    // @nestjs/bull runs at shutdown return at once.
    await Promise.all([...this.workedQueues].map((q) => q.close(true).catch(() => undefined)));
  }

  /**
   * Bull gives up on a job that stalled more than maxStalledCount times (its workers kept dying) and
   * moves it to failed without running any handler: record that on the row, or it would stay
   * `processing` for good (and block its de-duplication key).
   */
  private onBullFailed(job: Job | null, err: Error | undefined): void {
    const jobId = (job?.data as Partial<JobRef> | undefined)?.jobId;
    if (!jobId || !/stalled more than allowable limit/.test(err?.message ?? '')) return;
    this.lifecycle
      .failed(jobId, 'stalled', 'The job stopped its worker too many times and was given up')
      .catch((e: Error) => this.logger.warn(`could not record stalled job ${jobId} as failed: ${e.message}`));
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

  private async runJob(
    meta: JobHandlerMeta,
    handler: JobHandlerInstance,
    job: Job<JobRef>,
    jobId: string,
  ): Promise<unknown> {
    const labels = { queue: job.queue.name, job: meta.name };
    // Watch before taking the job: a cancel that arrives between start() and the handler's first
    // check must not be lost (start() itself sees a cancel that was committed before it).
    const cancelSignal = this.cancelSignal.watch(jobId);
    let row;
    try {
      row = await this.lifecycle.start(jobId);
    } catch (err) {
      this.cancelSignal.unwatch(jobId);
      if (err instanceof JobNotFoundError) {
        this.logger.warn(`Bull job ${job.id} refers to job ${jobId}, which no longer exists`);
        return { skipped: 'job row gone' };
      }
      throw err;
    }
    if (!row) {
      this.cancelSignal.unwatch(jobId);
      return { skipped: 'job already ended or cancelled' };
    }

    const ctx = new JobContext(row, AbortSignal.any([cancelSignal, this.shutdown.signal]), this.lifecycle);
    const stopTimer = this.metrics.jobDuration.startTimer(labels);
    try {
      const outcome = await handler.handle(ctx, job);
      if (this.handedBack) return this.abandon(jobId);
      await this.lifecycle.finish(jobId, { ...outcome, counts: outcome.counts ?? ctx.counts });
      this.metrics.jobsFinished.inc({ ...labels, outcome: outcome.status });
      return outcome.result ?? null;
    } catch (err) {
      if (this.handedBack) return this.abandon(jobId);
      return await this.onError(err as Error, ctx, job, labels);
    } finally {
      stopTimer();
      this.cancelSignal.unwatch(jobId);
    }
  }

  /**
   * A job handed back at shutdown: its row stays as it is and Bull is told nothing (the promise never
   * settles), so the job is taken over as stalled once its lock lapses.
   */
  private abandon(jobId: string): Promise<never> {
    this.logger.warn(`job ${jobId} handed back; another worker takes it over once its lock lapses`);
    return new Promise<never>(() => undefined);
  }

  private async onError(err: Error, ctx: JobContext, job: Job<JobRef>, labels: { queue: string; job: string }) {
    const jobId = ctx.job.id;
    // A handler that was cancelled may also end with the error of whatever it was doing (an AbortError).
    if (err instanceof JobCancelledError || ctx.cancelled) {
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
