// Relevance metrics of ranked results against graded judgments (queries.js): pure functions.

/**
 * Share of the relevant products found in the first `k` results: hits / min(k, relevant), so a query with
 * thousands of relevant products scores 1 when all its first k are relevant. Null when nothing is relevant.
 */
export function recallAtK(ranked, grades, k = 10) {
  const relevant = [...grades.values()].filter((g) => g > 0).length;
  if (relevant === 0) return null;
  const hits = new Set(ranked.slice(0, k).filter((id) => (grades.get(id) ?? 0) > 0)).size;
  return hits / Math.min(k, relevant);
}

/** Normalized discounted cumulative gain of the first `k` results, gain 2^grade - 1. Null when nothing is relevant. */
export function ndcgAtK(ranked, grades, k = 10) {
  const gain = (g) => 2 ** g - 1;
  const seen = new Set();
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (seen.has(id)) return; // a repeated id gains nothing the second time
    seen.add(id);
    dcg += gain(grades.get(id) ?? 0) / Math.log2(i + 2);
  });
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);
  return idcg === 0 ? null : dcg / idcg;
}

/**
 * Mean recall@k and nDCG@k over the queries with a relevant product, overall and by query kind.
 * `results`: query id -> ranked product ids; `judgments`: query id -> (product id -> grade).
 */
export function evaluate(queries, results, judgments, k = 10) {
  const sums = new Map();
  const add = (key, recall, ndcg) => {
    const s = sums.get(key) ?? { queries: 0, recall: 0, ndcg: 0 };
    s.queries++;
    s.recall += recall;
    s.ndcg += ndcg;
    sums.set(key, s);
  };
  for (const q of queries) {
    const grades = judgments.get(q.id) ?? new Map();
    const ranked = results.get(q.id) ?? [];
    const recall = recallAtK(ranked, grades, k);
    const ndcg = ndcgAtK(ranked, grades, k);
    if (recall === null || ndcg === null) continue;
    add('all', recall, ndcg);
    add(q.kind, recall, ndcg);
  }
  return Object.fromEntries(
    [...sums].map(([key, s]) => [key, { queries: s.queries, recall: s.recall / s.queries, ndcg: s.ndcg / s.queries }]),
  );
}
