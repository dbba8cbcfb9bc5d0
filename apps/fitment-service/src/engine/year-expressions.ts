import type { Token } from './text-tokens.js';
import { UNIT_WORDS } from './vocabulary.js';

/** One stated span of model years; null ends are open ("2018+" runs to the model's last year). */
export interface YearSpan {
  from: number | null;
  to: number | null;
}

export interface YearExpression {
  spans: YearSpan[];
  /** Token range [start, end). */
  start: number;
  end: number;
  twoDigit: boolean;
  open: boolean;
}

const RANGE_WORDS = new Set(['to', 'thru', 'through', 'till', 'until', 'til']);
const OPEN_END_WORDS = new Set([
  'up',
  'newer',
  'later',
  'above',
  'present',
  'current',
  'on',
  'onward',
  'onwards',
  'new',
  'now',
  'after',
  'plus',
]);
const OPEN_START_WORDS = new Set(['older', 'earlier', 'prior', 'before', 'below']);
const LIST_WORDS = new Set([',', '/', '&', 'and', 'or', '|']);

interface Atom {
  value: number;
  twoDigit: boolean;
  /** A bare two-digit number ("07"), only a year inside a range. */
  bare: boolean;
  next: number;
}

/**
 * Reads a model-year expression starting at token i: a year, a range ("2016-2021", "07-13",
 * "'07-'13", "2016-21", "2016 thru 2021"), an open range ("2018+", "2018 and up", "2018-present",
 * "2015 and older") or a list of these ("2016, 2017 & 2018", "2016 2017 2018"). Null when the
 * tokens are not one (a bare "07", a measurement like "2000 lumens", a part number "BR-2016").
 */
export function readYearExpression(tokens: Token[], i: number, maxYear: number): YearExpression | null {
  if (isGlued(tokens, i)) return null;
  const spans: YearSpan[] = [];
  let twoDigit = false;
  let open = false;
  let j = i;
  for (;;) {
    const element = readElement(tokens, j, maxYear);
    if (!element) break;
    spans.push(element.span);
    twoDigit ||= element.twoDigit;
    open ||= element.span.from === null || element.span.to === null;
    j = element.next;
    // "2007/08/09": short years listed after a full one take its century
    for (;;) {
      const k = tokens[j] && LIST_WORDS.has(tokens[j].text) ? j + 1 : j;
      if (!tokens[k] || !isShortYear(tokens, k) || twoDigitOnly(tokens, i)) break;
      const last = spans[spans.length - 1].to;
      if (last === null) break;
      let value = Math.floor(last / 100) * 100 + Number(tokens[k].text);
      if (value <= last) value += 100; // "1998 99 00 01"
      if (value <= last || value - last > 10) break;
      spans.push({ from: value, to: value });
      j = k + 1;
    }
    // another element after a list word or directly after ("2016 2017 2018")
    let k = j;
    if (tokens[k] && LIST_WORDS.has(tokens[k].text)) k++;
    if (!tokens[k] || !startsElement(tokens, k)) break;
    j = k;
  }
  if (spans.length === 0) return null;
  const after = tokens[j];
  // one-letter units only count glued to the number, and then the tokenizer keeps them together ("12v")
  if (after && after.text.length > 1 && UNIT_WORDS.has(after.text)) return null;
  if (after && after.text === '.' && tokens[j + 1]?.kind === 'number' && !tokens[j + 1].spaceBefore) return null;
  return { spans, start: i, end: j, twoDigit, open };
}

function isShortYear(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return t.kind === 'number' && t.text.length === 2 && tokens[k + 1]?.text !== '-';
}

function twoDigitOnly(tokens: Token[], i: number): boolean {
  return tokens[i].kind === 'number' && tokens[i].text.length === 2;
}

function startsElement(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t.kind === 'number' && t.text.length === 4) return true;
  if (t.text === "'" && tokens[k + 1]?.kind === 'number' && tokens[k + 1].text.length === 2) return true;
  // "07-09, 11-13": a bare pair continues a list only as a range
  return t.kind === 'number' && t.text.length === 2 && tokens[k + 1]?.text === '-' && tokens[k + 2]?.kind === 'number';
}

