import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  ALL_SERVICE_QUEUES,
  isTriggerJob,
  type ActiveQueueJobDto,
  type JobRef,
  type QueueCountsDto,
  type RequestMeta,
  type ServiceQueue,
} from '@torque/contracts';
import Bull, { type Job, type Queue } from 'bull';
import type { GatewayEnv } from '../config/gateway-env.js';
import { ApiError } from '../http/http-error.js';
import { GATEWAY_ENV } from '../tokens.js';

/** Acting for this tenant covers every tenant's jobs (as the nightly clean-up does). */
export const SYSTEM_TENANT = 'system';

/** A queue of the deployment, opened on Redis by the gateway. */
export interface OpenQueue extends ServiceQueue {
  bull: Queue;
}

/**
 * The gateway's read-only view of every service's Bull queues (all of SERVICE_QUEUES, on Redis with the
 * services' prefix), for the queue dashboard and the admin counts. The gateway never processes or adds jobs:
 * what must keep job rows true (purge, retry) is asked of the owning service.
 */
@Injectable()
export class GatewayQueuesService implements OnApplicationShutdown {
  private readonly queues = new Map<string, OpenQueue>();

  constructor(@Inject(GATEWAY_ENV) private readonly env: GatewayEnv) {
    for (const def of ALL_SERVICE_QUEUES) {
      const bull = new Bull(def.name, env.REDIS_URL, { prefix: `${env.NAMESPACE}:bull` });
      this.queues.set(def.name, { ...def, bull });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.bull.close()));
  }

  all(): OpenQueue[] {
    return [...this.queues.values()];
  }

  /** The queue of a full Bull name (`fitment.generate`); 404 for any other. */
  get(name: string): OpenQueue {
    const queue = this.queues.get(name);
    if (!queue) {
      throw new ApiError(404, 'not_found', `There is no queue ${name}; GET /api/v1/admin/queues lists them`);
    }
    return queue;
  }

  async counts(): Promise<QueueCountsDto[]> {
    return Promise.all(
      this.all().map(async (q) => {
        const counts = (await this.redis(q.bull.getJobCounts())) as Bull.JobCounts & { paused?: number };
        return {
          queue: q.name,
          service: q.service,
          waiting: counts.waiting,
          active: counts.active,
          delayed: counts.delayed,
          failed: counts.failed,
          completed: counts.completed,
          paused: counts.paused ?? 0,
        };
      }),
    );
  }

  /** The jobs workers are running on `queue` now: the tenant's, or every one for tenant `system`. */
  async active(queue: OpenQueue, meta: RequestMeta): Promise<ActiveQueueJobDto[]> {
    const jobs = await this.redis(queue.bull.getActive());
    return jobs
      .filter((job): job is Job => !!job)
      .map((job) => ({ job, data: (job.data ?? {}) as Partial<JobRef> }))
      .filter(({ job, data }) =>
        meta.tenantId === SYSTEM_TENANT
          ? true
          : !isTriggerJob(queue.service, queue.queue, job.name) && data.meta?.tenantId === meta.tenantId,
      )
      .map(({ job, data }) => {
        const trigger = isTriggerJob(queue.service, queue.queue, job.name);
        return {
          bullJobId: String(job.id),
          jobId: !trigger && typeof data.jobId === 'string' ? data.jobId : null,
          name: job.name,
          tenantId: !trigger && typeof data.meta?.tenantId === 'string' ? data.meta.tenantId : null,
          startedAt: job.processedOn ? new Date(job.processedOn).toISOString() : null,
          attempt: job.attemptsMade + 1,
          maxAttempts: job.opts.attempts ?? 1,
        };
      });
  }

  /** A Redis read with the deadline of a request to a service: an unreachable Redis is a 503, not a hang. */
  private async redis<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ApiError(503, 'service_unavailable', 'Redis did not answer; the queues cannot be read now')),
        this.env.RPC_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
