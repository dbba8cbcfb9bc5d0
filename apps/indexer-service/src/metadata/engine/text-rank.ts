/**
 * Weighted PageRank over an undirected graph of `n` nodes (TextRank, Mihalcea and Tarau 2004): `weights[i]` maps
 * a neighbour of i to the weight of their edge. `prior` (summing to 1, uniform when absent) is where the random
 * surfer restarts; a node without edges keeps only its restart share.
 */
export function pageRank(
  n: number,
  weights: ReadonlyArray<ReadonlyMap<number, number>>,
  prior?: readonly number[],
  damping = 0.85,
  iterations = 30,
): number[] {
  if (n === 0) return [];
  const restart = prior ?? new Array<number>(n).fill(1 / n);
  const outSum = weights.map((edges) => {
    let s = 0;
    for (const w of edges.values()) s += w;
    return s;
  });
  let rank = restart.slice();
  for (let iter = 0; iter < iterations; iter++) {
    const next = restart.map((p) => (1 - damping) * p);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (outSum[i] === 0) {
        dangling += rank[i];
        continue;
      }
      for (const [j, w] of weights[i]) next[j] += (damping * rank[i] * w) / outSum[i];
    }
    // the rank of nodes without edges goes back to the restart distribution, so the ranks keep summing to 1
    for (let i = 0; i < n; i++) next[i] += damping * dangling * restart[i];
    rank = next;
  }
  return rank;
}

/** Adds `w` to the undirected edge i–j. */
export function addEdge(weights: Array<Map<number, number>>, i: number, j: number, w: number): void {
  if (i === j || w <= 0) return;
  weights[i].set(j, (weights[i].get(j) ?? 0) + w);
  weights[j].set(i, (weights[j].get(i) ?? 0) + w);
}