function readElement(
  tokens: Token[],
  j: number,
  maxYear: number,
): { span: YearSpan; next: number; twoDigit: boolean } | null {
  const a = readAtom(tokens, j, maxYear);
  if (!a) return null;
  const k = a.next;
  const t = tokens[k];
  // range: "2016-2021", "2016 to 2021", "2016 - 21"
  if (t && (t.text === '-' || t.text === '~' || RANGE_WORDS.has(t.text))) {
    const b = readAtom(tokens, k + 1, maxYear, a);
    if (b && b.value >= a.value && b.value - a.value <= 40) {
      return { span: { from: a.value, to: b.value }, next: b.next, twoDigit: a.twoDigit || b.twoDigit };
    }
    const end = tokens[k + 1];
    if (!a.bare && end && OPEN_END_WORDS.has(end.text))
      return { span: { from: a.value, to: null }, next: k + 2, twoDigit: a.twoDigit };
    if (!a.bare && end?.text === '+') return { span: { from: a.value, to: null }, next: k + 2, twoDigit: a.twoDigit };
  }
  // "2018+", "'07+" (a bare "10+" is a count, not a year)
  if (t && t.text === '+' && !a.bare) return { span: { from: a.value, to: null }, next: k + 1, twoDigit: a.twoDigit };
  if (a.bare) return null;
  // "2018 and up", "2018 & newer", "2015 and older", "2018 onward"
  if (t && (t.text === 'and' || t.text === '&' || t.text === 'or') && tokens[k + 1]) {
    const w = tokens[k + 1].text;
    if (OPEN_END_WORDS.has(w) && w !== 'on' && w !== 'new' && w !== 'now')
      return { span: { from: a.value, to: null }, next: k + 2, twoDigit: a.twoDigit };
    if (OPEN_START_WORDS.has(w)) return { span: { from: null, to: a.value }, next: k + 2, twoDigit: a.twoDigit };
  }
  if (t && (t.text === 'onward' || t.text === 'onwards' || t.text === 'up' || t.text === 'newer')) {
    return { span: { from: a.value, to: null }, next: k + 1, twoDigit: a.twoDigit };
  }
  return { span: { from: a.value, to: a.value }, next: k, twoDigit: a.twoDigit };
}

/** A year token: "2016", "'07", "MY2016", or a bare "07" (a year only as part of a range). */
function readAtom(tokens: Token[], j: number, maxYear: number, rangeStart?: Atom): Atom | null {
  const t = tokens[j];
  if (!t) return null;
  if (t.kind === 'number' && t.text.length === 4) {
    const value = Number(t.text);
    return value >= 1950 && value <= maxYear + 10 ? { value, twoDigit: false, bare: false, next: j + 1 } : null;
  }
  if (t.kind === 'word' && /^my\d{4}$/.test(t.text)) {
    const value = Number(t.text.slice(2));
    return value >= 1950 && value <= maxYear + 10 ? { value, twoDigit: false, bare: false, next: j + 1 } : null;
  }
  if (
    t.text === "'" &&
    tokens[j + 1]?.kind === 'number' &&
    tokens[j + 1].text.length === 2 &&
    !tokens[j + 1].spaceBefore
  ) {
    return { value: expandTwoDigit(Number(tokens[j + 1].text), maxYear), twoDigit: true, bare: false, next: j + 2 };
  }
  if (t.kind === 'number' && t.text.length === 2) {
    const n = Number(t.text);
    // "2016-21": the short end takes the century of the start
    const value =
      rangeStart && !rangeStart.bare ? Math.floor(rangeStart.value / 100) * 100 + n : expandTwoDigit(n, maxYear);
    if (value < 1950) return null;
    return { value, twoDigit: true, bare: !rangeStart || rangeStart.bare, next: j + 1 };
  }
  return null;
}

/** "07" is 2007 and "98" 1998: two-digit years up to the catalog's next year are this century. */
export function expandTwoDigit(n: number, maxYear: number): number {
  return n <= (maxYear % 100) + 1 ? 2000 + n : 1900 + n;
}

/** Part of a part number or code ("BR-2016", "#2016", "A07-13"): not a year. */
function isGlued(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (!prev || t.spaceBefore) return false;
  if (prev.text === '#') return true;
  if (prev.text === '-' || prev.text === '_' || prev.text === '.') {
    const before = tokens[i - 2];
    return !!before && !prev.spaceBefore && (before.kind === 'word' || before.kind === 'number');
  }
  return prev.kind !== 'punct';
}

/** 2016, 2017, 2018, 2020 -> "2016-2018, 2020". */
export function describeYears(years: number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
