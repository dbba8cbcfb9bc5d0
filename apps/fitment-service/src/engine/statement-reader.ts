import type { CatalogIndex, ModelInfo } from './catalog-index.js';
import {
  adjacentTokens,
  assignYears,
  attachEngines,
  connectorOnly,
  effectiveNameKind,
  gapWords,
  listGap,
  negationLength,
  nextStop,
  onlyJoinersAfter,
  snippetOf,
  sourceText,
  variantAfter,
  yearAdjacent,
} from './clause-items.js';
import { readEngineMention } from './engine-mentions.js';
import type {
  ClauseContext,
  EngineItem,
  Exclusion,
  Item,
  MakeItem,
  ModelItem,
  ModelOption,
  Span,
  Statement,
  YearItem,
} from './fitment-statements.js';
import type { FieldName } from './product-text.js';
import { compactKey, isJoiner, type Token } from './text-tokens.js';
import { COMMON_WORDS, FILLER_WORDS } from './vocabulary.js';
import { readYearExpression } from './year-expressions.js';

const SUBMODEL_STOP_AFTER = new Set([
  'warranty',
  'lifetime',
  'time',
  'quantity',
  'stock',
  'supply',
  'offer',
  'style',
  'styled',
  'look',
  'replica',
]);

/**
 * Reads the fitment statements of a product's text, clause by clause: makes, models (with typos,
 * aliases and trims that name their model), years, trims, engines, and what a negation excludes.
 * Keeps a bounded typo cache, so one reader serves a whole job.
 */
export class StatementReader {
  private readonly typoCache = new Map<string, { word: string; distance: number } | null>();

  constructor(private readonly index: CatalogIndex) {}

  readClause(
    field: FieldName,
    text: string,
    tokens: Token[],
    start: number,
    end: number,
    statements: Statement[],
    exclusions: Exclusion[],
    context: ClauseContext,
  ): void {
    const items = this.scanItems(tokens, start, end);
    const carried = context.carried;
    // "Years: 2009, 2010, 2012. Model: Hyundai Sonata." and "Year: 2020-2024 | Make: Kia | Model: Telluride":
    // years (and a make) alone in a clause go on to the next clauses, across one that has neither
    const hasModel = items.some((i) => i.type === 'model' || i.type === 'neg');
    const lastYear = [...items].reverse().find((i): i is YearItem => i.type === 'year');
    const lastMake = [...items].reverse().find((i): i is MakeItem => i.type === 'make');
    if (hasModel) {
      context.carried = null;
    } else if (lastYear) {
      context.carried = lastYear.expr;
      context.carriedAge = 0;
    } else if (context.carried && ++context.carriedAge > 1) {
      context.carried = null;
    }
    const carriedMake = context.make;
    context.make = !hasModel && lastMake ? lastMake : null;
    if (!hasModel) return;
    if (carriedMake && !items.some((i) => i.type === 'make'))
      items.unshift({ ...carriedMake, start: start, end: start });
    this.acceptModels(tokens, items);
    const negAt = items.findIndex((i) => i.type === 'neg');
    const positive = negAt === -1 ? items : items.slice(0, negAt);
    const snippet = snippetOf(text, tokens, start, end);
    const clauseStatements: Statement[] = [];
    const models = positive.filter((i): i is ModelItem => i.type === 'model' && i.options.length > 0);
    if (models.length > 0) {
      const years = assignYears(positive, tokens, end);
      for (const m of models) {
        const limit = nextStop(items, m, end);
        const st: Statement = {
          field,
          snippet,
          model: m,
          years: years.get(m)?.expr ?? null,
          yearsVia: years.get(m)?.via ?? 'none',
          submodels: new Map(),
          submodelText: [],
          engines: [],
        };
        this.scanSubmodels(tokens, m, positive, limit, st);
        if (!st.years) this.findTag(tokens, start, end, st);
        if (st.yearsVia === 'none' && carried) {
          st.years = carried;
          st.yearsVia = 'inherited';
        }
        if (st.yearsVia === 'none' && context.allYears) st.yearsVia = 'all';
        clauseStatements.push(st);
      }
      attachEngines(positive, clauseStatements);
      statements.push(...clauseStatements);
    }
    if (negAt !== -1) {
      const exclusion = this.readExclusion(tokens, items.slice(negAt + 1), items[negAt].end, end, snippet);
      // "Rogue (except Rogue Select)": excluding the very model the clause fits means a variant the
      // catalog does not have, unless years or trims say which part is excluded
      if (exclusion.models && !exclusion.years) {
        for (const st of clauseStatements) for (const o of st.model.options) exclusion.models.delete(o.model.id);
        if (exclusion.models.size === 0) delete exclusion.models;
      }
      exclusions.push(exclusion);
    }
  }

