import { Inject, Injectable } from '@nestjs/common';
import {
  isTerminalStatus,
  isTriggerJob,
  SERVICE_QUEUES,
  serviceQueueName,
  type JobRef,
  type QueuePurgeResultDto,
  type QueueRetryResultDto,
  type RequestMeta,
  type ServiceName,
} from '@torque/contracts';
import type { Job, Queue } from 'bull';
import { DataSource } from 'typeorm';
import { QueueService } from '../bull/queue.service.js';
import { SYSTEM_TENANT } from '../maintenance/maintenance.service.js';
import { UseCaseError } from '../rpc/use-case.error.js';
import { SERVICE_NAME } from '../tokens.js';
import { JobLifecycleService, JobNotFoundError } from './job-lifecycle.service.js';

/**
 * The admin operations on a service's Bull queues that must keep the job rows true: purge (Celery's `purge`)
 * and retry of failed Bull jobs. A tenant's admin acts on that tenant's jobs; acting for tenant `system` acts on
 * every tenant's. Trigger jobs (schedules) are never purged: removing the waiting run of a schedule stops it.
 */
@Injectable()
export class QueueAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly lifecycle: JobLifecycleService,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
  ) {}

  /**
   * Cancels the tenant's queued jobs that wait on `queue` and removes their Bull jobs. The row is cancelled
   * first and its Bull job removed after, so no row is ever left `queued` without a Bull job: a worker that takes
   * the job in between finds the row cancelled and skips it. A waiting job whose row is `processing` (put back
   * after a stall) keeps its Bull job and is told to stop: the worker that takes it ends it `cancelled`.
   */
  async purge(queue: string, meta: RequestMeta): Promise<QueuePurgeResultDto> {
    const q = this.queueOf(queue);
    const result: QueuePurgeResultDto = { queue: q.name, cancelled: 0, removed: 0, cancelRequested: 0 };
    for (const job of this.tracked(queue, await q.getJobs(['waiting', 'paused']), meta)) {
      const { jobId, meta: jobMeta } = job.data;
      let ended = true;
      try {
        if (!isTerminalStatus((await this.lifecycle.get(jobId)).status)) {
          const row = await this.lifecycle.requestCancel(jobId, jobMeta.tenantId);
          ended = isTerminalStatus(row.status);
          if (ended) result.cancelled += 1;
          else result.cancelRequested += 1;
        }
      } catch (err) {
        if (!(err instanceof JobNotFoundError)) throw err;
      }
      if (ended && (await removeUnlessActive(job))) result.removed += 1;
    }
    return result;
  }

  /**
   * Puts the tenant's failed Bull jobs of `queue` back on it. A worker records a handler's last failure on the row
   * and ends the Bull job itself, so Bull's failed jobs are those that failed outside the handler: the row's
   * change could not be written (it is still `queued` or `processing`), or the job stalled too often (the row is
   * `failed`). A live row goes back to `queued` in the transaction that retries its Bull job, so a worker that
   * takes the job waits for the row; an ended row is final and its Bull job is left for the clean-up.
   */
  async retryFailed(queue: string, meta: RequestMeta): Promise<QueueRetryResultDto> {
    const q = this.queueOf(queue);
    const result: QueueRetryResultDto = { queue: q.name, retried: 0, skipped: 0 };
    const failed = await q.getFailed();
    const triggers = meta.tenantId === SYSTEM_TENANT ? failed.filter((j) => this.isTrigger(queue, j)) : [];
    for (const job of triggers) {
      await job.retry();
      result.retried += 1;
    }
    for (const job of this.tracked(queue, failed, meta)) {
      const { jobId } = job.data;
      const retried = await this.dataSource
        .transaction(async (em) => {
          const row = await this.lifecycle.applyInTransaction(em, jobId, (current) =>
            current.status === 'processing' ? { status: 'queued', progressMessage: 'Retried by an admin' } : null,
          );
          if (row.status !== 'queued') return false;
          await job.retry();
          return true;
        })
        .catch((err: unknown) => {
          if (err instanceof JobNotFoundError) return false;
          throw err;
        });
      if (retried) result.retried += 1;
      else result.skipped += 1;
    }
    return result;
  }

  private queueOf(queue: string): Queue {
    if (!(SERVICE_QUEUES[this.service] as readonly string[]).includes(queue)) {
      throw new UseCaseError(404, 'not_found', `Queue ${serviceQueueName(this.service, queue)} does not exist`);
    }
    return this.queues.queue(queue);
  }

  /** The tracked jobs among `jobs` (those with a job row) that `meta`'s tenant may act on. */
  private tracked(queue: string, jobs: (Job | null)[], meta: RequestMeta): Job<JobRef>[] {
    return jobs.filter((job): job is Job<JobRef> => {
      if (!job || this.isTrigger(queue, job)) return false;
      const data = job.data as Partial<JobRef> | undefined;
      if (typeof data?.jobId !== 'string' || typeof data.meta?.tenantId !== 'string') return false;
      return meta.tenantId === SYSTEM_TENANT || data.meta.tenantId === meta.tenantId;
    });
  }

  private isTrigger(queue: string, job: Job): boolean {
    return isTriggerJob(this.service, queue, job.name);
  }
}

/** Removes a Bull job unless a worker took it meanwhile (Bull refuses to remove a locked job). */
async function removeUnlessActive(job: Job): Promise<boolean> {
  try {
    await job.remove();
    return true;
  } catch {
    return false;
  }
}
