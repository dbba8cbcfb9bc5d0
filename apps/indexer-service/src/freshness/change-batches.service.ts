import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IndexerJobNames, IndexerQueueNames, type RequestMeta } from '@torque/contracts';
import { JobSubmitterService, runsApi, SERVICE_ENV, type ServiceEnv } from '@torque/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { INDEXER_ENV, type IndexerEnv } from '../common/indexer-env.js';
import { ChangeBatchesRepository } from './change-batches.repository.js';
import { batchDelayMs } from './debounce.js';

/** A batch opened in a transaction, to be submitted once that transaction committed. */
export interface OpenedBatch {
  tenantId: string;
  seq: string;
  delayMs: number;
}

/**
 * Coalesces product changes into light batch jobs. Changes are pending rows, one per product (keep-latest);
 * the first change of a tenant with no open batch opens one and decides its delay (`batchDelayMs`); the batch's
 * job is submitted after the commit, de-duplicated by the batch number. Later changes join the open batch until
 * its job starts. A sweep submits batches a crash left without a job.
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

  /** Records changed products in the caller's transaction; returns the batch it opened, if it opened one. */
  async record(
    em: EntityManager,
    tenantId: string,
    productIds: readonly number[],
    changedAt: Date,
  ): Promise<OpenedBatch | null> {
    if (productIds.length === 0) return null;
    await this.repo.addPending(em, tenantId, productIds, changedAt);
    return this.openIfNone(em, tenantId);
  }

  /** Submits the job of a batch opened by `record`, after its transaction committed. */
  async submit(batch: OpenedBatch, correlationId: string | null): Promise<void> {
    const meta: Pick<RequestMeta, 'tenantId' | 'correlationId'> = {
      tenantId: batch.tenantId,
      correlationId: correlationId ?? `batch-${batch.seq}`,
    };
    await this.jobs.submit({
      meta,
      queue: IndexerQueueNames.Light,
      name: IndexerJobNames.IndexerUpdate,
      params: { batch: batch.seq },
      dedupeKey: `batch:${batch.seq}`,
      options: {
        delay: batch.delayMs,
        attempts: this.env.INDEX_JOB_ATTEMPTS,
        backoff: { type: 'fixed', delay: this.env.INDEX_RETRY_DELAY_MS },
      },
      inTransaction: (em, row) => this.repo.linkJob(em, batch.tenantId, batch.seq, row.id),
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

  private async openIfNone(em: EntityManager, tenantId: string): Promise<OpenedBatch | null> {
    const row = await this.repo.lock(em, tenantId);
    if (row.open_seq !== null) return null;
    const delayMs = batchDelayMs(
      new Date(),
      row.last_started_at ? { startedAt: row.last_started_at, changes: row.last_changes } : null,
      {
        quietDelayMs: this.env.INDEX_QUIET_DELAY_MS,
        debounceMs: this.env.INDEX_DEBOUNCE_MS,
        maxWaitMs: this.env.INDEX_MAX_WAIT_MS,
        burstMinChanges: this.env.INDEX_BURST_MIN_CHANGES,
      },
    );
    const seq = await this.repo.open(em, tenantId);
    return { tenantId, seq, delayMs };
  }
}
