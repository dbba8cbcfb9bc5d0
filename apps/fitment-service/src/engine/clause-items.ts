import type { ModelInfo } from './catalog-index.js';
import { shareListDescriptors, type EngineMention } from './engine-mentions.js';
import type { Item, ModelItem, Statement, YearsVia } from './fitment-statements.js';
import { isJoiner, type Token } from './text-tokens.js';
import { NEGATION_STARTS } from './vocabulary.js';
import type { YearExpression } from './year-expressions.js';

// Pure helpers of StatementReader over a clause's tokens and the items read in it.

const NOT_FOLLOWERS = new Set([
  'fit',
  'fits',
  'for',
  'compatible',
  'suitable',
  'designed',
  'intended',
  'work',
  'applicable',
  'available',
]);
const CONTRACTED_NOT = new Set(['doesn', 'won', 'don', 'isn', 'aren', 'wont', 'doesnt', 'dont', 'isnt']);

export function negationLength(tokens: Token[], i: number, end: number): number {
  const t = tokens[i].text;
  if (NEGATION_STARTS.has(t)) return 1;
  if (t === 'not' && i + 1 < end && NOT_FOLLOWERS.has(tokens[i + 1].text)) return 2;
  if (CONTRACTED_NOT.has(t)) {
    if (tokens[i + 1]?.text === "'" && tokens[i + 2]?.text === 't') return i + 3 <= end ? 3 : 0;
    if (t.endsWith('t')) return 1;
  }
  return 0;
}

/** Which years each model of the clause takes: the years before it ("2016-2021 Civic") or after it ("Civic 2016-2021"). */
export function assignYears(
  items: Item[],
  tokens: Token[],
  end: number,
): Map<ModelItem, { expr: YearExpression; via: YearsVia }> {
  const out = new Map<ModelItem, { expr: YearExpression; via: YearsVia }>();
  const firstYear = items.findIndex((i) => i.type === 'year');
  const firstModel = items.findIndex((i) => i.type === 'model' && i.options.length > 0);
  if (firstYear === -1) return out;
  if (firstYear < firstModel) {
    let current: YearExpression | null = null;
    let group: ModelItem[] = [];
    let previousEnd = 0;
    for (const item of items) {
      if (item.type === 'year') {
        // "Fits 2016-2018 Silverado 1500, also fits 2019": more years for the vehicles just named
        const trailing =
          group.length > 0 && !items.some((i) => i.start > item.start && i.type === 'model' && i.options.length > 0);
        const said =
          onlyWords(tokens, previousEnd, item.start, TRAILING_YEAR_WORDS) &&
          (hasWord(tokens, previousEnd, item.start, 'also') ||
            (!items.some((i) => i.start >= item.end) && gapWords(tokens, item.end, end) === 0));
        if (trailing && said) {
          for (const m of group) {
            const had = out.get(m)!.expr;
            out.set(m, {
              expr: { ...had, spans: [...had.spans, ...item.expr.spans], open: had.open || item.expr.open },
              via: 'stated',
            });
          }
          continue;
        }
        current = item.expr;
        group = [];
      } else if (item.type === 'model' && item.options.length > 0 && current) {
        const own = yearRightAfter(items, tokens, item);
        out.set(item, { expr: own ?? current, via: 'stated' });
        if (!own) group.push(item);
      }
      previousEnd = item.end;
    }
    return out;
  }
  let pending: ModelItem[] = [];
  let closed = false;
  let last: YearExpression | null = null;
  let prefix: YearExpression | null = null;
  for (const item of items) {
    if (item.type === 'model' && item.options.length > 0) {
      if (prefix && pending.length === 0 && !yearRightAfter(items, tokens, item)) {
        out.set(item, { expr: prefix, via: 'stated' });
        continue;
      }
      prefix = null;
      if (closed) {
        pending = [];
        closed = false;
      }
      pending.push(item);
    } else if (item.type === 'year') {
      if (pending.length > 0 && !closed) {
        for (const m of pending) out.set(m, { expr: item.expr, via: 'stated' });
        closed = true;
        last = item.expr;
        pending = [];
      } else {
        // a year after a finished group starts a new one ("..., 2018-2022 Accord")
        prefix = item.expr;
      }
    }
  }
  if (pending.length > 0 && last)
    for (const m of pending) if (!out.has(m)) out.set(m, { expr: last, via: 'inherited' });
  return out;
}

/** Engines go with the model they follow (or the first model, when stated before any). */
export function attachEngines(items: Item[], statements: Statement[]): void {
  const byModel = new Map(statements.map((s) => [s.model, s]));
  let current: Statement | undefined;
  const early: EngineMention[] = [];
  let run: EngineMention[] = [];
  for (const item of items) {
    if (item.type === 'model' && byModel.has(item)) {
      shareListDescriptors(run);
      run = [];
      current = byModel.get(item);
      if (early.length && current) current.engines.push(...early.splice(0));
    } else if (item.type === 'engine') {
      if (current) current.engines.push(item.mention);
      else early.push(item.mention);
      run.push(item.mention);
    }
  }
  shareListDescriptors(run);
}

