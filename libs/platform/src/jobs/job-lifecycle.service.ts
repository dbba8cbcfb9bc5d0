import { Inject, Injectable } from '@nestjs/common';
import {
  canTransition,
  EventNames,
  isTerminalStatus,
  type JobStatus,
  type JobViewDto,
  type Page,
  type ServiceName,
} from '@torque/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { afterCommit } from '../database/after-commit.js';
import { SERVICE_NAME } from '../tokens.js';
import { CancelSignalService } from './cancel-signal.service.js';
import { toJobView, type JobRecord } from './job-record.js';
import { JobsRepository, type JobFilter, type JobPatch, type NewJob } from './jobs.repository.js';
import { enqueueEvent } from './outbox.js';
import { OutboxRelayService } from './outbox-relay.service.js';

export class JobNotFoundError extends Error {
  constructor(readonly jobId: string) {
    super(`job ${jobId} not found`);
  }
}

export class IllegalTransitionError extends Error {
  constructor(from: JobStatus, to: JobStatus) {
    super(`a job cannot go from ${from} to ${to}`);
  }
}

/** How a handler ended; `R` is the job's result type in the registry (`JobResultOf`). */
export interface Outcome<R = unknown> {
  status: Extract<JobStatus, 'completed' | 'review_required'>;
  counts?: Record<string, number>;
  result?: R;
  message?: string;
  /**
   * Decides the outcome inside the transaction that records it, before the job row is locked: a
   * handler whose outcome depends on rows that others change meanwhile (fitments under review) locks
   * and reads them here, in the order those writers lock them. What it returns replaces the fields above.
   */
  decide?: (em: EntityManager) => Promise<Omit<Outcome, 'decide'>>;
}

/** A change of one job row: the patch to apply to the locked row, or null to leave it as it is. */
export type JobChange = (row: JobRecord) => JobPatch | null;

/** Runs inside the transaction that creates a job, after its row: the feature's own rows commit with it. */
export type InJobTransaction = (em: EntityManager, row: JobRecord) => Promise<void>;

/**
 * The only writer of job rows. Every change of status or progress is written together with its
 * event in one transaction (transactional outbox), then the relay is kicked.
 */
