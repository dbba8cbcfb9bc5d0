import type { VehicleCatalogSnapshot } from '../vehicles/vehicle-catalog.types.js';
import { CatalogIndex, type MakeInfo, type ModelInfo, type NameMatchKind, type VehicleInfo } from './catalog-index.js';
import { engineMatches, readEngineMention, shareListDescriptors, type EngineMention } from './engine-mentions.js';
import type { ApprovedExample, FitmentCandidate, FitmentMatch, ProductInput } from './fitment-engine.types.js';
import { suggestFromSimilar, type SimilarityOptions } from './similar-products.js';
import { clauses, productFields, type FieldName } from './product-text.js';
import { compactKey, isJoiner, tokenize, type Token } from './text-tokens.js';
import { COMMON_WORDS, FILLER_WORDS, NEGATION_STARTS } from './vocabulary.js';
import { describeYears, readYearExpression, type YearExpression } from './year-expressions.js';

interface MakeHit {
  make: MakeInfo;
  kind: NameMatchKind | 'fuzzy';
}

interface MakeItem {
  type: 'make';
  start: number;
  end: number;
  text: string;
  hits: MakeHit[];
}

type ModelVia = NameMatchKind | 'fuzzy' | 'submodel' | 'lineage';

interface ModelOption {
  model: ModelInfo;
  via: ModelVia;
  typos: number;
  /** The text named a trim that identifies the model ("328i", "WRX" before 2015): only those trims. */
  impliedSubmodelIds?: number[];
}

interface ModelItem {
  type: 'model';
  start: number;
  end: number;
  text: string;
  /** The compact name that matched ("ram1500", "silverado", "1500"). */
  key: string;
  options: ModelOption[];
  makeItem?: MakeItem;
  makeAdjacent: boolean;
  viaList: boolean;
}

interface YearItem {
  type: 'year';
  start: number;
  end: number;
  expr: YearExpression;
}

interface EngineItem {
  type: 'engine';
  start: number;
  end: number;
  mention: EngineMention;
}

interface NegationItem {
  type: 'neg';
  start: number;
  end: number;
}

type Item = MakeItem | ModelItem | YearItem | EngineItem | NegationItem;

type YearsVia = 'stated' | 'inherited' | 'tag' | 'all' | 'none';

interface ClauseContext {
  /** The listing says it fits all model years. */
  allYears: boolean;
  /** Years stated alone in an earlier clause of the field. */
  carried: YearExpression | null;
  carriedAge: number;
  /** A make stated alone in the previous clause ("Make: Kia | Model: Telluride"). */
  make: MakeItem | null;
}

interface Statement {
  field: FieldName;
  snippet: string;
  model: ModelItem;
  years: YearExpression | null;
  yearsVia: YearsVia;
  tagText?: string;
  tagYears?: number[];
  /** Submodel ids per model id, with the text that named them. */
  submodels: Map<number, Set<number>>;
  submodelText: string[];
  engines: EngineMention[];
}

interface Exclusion {
  models?: Set<number>;
  years?: YearExpression[];
  /** Compact spans after the negation; a candidate's trims with these keys are excluded. */
  submodelKeys: Set<string>;
  engines: EngineMention[];
  text: string;
}

interface Span {
  end: number;
  key: string;
  typos: number;
}

const UNIVERSAL =
  /\buniversal\b(?!\s*-?\s*joints?\b)|\bfits\s+(?:most|all)\s+(?:vehicles|cars|trucks|makes|models\s+of\s+cars)\b|\bone\s+size\s+fits\s+(?:most|all)\b/i;
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
 * The local fitment engine: reads fitment statements in a product's name, description and
 * attributes and resolves them against the vehicle catalog, without keys or network.
 *
 * Build it once per catalog (fromSnapshot or the loader) and call match() per product; it keeps no
 * state between calls other than a bounded typo cache, so one instance serves a whole job.
 */
export class FitmentEngine {
  private readonly typoCache = new Map<string, { word: string; distance: number } | null>();

  constructor(readonly index: CatalogIndex) {}