  /** Years, engines, negations, makes and models of a clause, in text order. */
  private scanItems(tokens: Token[], start: number, end: number): Item[] {
    const items: Item[] = [];
    let i = start;
    while (i < end) {
      const t = tokens[i];
      const neg = negationLength(tokens, i, end);
      if (neg > 0) {
        items.push({ type: 'neg', start: i, end: i + neg });
        i += neg;
        continue;
      }
      if (t.kind === 'number' || t.text === "'" || (t.kind === 'word' && t.text.startsWith('my'))) {
        const expr = readYearExpression(tokens, i, this.index.maxYear);
        if (expr && expr.end <= end) {
          items.push({ type: 'year', start: i, end: expr.end, expr });
          i = expr.end;
          continue;
        }
      }
      if (t.kind === 'punct') {
        i++;
        continue;
      }
      const mention = readEngineMention(tokens, i);
      if (mention && mention.end <= end && mention.end > i) {
        items.push({ type: 'engine', start: i, end: mention.end, mention });
        i = mention.end;
        continue;
      }
      const name = this.readName(tokens, i, end);
      if (name) {
        items.push(name);
        i = name.end;
        continue;
      }
      i++;
    }
    return items;
  }

  /** The longest make, model or model-identifying trim name starting at token i. */
  private readName(tokens: Token[], i: number, end: number): MakeItem | ModelItem | null {
    let best: { kind: 'make' | 'model' | 'submodel'; span: Span } | null = null;
    for (const span of this.spans(tokens, i, end)) {
      const single = span.end === i + 1 || onlyJoinersAfter(tokens, i, span.end);
      const common = single && COMMON_WORDS.has(tokens[i].text);
      if (this.index.makeKeys.has(span.key) && !(common && span.typos === 0 && !tokens[i].capitalized)) {
        if (!best || span.end > best.span.end || (span.end === best.span.end && best.kind !== 'make'))
          best = { kind: 'make', span };
      }
      const models = this.index.modelKeys.get(span.key);
      if (
        models &&
        (!common || models.every((h) => h.model.nameKind === 'word')) &&
        (!best || span.end > best.span.end)
      ) {
        best = { kind: 'model', span };
      }
      if (span.typos === 0 && this.index.distinctSubmodelKeys.has(span.key) && (!best || span.end > best.span.end)) {
        best = { kind: 'submodel', span };
      }
    }
    if (!best) return null;
    const { span } = best;
    const text = sourceText(tokens, i, span.end);
    if (best.kind === 'make') {
      const hits = this.index.makeKeys
        .get(span.key)!
        .map((h) => ({ make: h.make, kind: span.typos > 0 ? ('fuzzy' as const) : h.kind }));
      return { type: 'make', start: i, end: span.end, text, hits };
    }
    let options: ModelOption[];
    if (best.kind === 'submodel') {
      const hit = this.index.distinctSubmodelKeys.get(span.key)!;
      options = [{ model: hit.model, via: 'submodel', typos: 0, impliedSubmodelIds: hit.submodelIds }];
    } else {
      options = this.index.modelKeys.get(span.key)!.map((h) => ({
        model: h.model,
        via: span.typos > 0 ? ('fuzzy' as const) : h.kind,
        typos: span.typos,
      }));
      // "WRX" before 2015 and "GTI" before 2006 were trims of another model of the same make
      const makes = new Set(options.map((o) => o.model.make.id));
      const keys = new Set([span.key, ...options.map((o) => compactKey(o.model.name))]);
      for (const key of keys) {
        for (const hit of this.index.submodelKeyModels.get(key) ?? []) {
          if (makes.has(hit.model.make.id) && !options.some((o) => o.model.id === hit.model.id)) {
            options.push({ model: hit.model, via: 'lineage', typos: span.typos, impliedSubmodelIds: hit.submodelIds });
          }
        }
      }
    }
    return {
      type: 'model',
      start: i,
      end: span.end,
      text,
      key: span.key,
      options,
      makeAdjacent: false,
      viaList: false,
    };
  }

