import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IndexerJobNames, IndexerQueueNames, type RequestMeta } from '@torque/contracts';
import { JobSubmitterService, runsApi, SERVICE_ENV, type ServiceEnv } from '@torque/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { INDEXER_ENV, type IndexerEnv } from '../common/indexer-env.js';
import { ChangeBatchesRepository, type BatchRow } from './change-batches.repository.js';
import { batchDelayMs } from './debounce.js';

/**
 * A job to submit once the transaction that recorded the changes committed: the batch it opened (`seq`), or the
 * tenant's express job (`express`) for small changes of a tenant in a burst.
 */
export type OpenedBatch =
  | { tenantId: string; seq: string; delayMs: number; express?: false }
  | { tenantId: string; seq?: undefined; delayMs: number; express: true; expressSeq: string };

/**
 * Coalesces product changes into light batch jobs. Changes are pending rows, one per product (keep-latest);
 * the first change of a tenant with no open batch opens one and decides its delay (`batchDelayMs`); the batch's
 * job is submitted after the commit, de-duplicated by the batch number. Later changes join the open batch until
 * its job starts. A small change (at most INDEX_EXPRESS_MAX_CHANGES products) of a tenant in a burst does not wait
 * for the burst's debounced batch: its pending changes are flagged, and the tenant's express job takes every
 * flagged change after INDEX_QUIET_DELAY_MS. Express jobs are de-duplicated by the tenant's express number, which
 * a job moves on when it starts: changes flagged before that are the queued job's, later ones get the next job
 * (never a running job that has already looked). Whichever job claims a change first indexes it. A sweep submits batches a
 * crash left without a job.
 */
@Injectable()
export class ChangeBatchesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeBatchesService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: ChangeBatchesRepository,
    private readonly jobs: JobSubmitterService,
    @Inject(INDEXER_ENV) private readonly env: IndexerEnv,
    @Inject(SERVICE_ENV) private readonly serviceEnv: ServiceEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (!runsApi(this.serviceEnv)) return;
    this.timer = setInterval(() => {
      this.sweep().catch((err) => this.logger.warn(`sweep failed: ${(err as Error).message}`));
    }, this.env.INDEX_SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Records changed products in the caller's transaction; returns the jobs to submit after the commit: the batch
   * it opened, if it opened one, and the express job when the change is small and the tenant in a burst.
   */
  async record(
    em: EntityManager,
    tenantId: string,
    productIds: readonly number[],
    changedAt: Date,
  ): Promise<OpenedBatch[]> {
    if (productIds.length === 0) return [];
    const row = await this.repo.lock(em, tenantId);
    const delayMs = this.delayOf(row);
    const express =
      delayMs > this.env.INDEX_QUIET_DELAY_MS && new Set(productIds).size <= this.env.INDEX_EXPRESS_MAX_CHANGES;
    await this.repo.addPending(em, tenantId, productIds, changedAt, express);
    const opened: OpenedBatch[] = [];
    if (row.open_seq === null) opened.push({ tenantId, seq: await this.repo.open(em, tenantId), delayMs });
    if (express)
      opened.push({ tenantId, express: true, delayMs: this.env.INDEX_QUIET_DELAY_MS, expressSeq: row.express_seq });
    return opened;
  }

  /** Submits a job `record` returned, after its transaction committed. */
  async submit(batch: OpenedBatch, correlationId: string | null): Promise<void> {
    const meta: Pick<RequestMeta, 'tenantId' | 'correlationId'> = {
      tenantId: batch.tenantId,
      correlationId: correlationId ?? (batch.express ? `express-${batch.expressSeq}` : `batch-${batch.seq}`),
    };
    const common = {
      meta,
      queue: IndexerQueueNames.Light,
      name: IndexerJobNames.IndexerUpdate,
      options: {
        delay: batch.delayMs,
        attempts: this.env.INDEX_JOB_ATTEMPTS,
        backoff: { type: 'fixed' as const, delay: this.env.INDEX_RETRY_DELAY_MS },
      },
    };
    if (batch.express) {
      // one express job per express number: changes flagged until it starts are all its own
      await this.jobs.submit({ ...common, params: { express: true }, dedupeKey: `express:${batch.expressSeq}` });
      return;
    }
    const seq = batch.seq;
    await this.jobs.submit({
      ...common,
      params: { batch: seq },
      dedupeKey: `batch:${seq}`,
      inTransaction: (em, row) => this.repo.linkJob(em, batch.tenantId, seq, row.id),
    });
  }

  /** Submits a job for every tenant whose changes wait without one (see ChangeBatchesRepository.stranded). */
  async sweep(): Promise<number> {
    const olderThan = this.env.INDEX_MAX_WAIT_MS + 2 * this.env.INDEX_SWEEP_MS;
    const tenants = await this.repo.stranded(this.dataSource.manager, olderThan);
    let submitted = 0;
    for (const tenantId of tenants) {
      const batch = await this.dataSource.transaction(async (em) => {
        const row = await this.repo.lock(em, tenantId);
        // Under the lock again: another replica's sweep (or a new change) may have seen to it meanwhile.
        if ((await this.repo.stranded(em, olderThan, tenantId)).length === 0) return null;
        // A batch whose job ended without taking it (or never got one) is replaced by a new one.
        const seq = await this.repo.open(em, tenantId);
        return { tenantId, seq, delayMs: row.open_seq === null ? this.env.INDEX_QUIET_DELAY_MS : 0 };
      });
      if (!batch) continue;
      await this.submit(batch, `sweep-${batch.seq}`);
      submitted++;
    }
    return submitted;
  }

  /** The delay of a batch the tenant (its locked row) would open now: above the quiet delay in a burst. */
  private delayOf(row: BatchRow): number {
    return batchDelayMs(
      new Date(),
      row.last_started_at ? { startedAt: row.last_started_at, changes: row.last_changes } : null,
      {
        quietDelayMs: this.env.INDEX_QUIET_DELAY_MS,
        debounceMs: this.env.INDEX_DEBOUNCE_MS,
        maxWaitMs: this.env.INDEX_MAX_WAIT_MS,
        burstMinChanges: this.env.INDEX_BURST_MIN_CHANGES,
      },
    );
  }
}
