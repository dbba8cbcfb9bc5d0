/** The constant of reciprocal rank fusion (Cormack et al. 2009): damps the weight of the very first ranks. */
export const RRF_K = 60;

export interface RankedList {
  /** Ids best first; an id listed twice counts at its best rank. */
  ids: readonly number[];
  /** Weight of this list's contributions (default 1). */
  weight?: number;
}

export interface FusedItem {
  id: number;
  score: number;
}

/**
 * Reciprocal rank fusion: each id scores the sum over the lists of weight / (k + rank), ranks from 1. Rankings of
 * different kinds (lexical scores, embedding distances) fuse without putting their scores on one scale. Ties go
 * to the id with the better rank in the earlier list, then the smaller id, so the order is deterministic.
 */
export function fuseRankings(lists: readonly RankedList[], k = RRF_K): FusedItem[] {
  const score = new Map<number, number>();
  const firstSeen = new Map<number, number>();
  lists.forEach((list, listNo) => {
    const weight = list.weight ?? 1;
    const seen = new Set<number>();
    list.ids.forEach((id, i) => {
      if (seen.has(id)) return;
      seen.add(id);
      score.set(id, (score.get(id) ?? 0) + weight / (k + i + 1));
      if (!firstSeen.has(id)) firstSeen.set(id, listNo * 1e9 + i);
    });
  });
  return [...score]
    .map(([id, s]) => ({ id, score: s }))
    .sort((a, b) => b.score - a.score || firstSeen.get(a.id)! - firstSeen.get(b.id)! || a.id - b.id);
}
