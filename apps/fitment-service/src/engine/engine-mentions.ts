import type { EngineRow } from '../vehicles/vehicle-catalog.types.js';
import type { Token } from './text-tokens.js';

/** An engine as stated in text: "5.3L", "3.5L V6 EcoBoost", "2.0T", "V8", "Hemi", "diesel". */
export interface EngineMention {
  start: number;
  end: number;
  text: string;
  liters?: number;
  cylinders?: number;
  block?: string;
  turbo?: boolean;
  supercharged?: boolean;
  ecoboost?: boolean;
  diesel?: boolean;
  hybrid?: boolean;
  electric?: boolean;
  /** A displacement or cylinder count was given: specific enough to rule configurations out. */
  strong: boolean;
}

const DISPLACEMENT = /^(\d{1,2}\.\d)(l|lt|ltr|liter|litre|t)?$/;
const LAYOUT = /^(v|i|h|w|l)(\d{1,2})$/;
const CYLINDERS = /^(\d{1,2})cyl(?:inder)?s?$/;
const LITER_WORDS = new Set(['l', 'lt', 'ltr', 'liter', 'litre', 'liters', 'litres']);
const DESCRIPTORS: Record<string, Partial<EngineMention>> = {
  ecoboost: { turbo: true, ecoboost: true },
  turbo: { turbo: true },
  turbocharged: { turbo: true },
  supercharged: { supercharged: true },
  diesel: { diesel: true },
  tdi: { diesel: true },
  duramax: { diesel: true },
  cummins: { diesel: true },
  powerstroke: { diesel: true },
  ecodiesel: { diesel: true },
  bluetec: { diesel: true },
  hybrid: { hybrid: true },
  electric: { electric: true },
  hemi: { cylinders: 8, block: 'V' },
};
const SKIP_INSIDE = new Set(['-', 'dohc', 'sohc', 'vtec', 'twin']);
const VALID_CYLINDERS = new Set([3, 4, 5, 6, 8, 10, 12]);

/** Reads an engine mention starting at token i, or null. */
export function readEngineMention(tokens: Token[], i: number): EngineMention | null {
  const m: EngineMention = { start: i, end: i, text: '', strong: false };
  let parts = 0;
  let core = false;
  let j = i;
  for (; j < tokens.length; j++) {
    const t = tokens[j];
    const d = t.kind === 'decimal' ? DISPLACEMENT.exec(t.text) : null;
    if (d && m.liters === undefined) {
      const liters = Number(d[1]);
      let unit = !!d[2];
      let k = j;
      if (!unit && tokens[j + 1] && LITER_WORDS.has(tokens[j + 1].text)) {
        unit = true;
        k = j + 1;
      }
      if (liters < 0.6 || liters > 8.5 || (!unit && !engineWordAt(tokens, j + 1))) break;
      m.liters = liters;
      if (d[2] === 't') m.turbo = true;
      j = k;
      m.strong = core = true;
      parts++;
      continue;
    }
    const layout = LAYOUT.exec(t.text);
    // "H4"/"H7" are also headlight bulb sizes: a flat engine only right after a displacement
    if (
      layout &&
      VALID_CYLINDERS.has(Number(layout[2])) &&
      m.cylinders === undefined &&
      (layout[1] !== 'h' || m.liters !== undefined)
    ) {
      m.block = layout[1] === 'l' ? 'I' : layout[1].toUpperCase();
      m.cylinders = Number(layout[2]);
      m.strong = core = true;
      parts++;
      continue;
    }
    const cyl = CYLINDERS.exec(t.text);
    const spelled =
      t.kind === 'number' &&
      VALID_CYLINDERS.has(Number(t.text)) &&
      (tokens[j + 1]?.text === 'cylinder' ||
        tokens[j + 1]?.text === 'cyl' ||
        (tokens[j + 1]?.text === '-' && (tokens[j + 2]?.text === 'cylinder' || tokens[j + 2]?.text === 'cyl')));
    if ((cyl || spelled) && m.cylinders === undefined) {
      m.cylinders = Number(cyl ? cyl[1] : t.text);
      if (spelled) j += tokens[j + 1].text === '-' ? 2 : 1;
      m.strong = core = true;
      parts++;
      continue;
    }
    const descriptor = DESCRIPTORS[t.text];
    if (descriptor) {
      Object.assign(m, descriptor);
      if (t.text === 'hemi') m.strong = true;
      if (STRONG_NAMES.has(t.text)) core = true;
      parts++;
      continue;
    }
    if (parts > 0 && SKIP_INSIDE.has(t.text) && isEnginePart(tokens, j + 1)) continue;
    break;
  }
  if (parts === 0) return null;
  // a lone "turbo" is a weak hint (a turbo part, a "Turbo" trim): an engine only next to other engine words
  if (!core && parts < 2 && !m.diesel && !m.electric && !m.hybrid) return null;
  return finish(m, tokens, j);
}

const STRONG_NAMES = new Set(['ecoboost', 'hemi', 'duramax', 'cummins', 'powerstroke', 'ecodiesel', 'tdi', 'bluetec']);

function isEnginePart(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  if (!t) return false;
  return (
    !!DESCRIPTORS[t.text] ||
    (LAYOUT.test(t.text) && t.text[0] !== 'h') ||
    CYLINDERS.test(t.text) ||
    LITER_WORDS.has(t.text)
  );
}

/** The token at j, or the one after a hyphen or "DOHC" there, is an engine word. */
function engineWordAt(tokens: Token[], j: number): boolean {
  if (!tokens[j]) return false;
  if (isEnginePart(tokens, j)) return true;
  return SKIP_INSIDE.has(tokens[j].text) && !!tokens[j + 1] && isEnginePart(tokens, j + 1);
}

function finish(m: EngineMention, tokens: Token[], end: number): EngineMention {
  let e = end;
  while (e > m.start && tokens[e - 1].kind === 'punct') e--;
  m.end = e;
  m.text = tokens
    .slice(m.start, e)
    .map((t, k) => (k > 0 && t.spaceBefore ? ' ' : '') + t.raw)
    .join('');
  return m;
}

/** Whether a catalog engine is one the mention could mean. */
export function engineMatches(m: EngineMention, e: EngineRow): boolean {
  if (m.liters !== undefined && (e.liters === null || Math.abs(e.liters - m.liters) > 0.051)) return false;
  if (m.cylinders !== undefined && e.cylinders !== m.cylinders) return false;
  if (m.block !== undefined && e.blockType !== m.block) return false;
  if (m.ecoboost && !/EcoBoost/.test(e.name)) return false;
  if (m.turbo && e.aspiration !== 'turbocharged') return false;
  if (m.supercharged && e.aspiration !== 'supercharged') return false;
  if (m.diesel && e.fuelType !== 'diesel') return false;
  if (m.hybrid && e.fuelType !== 'hybrid' && e.fuelType !== 'plug-in hybrid') return false;
  if (m.electric && e.fuelType !== 'electric') return false;
  return true;
}

/** "2.7L, 3.5L EcoBoost": descriptors stated once at the end of a list apply to every engine in it. */
export function shareListDescriptors(list: EngineMention[]): void {
  const last = list[list.length - 1];
  if (!last || list.length < 2) return;
  for (const m of list.slice(0, -1)) {
    if (m.turbo || m.supercharged || m.diesel || m.hybrid || m.electric || m.block) continue;
    if (last.ecoboost) m.ecoboost = true;
    if (last.turbo) m.turbo = true;
    if (last.supercharged) m.supercharged = true;
    if (last.diesel) m.diesel = true;
  }
}
