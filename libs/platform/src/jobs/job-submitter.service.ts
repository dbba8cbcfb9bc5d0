import { Injectable, Logger } from '@nestjs/common';
import type { QueueName, RequestMeta, TrackedJobNameOn } from '@torque/contracts';
import type { JobOptions } from 'bull';
import { QueueService } from '../bull/queue.service.js';
import { UseCaseError } from '../rpc/use-case.error.js';
import type { JobRecord } from './job-record.js';
import { JobLifecycleService, type InJobTransaction } from './job-lifecycle.service.js';

export interface Submission<Q extends QueueName = QueueName> {
  meta: Pick<RequestMeta, 'tenantId' | 'correlationId'>;
  /** The job row's id when the caller already chose one (the media gateway stores a task's images under it). */
  id?: string;
  queue: Q;
  name: TrackedJobNameOn<Q>;
  /** Stored on the job row; Bull only carries the row id. */
  params?: Record<string, unknown>;
  /** A queued or running job with the same key is returned instead of a new one. */
  dedupeKey?: string;
  progressTotal?: number;
  options?: JobOptions;
  /**
   * The feature's own rows of a new job (its parts, its export ...), written in the transaction that
   * creates the job row and its event, so the three commit together or not at all. Not run when an
   * existing job is answered by its de-duplication key.
   */
  inTransaction?: InJobTransaction;
}

/**
 * The one way to submit a job: creates the job row (the truth), with the feature's rows in the same
 * transaction, and then the Bull job that references it. If the Bull add fails the row ends
 * `failed` (enqueue_failed) and the caller gets a 503 `service_unavailable` (Redis is down or restarting: a
 * passing outage, worth a retry, not an internal error).
 */
@Injectable()
export class JobSubmitterService {
  private readonly logger = new Logger(JobSubmitterService.name);

  constructor(
    private readonly lifecycle: JobLifecycleService,
    private readonly queues: QueueService,
  ) {}

  async submit<Q extends QueueName>(s: Submission<Q>): Promise<{ row: JobRecord; created: boolean }> {
    const { row, created } = await this.lifecycle.create(
      {
        id: s.id ?? crypto.randomUUID(),
        tenantId: s.meta.tenantId,
        type: s.name,
        params: { ...s.params, queue: s.queue },
        dedupeKey: s.dedupeKey,
        correlationId: s.meta.correlationId,
        progressTotal: s.progressTotal,
      },
      s.inTransaction,
    );
    if (!created) return { row, created };
    try {
      await this.queues.add(
        s.queue,
        s.name,
        { jobId: row.id, meta: { tenantId: s.meta.tenantId, correlationId: s.meta.correlationId } },
        s.options,
      );
    } catch (err) {
      this.logger.error(`could not queue job ${row.id}: ${(err as Error).message}`);
      await this.lifecycle.failed(row.id, 'enqueue_failed', 'The job could not be queued; submit it again');
      throw new UseCaseError(503, 'service_unavailable', 'The job could not be queued; submit it again');
    }
    return { row, created };
  }
}
