export interface Application {
  make: string;
  model: string;
  yearFrom: number;
  yearTo: number;
  submodels: string[];
}

export interface GeneratedProduct {
  id: number;
  partNumber: string;
  brand: string;
  category: string;
  /** The generator's product noun (`Brake Pad Set`), which the relevance rules use. */
  kind: string;
  name: string;
  description: string;
  attributes: Record<string, string>;
  priceMin: number;
  priceMax: number;
  currency: string;
  applications: Application[];
}

export interface FitmentRow {
  year: number;
  make: string;
  model: string;
  submodel: string;
}

export const DEFAULT_COUNT: number;
export const DEFAULT_SEED: number;
export function rng(seed: number): () => number;
export function normalizePartNumber(text: string): string;
export function fitmentRows(product: GeneratedProduct): FitmentRow[];
export function fits(product: GeneratedProduct, vehicle: { year: number; make?: string; model: string }): boolean;
export function generateProducts(options?: { count?: number; seed?: number }): GeneratedProduct[];
