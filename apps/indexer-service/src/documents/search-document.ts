import type { ApprovedVehicle, ProductDto, ProductPriceSummary } from '@torque/contracts';
import { createHash } from 'node:crypto';
import { normalizePartNumber } from './part-number.js';

/** Vehicles shown per document; filters and facets use all of them. */
export const MAX_SHOWN_VEHICLES = 50;

/** One search document as written to `search_documents` (the tsvector is built from these fields in SQL). */
export interface SearchDocument {
  product_id: number;
  part_number: string;
  part_number_norm: string;
  name: string;
  description: string;
  brand: string | null;
  category: string | null;
  attributes: Record<string, unknown>;
  /** Attribute values as words for the full-text vector (`Front Ceramic 296`). */
  attributes_text: string;
  price_min: string | null;
  price_max: string | null;
  currency: string | null;
  suppliers: { id: number; code: string; name: string }[];
  vehicles: { year: number; make: string; model: string; submodel: string }[];
  vehicle_keys: { y: number; mk: string; md: string; sm: string }[];
  /** Makes, models, submodels and years of the vehicles as words for the full-text vector. */
  vehicles_text: string;
  /** Words with digits of the name, description and attributes, normalized as part numbers (`KB-70` -> `kb70`). */
  codes_text: string;
  /** SHA-256 of everything above: unchanged content keeps its hash (and, later, its embedding). */
  content_hash: string;
  source_updated_at: string;
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();

/** Values of a JSON value as text, nested ones too (keys are left out: they are names, not content). */
function valuesText(value: unknown, out: string[] = []): string[] {
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) for (const v of value) valuesText(v, out);
  else if (typeof value === 'object') for (const v of Object.values(value)) valuesText(v, out);
  else out.push(String(value));
  return out;
}

/** The words with digits of these texts as normalized codes, each once. */
function codesIn(texts: readonly string[]): string {
  const codes = new Set<string>();
  for (const text of texts)
    for (const word of text.split(/\s+/)) {
      const code = normalizePartNumber(word);
      if (code.length >= 2 && /\p{N}/u.test(code) && /\p{L}/u.test(code)) codes.add(code);
    }
  return [...codes].join(' ');
}

/** Canonical JSON (sorted keys) so that the hash does not depend on key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The search document of a product, its price summary (if it has prices) and its approved vehicles. */
export function buildSearchDocument(
  product: ProductDto,
  price: ProductPriceSummary | undefined,
  approved: readonly ApprovedVehicle[],
): SearchDocument {
  const seen = new Set<string>();
  const vehicles: SearchDocument['vehicles'] = [];
  for (const v of [...approved].sort(
    (a, b) =>
      a.make.localeCompare(b.make) ||
      a.model.localeCompare(b.model) ||
      a.year - b.year ||
      a.submodel.localeCompare(b.submodel),
  )) {
    const key = `${v.year}|${fold(v.make)}|${fold(v.model)}|${fold(v.submodel)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    vehicles.push({ year: v.year, make: v.make, model: v.model, submodel: v.submodel });
  }
  const words = new Set<string>();
  for (const v of vehicles) for (const w of [v.make, v.model, v.submodel, String(v.year)]) if (w) words.add(w);
  const content = {
    part_number: product.part_number,
    name: product.name,
    description: product.description,
    brand: product.brand,
    category: product.category,
    attributes: product.attributes ?? {},
    price_min: price?.min_price ?? null,
    price_max: price?.max_price ?? null,
    currency: price?.currency ?? null,
    suppliers: price?.suppliers ?? [],
    vehicles,
  };
  return {
    product_id: product.id,
    ...content,
    part_number_norm: normalizePartNumber(product.part_number),
    attributes_text: valuesText(content.attributes).join(' '),
    vehicle_keys: vehicles.map((v) => ({ y: v.year, mk: fold(v.make), md: fold(v.model), sm: fold(v.submodel) })),
    vehicles_text: [...words].join(' '),
    codes_text: codesIn([product.name, product.description, ...valuesText(content.attributes)]),
    content_hash: createHash('sha256').update(canonical(content)).digest('hex'),
    source_updated_at: product.updated_at,
  };
}
