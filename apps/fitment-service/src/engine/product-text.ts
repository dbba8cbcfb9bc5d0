import type { ProductInput } from './fitment-engine.types.js';
import type { Token } from './text-tokens.js';

export type FieldName = 'name' | 'description' | 'attributes';

const ATTRIBUTE_TEXT_KEYS = /fit|vehicle|application|compat|ymm/i;

/** The texts of a product the engine reads: name, description, and fitment-like attributes. */
export function productFields(p: ProductInput): Array<{ name: FieldName; text: string }> {
  const fields: Array<{ name: FieldName; text: string }> = [];
  if (p.name) fields.push({ name: 'name', text: p.name });
  if (p.description) fields.push({ name: 'description', text: p.description });
  const attrs = p.attributes ?? {};
  const structured = attributeStatement(attrs);
  if (structured) fields.push({ name: 'attributes', text: structured });
  for (const [key, value] of Object.entries(attrs)) {
    if (!ATTRIBUTE_TEXT_KEYS.test(key)) continue;
    for (const text of attributeTexts(value)) fields.push({ name: 'attributes', text });
  }
  return fields;
}

/** {year|years|year_start/year_end, make, model, submodel, engine} as one statement. */
function attributeStatement(a: Record<string, unknown>): string | null {
  const get = (...keys: string[]) => {
    for (const k of keys) {
      const v = a[k];
      if (typeof v === 'string' || typeof v === 'number') return String(v);
      if (Array.isArray(v)) return v.map(String).join(', ');
    }
    return '';
  };
  const make = get('make', 'Make', 'vehicle_make');
  const model = get('model', 'Model', 'vehicle_model');
  if (!make && !model) return null;
  let years = get('years', 'year', 'Year', 'Years', 'model_years');
  const from = get('year_start', 'yearStart', 'start_year', 'year_from');
  const to = get('year_end', 'yearEnd', 'end_year', 'year_to');
  if (!years && from) years = to ? `${from}-${to}` : `${from}+`;
  return [years, make, model, get('submodel', 'trim'), get('engine')].filter(Boolean).join(' ');
}

function attributeTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(attributeTexts);
  if (value && typeof value === 'object') {
    const s = attributeStatement(value as Record<string, unknown>);
    return s ? [s] : [];
  }
  return [];
}

/** Clause boundaries: ";", "|", "!", "?", a sentence-ending ".", bullets and line breaks. */
export function clauses(tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let cut = false;
    let skip = false;
    if (t.newlineBefore && i > start) cut = true;
    if (t.kind === 'punct') {
      if (t.text === ';' || t.text === '|' || t.text === '!' || t.text === '?' || t.text === '•' || t.text === '*')
        cut = skip = true;
      if (t.text === '.') {
        const next = tokens[i + 1];
        const prev = tokens[i - 1];
        const abbreviation = prev && prev.kind === 'word' && prev.text.length === 1;
        if ((!next || next.spaceBefore) && !abbreviation) cut = skip = true;
      }
    }
    if (cut) {
      if (skip) {
        if (i > start) out.push([start, i]);
        start = i + 1;
      } else {
        out.push([start, i]);
        start = i;
      }
    }
  }
  if (start < tokens.length) out.push([start, tokens.length]);
  return out;
}
