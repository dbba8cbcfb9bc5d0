import { getQueueToken } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  serviceQueueName,
  type JobDataOf,
  type QueueName,
  type ServiceName,
  type TrackedJobNameOn,
  type TriggerJobNameOn,
} from '@torque/contracts';
import type { Job, JobOptions, Queue } from 'bull';
import { runsApi, type ServiceEnv } from '../config/env.js';
import { SERVICE_ENV, SERVICE_NAME } from '../tokens.js';
import { DEFAULT_JOB_OPTIONS } from './bull-defaults.js';

/**
 * The one place feature code adds Bull jobs. Job ids are the job row ids, so adding the same
 * job twice is a no-op; payloads are references (JobRef), never the work itself.
 */
@Injectable()
export class QueueService {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
  ) {}

  queue(name: string): Queue {
    const full = serviceQueueName(this.service, name);
    let queue = this.queues.get(full);
    if (!queue) {
      queue = this.moduleRef.get<Queue>(getQueueToken(full), { strict: false });
      this.queues.set(full, queue);
    }
    return queue;
  }

  async add<Q extends QueueName, N extends TrackedJobNameOn<Q>>(
    queue: Q,
    name: N,
    data: JobDataOf<N>,
    opts: JobOptions = {},
  ): Promise<Job<JobDataOf<N>>> {
    return this.queue(queue).add(name, data, { ...DEFAULT_JOB_OPTIONS, jobId: data.jobId, ...opts });
  }

  /**
   * Registers a repeatable job: one schedule in Redis however many replicas call this; a changed cron replaces the
   * old schedule. The job id has no colon: Bull's repeat keys are colon-separated (`name:id:end:tz:cron`), and
   * with the earlier `schedule:<name>` ids it read every cron wrong, so each boot replaced the schedule and a
   * changed cron could leave the old one's next run queued. Schedules of those ids are replaced at the next boot.
   */
  async schedule<Q extends QueueName, N extends TriggerJobNameOn<Q>>(
    queue: Q,
    name: N,
    cron: string,
    data: JobDataOf<N>,
  ): Promise<void> {
    const q = this.queue(queue);
    for (const existing of await q.getRepeatableJobs()) {
      if (existing.name === name && existing.cron !== cron) await q.removeRepeatableByKey(existing.key);
    }
    await q.add(name, data, { ...DEFAULT_JOB_OPTIONS, attempts: 1, repeat: { cron }, jobId: `schedule.${name}` });
  }

  /**
   * A trigger's schedule, registered at boot by the processes that own schedules: the api role, unless
   * SCHEDULES_ENABLED is off (workers and schedule-less deployments register none). `what` names it in the log.
   */
  async scheduleAtBoot<Q extends QueueName, N extends TriggerJobNameOn<Q>>(
    what: string,
    queue: Q,
    name: N,
    cron: string,
    data: JobDataOf<N>,
  ): Promise<void> {
    if (!runsApi(this.env) || !this.env.SCHEDULES_ENABLED) return;
    await this.schedule(queue, name, cron, data);
    this.logger.log(`${what} scheduled (${cron})`);
  }

  /** Removes a waiting or delayed Bull job (a queued job that was cancelled). */
  async remove(queue: string, jobId: string): Promise<void> {
    const job = await this.queue(queue).getJob(jobId);
    if (job && !(await job.isActive())) await job.remove();
  }

  /** Removes finished Bull jobs older than `ageMs` from a queue; returns how many. */
  async cleanFinished(queue: string, ageMs: number): Promise<number> {
    const q = this.queue(queue);
    const [completed, failed] = await Promise.all([q.clean(ageMs, 'completed'), q.clean(ageMs, 'failed')]);
    return completed.length + failed.length;
  }
}
