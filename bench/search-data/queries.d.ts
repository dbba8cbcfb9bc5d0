import type { GeneratedProduct } from './generate.js';

export type QueryKind = 'part-number' | 'partial-part-number' | 'typo' | 'vehicle' | 'meaning';

export interface QueryIntent {
  partNumber?: string;
  partNumberPrefix?: string;
  categories?: Record<string, number>;
  kinds?: Record<string, number>;
  attributes?: Record<string, string>;
  vehicle?: { year: number; make?: string; model: string };
}

export interface LabelledQuery {
  id: string;
  kind: QueryKind;
  text: string;
  intent: QueryIntent;
}

export function partFamily(partNumber: string): string;
export function buildQueries(products: GeneratedProduct[], options?: { seed?: number }): LabelledQuery[];
export function gradeOf(intent: QueryIntent, product: GeneratedProduct, normalizedPartNumber?: string): number;
export function judge(queries: LabelledQuery[], products: GeneratedProduct[]): Map<string, Map<number, number>>;