@Injectable()
export class JobLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: JobsRepository,
    private readonly relay: OutboxRelayService,
    private readonly cancelSignal: CancelSignalService,
    @Inject(SERVICE_NAME) readonly service: ServiceName,
  ) {}

  view(row: JobRecord): JobViewDto {
    return toJobView(this.service, row);
  }

  /**
   * Creates a queued job. With a de-duplication key, an already queued or running job with the
   * same key is returned instead (`created: false`). `inTransaction` runs only for a new row, in
   * the transaction that inserts it and its event: if it throws, neither exists.
   */
  async create(job: NewJob, inTransaction?: InJobTransaction): Promise<{ row: JobRecord; created: boolean }> {
    const outcome = await this.dataSource.transaction(async (em) => {
      if (job.dedupeKey) {
        await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${job.tenantId}:${job.type}:${job.dedupeKey}`]);
        const existing = await this.repo.findActiveByDedupeKey(em, job.tenantId, job.type, job.dedupeKey);
        if (existing) return { row: existing, created: false };
      }
      const row = await this.repo.insert(em, job);
      await this.emit(em, EventNames.JobStateChanged, row);
      await inTransaction?.(em, row);
      return { row, created: true };
    });
    if (outcome.created) this.relay.kick();
    return outcome;
  }

  /**
   * Changes a job row inside the caller's transaction: locks the row, applies the change if its
   * transition is legal (IllegalTransitionError otherwise), and writes a `job.state` event when the
   * status changes (counts or messages alone are mirrored without one). The relay is kicked once the
   * caller's transaction commits. Returns the row as it is now.
   */
  async applyInTransaction(em: EntityManager, id: string, change: JobChange): Promise<JobRecord> {
    return this.applyLocked(em, id, change, 'on-status-change');
  }

  async get(id: string, tenantId?: string): Promise<JobRecord> {
    const row = await this.repo.findById(this.dataSource.manager, id);
    if (!row || (tenantId !== undefined && row.tenant_id !== tenantId)) throw new JobNotFoundError(id);
    return row;
  }

  async list(filter: JobFilter, offset: number, limit: number): Promise<Page<JobViewDto>> {
    const { rows, total } = await this.repo.list(this.dataSource.manager, filter, offset, limit);
    return { data: rows.map((r) => this.view(r)), meta: { page: Math.floor(offset / limit) + 1, limit, total } };
  }

  /**
   * Takes the job for a worker: `processing`, attempts+1. Returns null when the job must not run
   * (already ended, or cancelled before it started, which is recorded here).
   */
  async start(id: string): Promise<JobRecord | null> {
    return this.mutate(id, (row) => {
      if (isTerminalStatus(row.status) || row.status === 'review_required') return null;
      if (row.cancel_requested_at) {
        return { status: 'cancelled', completedNow: true, progressMessage: 'Cancelled before it started' };
      }
      return { status: 'processing', startedNow: true, incrementAttempts: true, errorCode: null, errorMessage: null };
    }).then((row) => (row.status === 'processing' ? row : null));
  }

  async progress(
    id: string,
    current: number,
    total: number,
    message: string,
    counts?: Record<string, number>,
  ): Promise<JobRecord> {
    const row = await this.dataSource.transaction(async (em) => {
      const updated = await this.repo.update(em, id, {
        progressCurrent: current,
        progressTotal: total,
        progressMessage: message,
        counts,
      });
      await this.emit(em, EventNames.JobProgress, updated);
      return updated;
    });
    this.relay.kick();
    return row;
  }

  /** Records what a handler returned (decided inside this transaction when it gives `decide`). */
  async finish(id: string, outcome: Outcome): Promise<JobRecord> {
    return this.dataSource.transaction(async (em) => {
      const { decide, ...given } = outcome;
      const final = decide ? { ...given, ...(await decide(em)) } : given;
      return this.applyLocked(
        em,
        id,
        (row) => ({
          status: final.status,
          counts: final.counts ?? row.counts,
          result: final.result,
          progressCurrent: row.progress_total > 0 ? row.progress_total : row.progress_current,
          progressMessage: final.message ?? (final.status === 'completed' ? 'Done' : 'Waiting for review'),
          completedNow: final.status === 'completed',
        }),
        'always',
      );
    });
  }

  async cancelled(id: string, counts?: Record<string, number>): Promise<JobRecord> {
    return this.mutate(id, (row) => ({
      status: 'cancelled',
      counts: counts ?? row.counts,
      completedNow: true,
      progressMessage: 'Cancelled',
    }));
  }

  async failed(id: string, code: string, message: string, counts?: Record<string, number>): Promise<JobRecord> {
    return this.mutate(id, (row) => ({
      status: 'failed',
      counts: counts ?? row.counts,
      errorCode: code,
      errorMessage: message,
      completedNow: true,
    }));
  }

  /** A failed attempt that Bull will retry: back to `queued` with the error kept for people to see. */
  async retrying(id: string, code: string, message: string): Promise<JobRecord> {
    return this.mutate(id, () => ({
      status: 'queued',
      errorCode: code,
      errorMessage: message,
      progressMessage: 'Retrying',
    }));
  }

  /**
   * Asks a job to stop. A queued job is cancelled at once; a running one gets the signal and ends
   * `cancelled` at its next check. An ended job is returned unchanged.
   */
  async requestCancel(id: string, tenantId: string): Promise<JobRecord> {
    let signal = false;
    const row = await this.dataSource.transaction(async (em) => {
      const current = await this.repo.findById(em, id, { forUpdate: true });
      if (!current || current.tenant_id !== tenantId) throw new JobNotFoundError(id);
      if (isTerminalStatus(current.status)) return current;
      await this.repo.markCancelRequested(em, id);
      if (current.status === 'queued' || current.status === 'review_required') {
        const updated = await this.repo.update(em, id, {
          status: 'cancelled',
          completedNow: true,
          progressMessage: 'Cancelled',
        });
        await this.emit(em, EventNames.JobStateChanged, updated);
        return updated;
      }
      signal = true;
      const updated = (await this.repo.findById(em, id))!;
      await this.emit(em, EventNames.JobStateChanged, updated);
      return updated;
    });
    this.relay.kick();
    if (signal) await this.cancelSignal.request(id);
    return row;
  }

  /** Locks the row, applies the change if the transition is legal, writes the state event, in a transaction of its own. */
  private async mutate(id: string, change: JobChange): Promise<JobRecord> {
    return this.dataSource.transaction((em) => this.applyLocked(em, id, change, 'always'));
  }

  /**
   * Every locked change of a job row (all but progress writes and cancel requests) goes through
   * here. `always`: every applied patch writes a `job.state` event (the worker's transitions);
   * `on-status-change`: only a new status does.
   */
  private async applyLocked(
    em: EntityManager,
    id: string,
    change: JobChange,
    event: 'always' | 'on-status-change',
  ): Promise<JobRecord> {
    const current = await this.repo.findById(em, id, { forUpdate: true });
    if (!current) throw new JobNotFoundError(id);
    const patch = change(current);
    if (!patch) return current;
    const statusChanges = patch.status !== undefined && patch.status !== current.status;
    if (statusChanges && !canTransition(current.status, patch.status!)) {
      throw new IllegalTransitionError(current.status, patch.status!);
    }
    const updated = await this.repo.update(em, id, patch);
    if (event === 'always' || statusChanges) {
      await this.emit(em, EventNames.JobStateChanged, updated);
      afterCommit(em, () => this.relay.kick());
    }
    return updated;
  }

  private async emit(em: EntityManager, event: (typeof EventNames)[keyof typeof EventNames], row: JobRecord) {
    await enqueueEvent(em, event, this.service, row.tenant_id, row.correlation_id, this.view(row));
  }
}