  static fromSnapshot(snapshot: VehicleCatalogSnapshot): FitmentEngine {
    return new FitmentEngine(new CatalogIndex(snapshot));
  }

  matchMany(products: ProductInput[]): FitmentMatch[] {
    return products.map((p) => this.match(p));
  }

  /** Proposals from approved fitments of similar products (lower confidence); see similar-products.ts. */
  suggestFromSimilar(
    product: ProductInput,
    approved: ApprovedExample[],
    options?: SimilarityOptions,
  ): FitmentCandidate[] {
    return suggestFromSimilar(product, approved, { catalog: this.index, ...options });
  }

  match(product: ProductInput): FitmentMatch {
    const warnings: string[] = [];
    const fields = productFields(product);
    const freeText = `${product.name ?? ''}\n${product.description ?? ''}`;
    if (UNIVERSAL.test(freeText)) {
      warnings.push('The text says the part is universal: no vehicle-specific fitments proposed.');
      return { productId: product.id, candidates: [], warnings, universal: true };
    }
    const statements: Statement[] = [];
    const exclusions: Exclusion[] = [];
    const context: ClauseContext = { allYears: ALL_YEARS.test(freeText), carried: null, carriedAge: 0, make: null };
    for (const field of fields) {
      const tokens = tokenize(field.text);
      context.carried = null;
      context.make = null;
      for (const [start, end] of clauses(tokens))
        this.readClause(field.name, field.text, tokens, start, end, statements, exclusions, context);
    }
    const candidates = this.resolve(statements, exclusions, warnings);
    return { productId: product.id, candidates, warnings: [...new Set(warnings)], universal: false };
  }

  // ---------------------------------------------------------------- reading text

