import type { MakeInfo, ModelInfo, NameMatchKind } from './catalog-index.js';
import type { EngineMention } from './engine-mentions.js';
import type { FieldName } from './product-text.js';
import type { YearExpression } from './year-expressions.js';

// What the engine reads in a product's text (StatementReader) and resolves against the catalog
// (VehicleResolver): the names, years, engines and negations of a clause, and the statements and
// exclusions made of them.

export interface MakeHit {
  make: MakeInfo;
  kind: NameMatchKind | 'fuzzy';
}

export interface MakeItem {
  type: 'make';
  start: number;
  end: number;
  text: string;
  hits: MakeHit[];
}

export type ModelVia = NameMatchKind | 'fuzzy' | 'submodel' | 'lineage';

export interface ModelOption {
  model: ModelInfo;
  via: ModelVia;
  typos: number;
  /** The text named a trim that identifies the model ("328i", "WRX" before 2015): only those trims. */
  impliedSubmodelIds?: number[];
}

export interface ModelItem {
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

export interface YearItem {
  type: 'year';
  start: number;
  end: number;
  expr: YearExpression;
}

export interface EngineItem {
  type: 'engine';
  start: number;
  end: number;
  mention: EngineMention;
}

export interface NegationItem {
  type: 'neg';
  start: number;
  end: number;
}

export type Item = MakeItem | ModelItem | YearItem | EngineItem | NegationItem;

export type YearsVia = 'stated' | 'inherited' | 'tag' | 'all' | 'none';

export interface ClauseContext {
  /** The listing says it fits all model years. */
  allYears: boolean;
  /** Years stated alone in an earlier clause of the field. */
  carried: YearExpression | null;
  carriedAge: number;
  /** A make stated alone in the previous clause ("Make: Kia | Model: Telluride"). */
  make: MakeItem | null;
}

export interface Statement {
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

export interface Exclusion {
  models?: Set<number>;
  years?: YearExpression[];
  /** Compact spans after the negation; a candidate's trims with these keys are excluded. */
  submodelKeys: Set<string>;
  engines: EngineMention[];
  text: string;
}

export interface Span {
  end: number;
  key: string;
  typos: number;
}