  /** Candidate spans from token i: up to the longest catalog name, across "-", "/", "." and "&". */
  private *spans(tokens: Token[], i: number, end: number): Generator<Span> {
    let exact = '';
    let corrected = '';
    let typos = 0;
    let count = 0;
    for (let j = i; j < end && count < this.index.maxKeyTokens; j++) {
      const t = tokens[j];
      if (t.kind === 'punct') {
        if (j > i && isJoiner(t)) continue;
        return;
      }
      exact += t.text.replace(/\./g, '');
      const fix = t.kind === 'word' ? this.correct(t.text) : null;
      corrected += fix ? fix.word : t.text.replace(/\./g, '');
      typos += fix ? fix.distance : 0;
      count++;
      yield { end: j + 1, key: exact, typos: 0 };
      if (typos > 0) yield { end: j + 1, key: corrected, typos };
    }
  }

  private correct(word: string): { word: string; distance: number } | null {
    if (word.length < 4 || this.index.isKnownWord(word)) return null;
    let hit = this.typoCache.get(word);
    if (hit === undefined) {
      hit = this.index.correctTypo(word);
      if (this.typoCache.size > 50_000) this.typoCache.clear();
      this.typoCache.set(word, hit);
    }
    return hit;
  }

  /**
   * Keeps the model readings the context supports: common-word names (Fit, Focus, Escape) right
   * after their make or in a list of that make's models; place names (Tahoe) also when capitalised
   * next to a year; typo readings only with the make or a year near them. Sets the make evidence.
   */
  private acceptModels(tokens: Token[], items: Item[]): void {
    let contextMake: MakeItem | undefined;
    let previousModel: ModelItem | undefined;
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      if (item.type === 'make') {
        contextMake = item;
        continue;
      }
      if (item.type !== 'model') continue;
      const prev = items[k - 1];
      const adjacent = prev?.type === 'make' && adjacentTokens(tokens, prev.end, item.start) ? prev : undefined;
      item.makeItem = adjacent ?? contextMake;
      item.makeAdjacent = !!adjacent;
      const yearNear = yearAdjacent(tokens, items, k);
      const variant = variantAfter(tokens, item.end);
      if (variant && !/\d/.test(item.key) && !item.options.some((o) => o.model.name.includes(variant))) {
        // the alias drops a number ("Silverado" = Silverado 1500) and the text names another one
        item.options = [];
        for (
          let b = k - 1;
          b >= 0 && items[b].type === 'model' && gapWords(tokens, items[b].end, items[b + 1].start) === 0;
          b--
        ) {
          const before = items[b] as ModelItem;
          if (!/\d/.test(before.key)) before.options = [];
        }
        continue;
      }
      const directlyListed =
        !!previousModel &&
        (gapWords(tokens, previousModel.end, item.start) === 0 || connectorOnly(tokens, previousModel.end, item.start));
      const listed = (model: ModelInfo) =>
        !!previousModel &&
        previousModel.options.some((o) => o.model.make.id === model.make.id) &&
        listGap(tokens, items, previousModel, item) <= 4;
      const makeSays = (model: ModelInfo, mk?: MakeItem) => !!mk && mk.hits.some((h) => h.make.id === model.make.id);
      item.options = item.options.filter((o) => {
        const kind = effectiveNameKind(o.model, item.key);
        if (o.via === 'fuzzy' && !(makeSays(o.model, item.makeItem) || yearNear)) return false;
        if (o.via === 'submodel' || o.via === 'lineage') return true;
        if (kind === 'word') {
          if (makeSays(o.model, adjacent)) return true;
          if (listed(o.model)) return (item.viaList = true);
          return false;
        }
        if (kind === 'place') {
          if (makeSays(o.model, adjacent) || makeSays(o.model, contextMake)) return true;
          if (listed(o.model) || directlyListed) return (item.viaList = true);
          return tokens[item.start].capitalized && yearNear;
        }
        return true;
      });
      // an explicit make picks among models sharing a name ("Ram 1500" the Ram, not the Silverado "1500")
      if (item.makeItem && item.options.length > 1) {
        const said = item.options.filter((o) => makeSays(o.model, item.makeItem));
        if (said.length > 0) item.options = said;
      }
      if (item.options.length > 0) previousModel = item;
    }
  }

  /** Trims named right after the model ("Civic LX, EX", "F-150 XLT/Lariat", "GLC 300"). */
  private scanSubmodels(tokens: Token[], m: ModelItem, items: Item[], limit: number, st: Statement): void {
    const longest = (j: number): { end: number; hits: Array<[ModelInfo, number[]]> } | null => {
      let best: { end: number; hits: Array<[ModelInfo, number[]]> } | null = null;
      for (const span of this.spans(tokens, j, limit)) {
        if (span.typos > 0) continue;
        const hits: Array<[ModelInfo, number[]]> = [];
        for (const o of m.options) {
          const ids = o.model.submodelKeys.get(span.key);
          if (ids) hits.push([o.model, ids]);
        }
        if (hits.length > 0) best = { end: span.end, hits };
      }
      // "Limited lifetime warranty" is not the Limited trim, nor "Si Style" the Si
      if (best && tokens[best.end] && SUBMODEL_STOP_AFTER.has(tokens[best.end].text)) return null;
      return best;
    };
    const take = (j: number, found: { end: number; hits: Array<[ModelInfo, number[]]> }) => {
      for (const [model, ids] of found.hits) {
        const set = st.submodels.get(model.id) ?? new Set<number>();
        for (const id of ids) set.add(id);
        st.submodels.set(model.id, set);
      }
      st.submodelText.push(sourceText(tokens, j, found.end));
    };
    let j = m.end;
    const overlapping = longest(m.start);
    if (overlapping && overlapping.end > m.end) {
      take(m.start, overlapping);
      j = overlapping.end;
    }
    let filler = 0;
    while (j < limit) {
      const t = tokens[j];
      const item = items.find((i) => i.start === j && (i.type === 'year' || i.type === 'engine'));
      if (item) {
        j = item.end;
        continue;
      }
      if (t.kind === 'punct') {
        j++;
        continue;
      }
      const found = longest(j);
      if (found) {
        take(j, found);
        j = found.end;
        filler = 0;
        continue;
      }
      if (FILLER_WORDS.has(t.text) && filler < 3) {
        filler++;
        j++;
        continue;
      }
      break;
    }
  }

  /** "JK Wrangler", "E90 3 Series", "10th gen Civic": a generation name stands for its years. */
  private findTag(tokens: Token[], start: number, end: number, st: Statement): void {
    for (let j = start; j < end; j++) {
      if (tokens[j].kind === 'punct') continue;
      for (const span of this.spans(tokens, j, end)) {
        if (span.typos > 0) continue;
        for (const o of st.model.options) {
          const years = o.model.tags.get(span.key);
          if (years) {
            st.tagYears = years;
            st.tagText = sourceText(tokens, j, span.end);
            st.yearsVia = 'tag';
            return;
          }
        }
      }
    }
  }

  private readExclusion(tokens: Token[], items: Item[], from: number, end: number, snippet: string): Exclusion {
    const named = items.filter((i): i is ModelItem => i.type === 'model' && i.options.length > 0);
    // "will not fit Shelby GT500": a trim that names its model excludes the trim, not the model
    const models = named.filter((m) => m.options.some((o) => o.via !== 'submodel'));
    const exclusion: Exclusion = {
      submodelKeys: new Set(named.filter((m) => !models.includes(m)).map((m) => m.key)),
      engines: items.filter((i): i is EngineItem => i.type === 'engine').map((i) => i.mention),
      text: snippet,
    };
    if (models.length > 0) exclusion.models = new Set(models.flatMap((m) => m.options.map((o) => o.model.id)));
    const years = items.filter((i): i is YearItem => i.type === 'year').map((i) => i.expr);
    if (years.length > 0) exclusion.years = years;
    const covered = (j: number) =>
      items.some(
        (i) =>
          (models.includes(i as ModelItem) || i.type === 'year' || i.type === 'engine') && j >= i.start && j < i.end,
      );
    for (let j = from; j < end; j++) {
      if (tokens[j].kind === 'punct' || covered(j)) continue;
      for (const span of this.spans(tokens, j, end)) if (span.typos === 0) exclusion.submodelKeys.add(span.key);
    }
    return exclusion;
  }
}