export function nextStop(items: Item[], m: ModelItem, end: number): number {
  for (const i of items)
    if (i.start >= m.end && (i.type === 'model' || i.type === 'make' || i.type === 'neg')) return i.start;
  return end;
}

/** How freely a name may be read, judged on the words that matched: "1500" needs its make, "Ram 1500" does not. */
export function effectiveNameKind(model: ModelInfo, key: string): 'distinct' | 'place' | 'word' {
  if (/^\d+$/.test(key) || /^[a-z]{1,2}$/.test(key)) return 'word';
  if (key.length <= 2) return model.nameKind === 'word' ? 'word' : 'place';
  return model.nameKind;
}

/** "Silverado 2500HD", "Sierra 3500": the number of a variant named right after a model name, if any. */
export function variantAfter(tokens: Token[], end: number): string | null {
  const t = tokens[end];
  if (!t || !/^\d{3,4}[a-z]{0,2}$/.test(t.text)) return null;
  const digits = t.text.replace(/[a-z]+$/, '');
  const n = Number(digits);
  return t.kind === 'number' && n >= 1950 && n <= 2039 ? null : digits;
}

export function adjacentTokens(tokens: Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (!(tokens[j].kind === 'punct' && isJoiner(tokens[j]))) return false;
  return to - from <= 1;
}

export function onlyJoinersAfter(tokens: Token[], i: number, end: number): boolean {
  for (let j = i + 1; j < end; j++) if (tokens[j].kind !== 'punct') return false;
  return true;
}

/** A year right before the model (only "for", "fits", punctuation or the make between) or right after it. */
export function yearAdjacent(tokens: Token[], items: Item[], k: number): boolean {
  const m = items[k];
  for (let b = k - 1; b >= 0; b--) {
    const it = items[b];
    if (it.type === 'make') continue;
    if (it.type === 'year') return gapWords(tokens, it.end, items[b + 1].start) <= 1;
    break;
  }
  const next = items[k + 1];
  return next?.type === 'year' && gapWords(tokens, m.end, next.start) === 0;
}

/**
 * "2003-2007 Silverado 1500, Tahoe 2003-2006, Suburban 2003-2006": in a list led by years, a year
 * right after a model (and not leading the next vehicle, which it would without a comma) is its own.
 */
export function yearRightAfter(items: Item[], tokens: Token[], m: ModelItem): YearExpression | null {
  const k = items.indexOf(m);
  const next = items[k + 1];
  if (next?.type !== 'year' || gapWords(tokens, m.end, next.start) !== 0) return null;
  const after = items[k + 2];
  if (after && (after.type === 'model' || after.type === 'make')) {
    let comma = false;
    for (let j = next.end; j < after.start; j++)
      if (tokens[j].text === ',' || tokens[j].text === ';' || tokens[j].text === ')') comma = true;
    if (!comma) return null;
  }
  return next.expr;
}

const TRAILING_YEAR_WORDS = new Set(['also', 'fits', 'fit', 'and', 'or', 'plus', 'as', 'well']);

function onlyWords(tokens: Token[], from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let j = from; j < to; j++) if (tokens[j].kind !== 'punct' && !words.has(tokens[j].text)) return false;
  return true;
}

function hasWord(tokens: Token[], from: number, to: number, word: string): boolean {
  for (let j = from; j < to; j++) if (tokens[j].text === word) return true;
  return false;
}

export function connectorOnly(tokens: Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++)
    if (tokens[j].kind !== 'punct' && tokens[j].text !== 'and' && tokens[j].text !== 'or') return false;
  return true;
}

export function gapWords(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (let j = from; j < to; j++) if (tokens[j].kind !== 'punct') n++;
  return n;
}

/** Words between two models of a list that are not years or engines (trims, "and"). */
export function listGap(tokens: Token[], items: Item[], a: ModelItem, b: ModelItem): number {
  let n = 0;
  for (let j = a.end; j < b.start; j++) {
    if (tokens[j].kind === 'punct') continue;
    if (items.some((i) => (i.type === 'year' || i.type === 'engine') && j >= i.start && j < i.end)) continue;
    n++;
  }
  return n;
}

export function sourceText(tokens: Token[], from: number, to: number): string {
  let s = '';
  for (let j = from; j < to; j++) s += (j > from && tokens[j].spaceBefore ? ' ' : '') + tokens[j].raw;
  return s;
}

export function snippetOf(text: string, tokens: Token[], start: number, end: number): string {
  const s = text
    .slice(tokens[start].start, tokens[end - 1].end)
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > 140 ? `${s.slice(0, 137)}...` : s;
}
