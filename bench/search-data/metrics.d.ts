import type { LabelledQuery } from './queries.js';

export interface Score {
  queries: number;
  recall: number;
  ndcg: number;
}

export function recallAtK(ranked: number[], grades: Map<number, number>, k?: number): number | null;
export function ndcgAtK(ranked: number[], grades: Map<number, number>, k?: number): number | null;
export function evaluate(
  queries: LabelledQuery[],
  results: Map<string, number[]>,
  judgments: Map<string, Map<number, number>>,
  k?: number,
): Record<string, Score>;
