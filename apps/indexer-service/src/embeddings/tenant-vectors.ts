import type { DataSource } from 'typeorm';
import { DELETIONS_KEPT_MS, type EmbeddingsRepository, type VectorWrite } from './embeddings.repository.js';
import { VectorIndex } from './vector-index.js';

/** Rows read per page when loading or refreshing a tenant. */
const PAGE_ROWS = 2000;
/**
 * A refresh re-reads rows written this long before the previous one started: a row's `updated_at` is the
 * clock of its statement, which may commit a little later than a refresh that started meanwhile.
 */
export const REFRESH_OVERLAP_MS = 2000;

export interface TenantVectorsOptions {
  model: string;
  dimensions: number;
  /** A tenant's index re-reads the changed rows when it is older than this. */
  refreshMs: number;
  /** A tenant's index not searched for this long is dropped from memory (read again on its next search); 0: never. */
  idleMs?: number;
  /** For tests: the clock of the refresh interval. */
  now?: () => number;
}

interface TenantState {
  index: VectorIndex;
  /** Rows written after this were not read yet (null: nothing read). */
  since: Date | null;
  checkedAt: number;
  /** When a search last asked for the index. */
  usedAt: number;
  refreshing: Promise<VectorIndex> | null;
}

/**
 * The in-memory vector index of each tenant, kept in step with `indexer.embeddings`: loaded on first use,
 * then, at most every `refreshMs`, the deletions and then the rows written since the last read are applied
 * (both index range scans, so a refresh costs what changed). A replica whose last read is older than the
 * deletion rows are kept compares every id instead. Writes of this process are applied at once
 * (`applyWrites`, `applyDeletes`), those of other replicas by the refresh. A tenant not searched for `idleMs`
 * leaves memory (looked for at most once per `idleMs / 10` as searches come), so a process holds the vectors of
 * the tenants that search, not of every tenant it ever served.
 */
export class TenantVectors {
  private readonly tenants = new Map<string, TenantState>();
  private readonly now: () => number;
  private evictedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EmbeddingsRepository,
    private readonly opts: TenantVectorsOptions,
  ) {
    this.now = opts.now ?? Date.now;
  }

  /** The tenant's index, loaded or refreshed first when it is missing or older than `refreshMs`. */
  async index(tenantId: string): Promise<VectorIndex> {
    const now = this.now();
    this.evictIdle(now);
    let state = this.tenants.get(tenantId);
    if (!state) {
      state = {
        index: new VectorIndex(this.opts.dimensions),
        since: null,
        checkedAt: 0,
        usedAt: now,
        refreshing: null,
      };
      this.tenants.set(tenantId, state);
    }
    state.usedAt = now;
    if (state.refreshing) return state.refreshing;
    if (state.since !== null && this.now() - state.checkedAt < this.opts.refreshMs) return state.index;
    const current = state;
    current.refreshing = this.refresh(tenantId, current).finally(() => (current.refreshing = null));
    return current.refreshing;
  }

  /** The tenants whose indexes are in memory. */
  loadedTenants(): string[] {
    return [...this.tenants.keys()];
  }

  /** Drops the indexes of tenants not searched for `idleMs` (none while loading or refreshing). */
  private evictIdle(now: number): void {
    const idleMs = this.opts.idleMs ?? 0;
    if (idleMs <= 0 || now - this.evictedAt < idleMs / 10) return;
    this.evictedAt = now;
    for (const [tenantId, state] of this.tenants)
      if (!state.refreshing && now - state.usedAt >= idleMs) this.tenants.delete(tenantId);
  }

  /** Forgets the tenant's index: the next search loads it again from the table (after a repair, a change of model). */
  drop(tenantId: string): void {
    this.tenants.delete(tenantId);
  }

  /** Applies vectors this process has just written, when the tenant's index is loaded. */
  applyWrites(tenantId: string, writes: readonly VectorWrite[]): void {
    const state = this.tenants.get(tenantId);
    if (!state) return;
    for (const w of writes) state.index.upsert(w.productId, w.vector);
  }

  applyDeletes(tenantId: string, productIds: readonly number[]): void {
    const state = this.tenants.get(tenantId);
    if (!state) return;
    for (const id of productIds) state.index.remove(id);
  }

  private async refresh(tenantId: string, state: TenantState): Promise<VectorIndex> {
    const { model, dimensions } = this.opts;
    const em = this.dataSource.manager;
    const startedAt = await this.repository.now(em);
    const since = state.since;
    const deletionsKept = since !== null && startedAt.getTime() - since.getTime() < DELETIONS_KEPT_MS - 60_000;
    // deletions first: a product deleted and written again since is then put back by the rows below
    if (since !== null && deletionsKept)
      for (const id of await this.repository.deletedSince(em, tenantId, since)) state.index.remove(id);
    for (let after = Number.MIN_SAFE_INTEGER; ;) {
      const page = await this.repository.changedSince(em, tenantId, model, dimensions, state.since, after, PAGE_ROWS);
      for (const row of page) state.index.upsert(row.productId, row.vector);
      if (page.length < PAGE_ROWS) break;
      after = page[page.length - 1].productId;
    }
    if (since !== null && !deletionsKept) {
      const present = new Set(await this.repository.productIds(em, tenantId, model));
      for (const id of state.index.productIds()) if (!present.has(id)) state.index.remove(id);
    }
    state.since = new Date(startedAt.getTime() - REFRESH_OVERLAP_MS);
    state.checkedAt = this.now();
    return state.index;
  }
}