  private readClause(
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

  // ---------------------------------------------------------------- resolving against the catalog

  private resolve(statements: Statement[], exclusions: Exclusion[], warnings: string[]): FitmentCandidate[] {
    const withYears = new Set<number>();
    for (const st of statements)
      if (st.yearsVia !== 'none') for (const o of st.model.options) withYears.add(o.model.id);
    const byKey = new Map<string, FitmentCandidate & { field: FieldName }>();
    for (const st of statements) {
      if (st.yearsVia === 'none') {
        // no years stated: proposing every year would be a guess; the reviewer hears about it instead
        if (!st.model.options.every((o) => withYears.has(o.model.id))) {
          const names = [...new Set(st.model.options.map((o) => `${o.model.make.name} ${o.model.name}`))].join(' or ');
          warnings.push(`${names}: named without model years ("${st.snippet}"); no fitment proposed.`);
        }
        continue;
      }
      for (const c of this.resolveStatement(st, exclusions, warnings)) {
        const key = `${c.baseVehicleId}:${c.submodelId ?? ''}:${c.engineId ?? ''}`;
        const seen = byKey.get(key);
        if (!seen) {
          byKey.set(key, c);
        } else if (seen.field !== c.field) {
          const best = c.confidence > seen.confidence ? c : seen;
          best.confidence = round(Math.min(0.99, best.confidence + 0.02));
          best.reasoning += ` Also stated in the ${best === c ? seen.field : c.field}.`;
          byKey.set(key, best);
        } else if (c.confidence > seen.confidence) {
          byKey.set(key, c);
        }
      }
    }
    // a configuration-level fitment makes the base-level one for the same vehicle redundant
    const specific = new Set<number>();
    for (const c of byKey.values())
      if (c.submodelId !== undefined || c.engineId !== undefined) specific.add(c.baseVehicleId);
    const out: FitmentCandidate[] = [];
    for (const c of byKey.values()) {
      if (c.submodelId === undefined && c.engineId === undefined && specific.has(c.baseVehicleId)) continue;
      const { field: _field, ...candidate } = c;
      out.push(candidate);
    }
    return out.sort(
      (a, b) =>
        a.make.localeCompare(b.make) ||
        a.model.localeCompare(b.model) ||
        a.year - b.year ||
        (a.submodel ?? '').localeCompare(b.submodel ?? '') ||
        (a.engine ?? '').localeCompare(b.engine ?? ''),
    );
  }

  private resolveStatement(
    st: Statement,
    exclusions: Exclusion[],
    warnings: string[],
  ): Array<FitmentCandidate & { field: FieldName }> {
    const m = st.model;
    // years asked for, per model reading
    const perOption = m.options.map((o) => {
      const requested = this.requestedYears(st, o.model);
      const existing = requested.filter((y) => {
        const base = o.model.bases.get(y);
        return (
          !!base && (!o.impliedSubmodelIds || base.vehicles.some((v) => o.impliedSubmodelIds!.includes(v.submodelId)))
        );
      });
      return { option: o, requested, existing };
    });
    // a former trim ("WRX" of the Impreza) stands in only for years the named model was not sold
    const primaryYears = new Set(perOption.filter((p) => p.option.via !== 'lineage').flatMap((p) => p.existing));
    for (const p of perOption)
      if (p.option.via === 'lineage') p.existing = p.existing.filter((y) => !primaryYears.has(y));
    const requestedAll = [...new Set(perOption.flatMap((p) => p.requested))].sort((a, b) => a - b);
    const existingAll = new Set(perOption.flatMap((p) => p.existing));
    const label =
      m.options.length === 1 || new Set(m.options.map((o) => o.model.make.id)).size === 1
        ? `${m.options[0].model.make.name} ${m.options[0].model.name}`
        : `"${m.text}"`;
    const flags: string[] = [];
    if (st.yearsVia === 'stated' || st.yearsVia === 'inherited') {
      const missing = requestedAll.filter((y) => !existingAll.has(y));
      const outside = missing.filter((y) => y < this.index.minYear || y > this.index.maxYear);
      const inside = missing.filter((y) => y >= this.index.minYear && y <= this.index.maxYear);
      if (inside.length)
        flags.push(
          `${describeYears(inside)} ${inside.length > 1 ? 'do' : 'does'} not exist for ${label} (not sold ${inside.length > 1 ? 'those years' : 'that year'}).`,
        );
      if (outside.length)
        flags.push(
          `${describeYears(outside)} ${outside.length > 1 ? 'are' : 'is'} outside the catalog's years (${this.index.minYear}-${this.index.maxYear}).`,
        );
    }
    for (const f of flags) warnings.push(`${label}: ${f}`);
    const live = perOption.filter((p) => p.existing.length > 0);
    if (live.length === 0) return [];
    // several makes read for one name with no make in the text: a guess, say so
    const yearsOwners = new Map<number, number>();
    for (const p of live) for (const y of p.existing) yearsOwners.set(y, (yearsOwners.get(y) ?? 0) + 1);
    const out: Array<FitmentCandidate & { field: FieldName }> = [];
    for (const p of live) {
      const base = this.confidenceOf(st, p.option);
      const reasons = this.reasonsOf(st, p.option, p.requested);
      const ambiguousMakes = [...new Set(live.map((l) => l.option.model.make.name))];
      for (const year of p.existing) {
        let confidence = base;
        let reasoning = reasons;
        if ((yearsOwners.get(year) ?? 0) > 1 && !m.makeItem) {
          confidence -= 0.3;
          reasoning += ` The name is shared by ${ambiguousMakes.join(' and ')} models and no make is given.`;
        }
        if (flags.length) {
          confidence -= 0.04;
          reasoning += ` ${flags.join(' ')}`;
        }
        out.push(...this.candidatesFor(st, p.option, year, confidence, reasoning, exclusions, warnings));
      }
    }
    return out;
  }

  private requestedYears(st: Statement, model: ModelInfo): number[] {
    if (st.yearsVia === 'tag') return st.tagYears ?? [];
    if (!st.years) return model.years;
    const first = model.years[0] ?? this.index.minYear;
    const last = model.years[model.years.length - 1] ?? this.index.maxYear;
    const years = new Set<number>();
    for (const span of st.years.spans) {
      const from = span.from ?? Math.min(first, span.to ?? first);
      const to = span.to ?? Math.max(last, span.from ?? last);
      for (let y = from; y <= to; y++) years.add(y);
    }
    return [...years].sort((a, b) => a - b);
  }

  /** Candidates for one model year: base level, or per trim/engine when the text narrows it. */
  private candidatesFor(
    st: Statement,
    option: ModelOption,
    year: number,
    confidence: number,
    reasoning: string,
    exclusions: Exclusion[],
    warnings: string[],
  ): Array<FitmentCandidate & { field: FieldName }> {
    const model = option.model;
    const base = model.bases.get(year)!;
    let vehicles = base.vehicles;
    let bySubmodel = false;
    let byEngine = false;
    const wanted = new Set<number>([...(st.submodels.get(model.id) ?? []), ...(option.impliedSubmodelIds ?? [])]);
    if (wanted.size > 0) {
      const narrowed = vehicles.filter((v) => wanted.has(v.submodelId));
      if (narrowed.length === 0) {
        if (this.trimsExistSomeYear(model, wanted)) return [];
        warnings.push(
          `${model.make.name} ${model.name}: trim ${st.submodelText.join(', ')} not found in the catalog; not narrowed.`,
        );
      } else {
        vehicles = narrowed;
        bySubmodel = true;
      }
    }
    if (st.engines.length > 0) {
      const narrowed = vehicles.filter((v) =>
        st.engines.some((e) => engineMatches(e, this.index.engines.get(v.engineId)!)),
      );
      if (narrowed.length > 0) {
        vehicles = narrowed;
        byEngine = true;
      } else if (st.engines.some((e) => e.strong) && this.engineExistsSomeYear(model, st.engines)) {
        return [];
      } else {
        warnings.push(
          `${model.make.name} ${model.name}: engine ${st.engines.map((e) => e.text).join(', ')} not found in the catalog; not narrowed.`,
        );
      }
    }
    let excludedNote = '';
    for (const ex of exclusions) {
      if (ex.models && !ex.models.has(model.id)) continue;
      if (
        ex.years &&
        !ex.years.some((y) => this.requestedYears({ ...st, years: y, yearsVia: 'stated' }, model).includes(year))
      )
        continue;
      const trims = new Set<number>();
      for (const key of ex.submodelKeys) for (const id of model.submodelKeys.get(key) ?? []) trims.add(id);
      if (trims.size === 0 && ex.engines.length === 0) {
        if (ex.models || ex.years) return [];
        continue;
      }
      const kept = vehicles.filter(
        (v) =>
          !trims.has(v.submodelId) && !ex.engines.some((e) => engineMatches(e, this.index.engines.get(v.engineId)!)),
      );
      if (kept.length === vehicles.length) continue;
      if (kept.length === 0) return [];
      vehicles = kept;
      if (trims.size > 0) bySubmodel = true;
      else byEngine = true;
      excludedNote = ` Excluded as stated: "${ex.text}".`;
    }
    const groups = new Map<string, VehicleInfo[]>();
    for (const v of vehicles) {
      const key = `${bySubmodel ? v.submodelId : ''}:${byEngine ? v.engineId : ''}`;
      groups.set(key, [...(groups.get(key) ?? []), v]);
    }
    const out: Array<FitmentCandidate & { field: FieldName }> = [];
    for (const group of groups.values()) {
      const v = group[0];
      const c: FitmentCandidate & { field: FieldName } = {
        baseVehicleId: base.id,
        year,
        makeId: model.make.id,
        make: model.make.name,
        modelId: model.id,
        model: model.name,
        confidence: 0,
        reasoning: reasoning + excludedNote,
        source: 'text',
        field: st.field,
      };
      let bonus = 0;
      if (bySubmodel) {
        c.submodelId = v.submodelId;
        c.submodel = this.index.submodelNames.get(v.submodelId);
        bonus += 0.01;
      }
      if (byEngine) {
        c.engineId = v.engineId;
        c.engine = this.index.engines.get(v.engineId)?.name;
        bonus += 0.01;
        c.reasoning += ` Engine ${c.engine} matches "${st.engines.map((e) => e.text).join(', ')}".`;
      }
      if (group.length === 1 && (bySubmodel || byEngine)) {
        c.vehicleId = v.id;
        if (!byEngine) c.engine = this.index.engines.get(v.engineId)?.name;
        if (!bySubmodel) c.submodel = this.index.submodelNames.get(v.submodelId);
      }
      c.confidence = round(clamp(confidence + bonus));
      out.push(c);
    }
    return out;
  }

  private trimsExistSomeYear(model: ModelInfo, trims: Set<number>): boolean {
    for (const base of model.bases.values()) if (base.vehicles.some((v) => trims.has(v.submodelId))) return true;
    return false;
  }

  private engineExistsSomeYear(model: ModelInfo, engines: EngineMention[]): boolean {
    for (const base of model.bases.values()) {
      if (base.vehicles.some((v) => engines.some((e) => engineMatches(e, this.index.engines.get(v.engineId)!))))
        return true;
    }
    return false;
  }

  private confidenceOf(st: Statement, o: ModelOption): number {
    let c = 0.97;
    const m = st.model;
    const hit = m.makeItem?.hits.find((h) => h.make.id === o.model.make.id);
    if (m.makeItem && hit) {
      c -= { name: 0, alias: 0.01, former: 0.02, misspelling: 0.04, fuzzy: 0.07 }[hit.kind];
      if (!m.makeAdjacent) c -= 0.01;
    } else if (m.makeItem && m.makeAdjacent) {
      c -= 0.15;
    } else {
      c -= 0.05;
    }
    c -= {
      name: 0,
      alias: 0.02,
      former: 0.02,
      misspelling: 0.05,
      fuzzy: 0.08 * o.typos,
      submodel: 0.04,
      lineage: 0.03,
    }[o.via];
    if (m.viaList) c -= 0.03;
    if (st.yearsVia === 'stated' && st.years) {
      if (st.years.twoDigit) c -= 0.02;
      if (st.years.open) c -= 0.03;
    } else if (st.yearsVia === 'inherited') {
      c -= 0.08;
    } else if (st.yearsVia === 'tag') {
      c -= 0.05;
    } else if (st.yearsVia === 'all') {
      c -= 0.08;
    }
    if (st.field === 'attributes') c += 0.01;
    return c;
  }

  private reasonsOf(st: Statement, o: ModelOption, requested: number[]): string {
    const m = st.model;
    const model = o.model;
    const parts: string[] = [];
    const hit = m.makeItem?.hits.find((h) => h.make.id === model.make.id);
    if (m.makeItem && hit) {
      const said = m.makeItem.text;
      const how = {
        name: `make ${model.make.name}`,
        alias: `make "${said}" = ${model.make.name} (alias)`,
        former: `make "${said}" read as ${model.make.name} (these models were sold as ${said} before)`,
        misspelling: `make "${said}" read as ${model.make.name} (common misspelling)`,
        fuzzy: `make "${said}" read as ${model.make.name} (typo)`,
      }[hit.kind];
      parts.push(how);
    } else if (m.makeItem && m.makeAdjacent) {
      parts.push(`make "${m.makeItem.text}" does not make a ${model.name}; read as ${model.make.name}`);
    } else {
      parts.push(`make ${model.make.name} inferred from the model name`);
    }
    const modelHow = {
      name: `model ${model.name}`,
      alias: `model "${m.text}" = ${model.name} (alias)`,
      former: `model ${model.name}`,
      misspelling: `model "${m.text}" read as ${model.name} (common misspelling)`,
      fuzzy: `model "${m.text}" read as ${model.name} (${o.typos} letter${o.typos > 1 ? 's' : ''} off)`,
      submodel: `trim "${m.text}" identifies the ${model.name}`,
      lineage: `"${m.text}" was a trim of the ${model.name} in these years`,
    }[o.via];
    parts.push(m.viaList ? `${modelHow} (listed after another ${model.make.name} model)` : modelHow);
    const years = describeYears(requested);
    if (st.yearsVia === 'stated' && st.years) {
      let how = 'stated';
      if (st.years.open) how = `open range, up to the latest catalog year of the model`;
      else if (st.years.twoDigit) how = 'two-digit years';
      parts.push(`years ${years} (${how})`);
    } else if (st.yearsVia === 'inherited') {
      parts.push(`years ${years} (stated for the vehicle listed before it)`);
    } else if (st.yearsVia === 'tag') {
      parts.push(`years ${years} (generation "${st.tagText}")`);
    } else {
      parts.push(`years ${years} (the text says all model years)`);
    }
    if (st.submodelText.length) parts.push(`trim ${st.submodelText.join(', ')} stated`);
    return `Read "${st.snippet}" in the ${st.field}: ${parts.join('; ')}.`;
  }
}

// ------------------------------------------------------------------ helpers (pure)

const ALL_YEARS = /\b(?:all|every|any)\s+(?:model[\s-]+)?(?:years?|generations?)\b/i;

function negationLength(tokens: Token[], i: number, end: number): number {
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
function assignYears(
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
function attachEngines(items: Item[], statements: Statement[]): void {
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

function nextStop(items: Item[], m: ModelItem, end: number): number {
  for (const i of items)
    if (i.start >= m.end && (i.type === 'model' || i.type === 'make' || i.type === 'neg')) return i.start;
  return end;
}

/** How freely a name may be read, judged on the words that matched: "1500" needs its make, "Ram 1500" does not. */
function effectiveNameKind(model: ModelInfo, key: string): 'distinct' | 'place' | 'word' {
  if (/^\d+$/.test(key) || /^[a-z]{1,2}$/.test(key)) return 'word';
  if (key.length <= 2) return model.nameKind === 'word' ? 'word' : 'place';
  return model.nameKind;
}

/** "Silverado 2500HD", "Sierra 3500": the number of a variant named right after a model name, if any. */
function variantAfter(tokens: Token[], end: number): string | null {
  const t = tokens[end];
  if (!t || !/^\d{3,4}[a-z]{0,2}$/.test(t.text)) return null;
  const digits = t.text.replace(/[a-z]+$/, '');
  const n = Number(digits);
  return t.kind === 'number' && n >= 1950 && n <= 2039 ? null : digits;
}

function adjacentTokens(tokens: Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (!(tokens[j].kind === 'punct' && isJoiner(tokens[j]))) return false;
  return to - from <= 1;
}

function onlyJoinersAfter(tokens: Token[], i: number, end: number): boolean {
  for (let j = i + 1; j < end; j++) if (tokens[j].kind !== 'punct') return false;
  return true;
}

/** A year right before the model (only "for", "fits", punctuation or the make between) or right after it. */
function yearAdjacent(tokens: Token[], items: Item[], k: number): boolean {
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
function yearRightAfter(items: Item[], tokens: Token[], m: ModelItem): YearExpression | null {
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

function connectorOnly(tokens: Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++)
    if (tokens[j].kind !== 'punct' && tokens[j].text !== 'and' && tokens[j].text !== 'or') return false;
  return true;
}

function gapWords(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (let j = from; j < to; j++) if (tokens[j].kind !== 'punct') n++;
  return n;
}

/** Words between two models of a list that are not years or engines (trims, "and"). */
function listGap(tokens: Token[], items: Item[], a: ModelItem, b: ModelItem): number {
  let n = 0;
  for (let j = a.end; j < b.start; j++) {
    if (tokens[j].kind === 'punct') continue;
    if (items.some((i) => (i.type === 'year' || i.type === 'engine') && j >= i.start && j < i.end)) continue;
    n++;
  }
  return n;
}

function sourceText(tokens: Token[], from: number, to: number): string {
  let s = '';
  for (let j = from; j < to; j++) s += (j > from && tokens[j].spaceBefore ? ' ' : '') + tokens[j].raw;
  return s;
}

function snippetOf(text: string, tokens: Token[], start: number, end: number): string {
  const s = text
    .slice(tokens[start].start, tokens[end - 1].end)
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > 140 ? `${s.slice(0, 137)}...` : s;
}

function clamp(c: number): number {
  return Math.max(0.05, Math.min(0.99, c));
}

function round(c: number): number {
  return Math.round(c * 100) / 100;
}
