/** The settings the debounce decision reads (IndexerEnv). */
export interface DebounceSettings {
  quietDelayMs: number;
  debounceMs: number;
  maxWaitMs: number;
  burstMinChanges: number;
}

/** The tenant's last batch that started, if any. */
export interface LastBatch {
  startedAt: Date;
  changes: number;
}

/**
 * How long a batch opened now waits before it starts. A tenant is in a burst when its last batch took at least
 * `burstMinChanges` changes and started less than `debounceMs` ago: the new batch then starts `debounceMs` after
 * that one started (so a burst is taken in few large batches, all arriving changes coalesced into the open one),
 * and never later than `maxWaitMs` from now. Otherwise the tenant is quiet and the batch starts after
 * `quietDelayMs`, which keeps a single change searchable within the freshness target.
 */
export function batchDelayMs(now: Date, last: LastBatch | null, s: DebounceSettings): number {
  if (!last || last.changes < s.burstMinChanges) return s.quietDelayMs;
  const sinceLast = now.getTime() - last.startedAt.getTime();
  if (sinceLast < 0 || sinceLast >= s.debounceMs) return s.quietDelayMs;
  return Math.max(s.quietDelayMs, Math.min(s.debounceMs - sinceLast, s.maxWaitMs));
}
