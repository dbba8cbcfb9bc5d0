import type {
  EngineRow,
  MakeAliasKind,
  ModelNameKind,
  VehicleCatalogSnapshot,
} from '../vehicles/vehicle-catalog.types.js';
import { allowedTypos, boundedEditDistance } from './fuzzy-match.js';
import { compactKey } from './text-tokens.js';
import { COMMON_WORDS } from './vocabulary.js';

export interface MakeInfo {
  id: number;
  name: string;
  /** Make names this make was sold under before ("Dodge" for Ram): read as this make too. */
  formerNames: string[];
}

export interface VehicleInfo {
  id: number;
  submodelId: number;
  engineId: number;
}

export interface BaseVehicleInfo {
  id: number;
  year: number;
  vehicles: VehicleInfo[];
}

export interface ModelInfo {
  id: number;
  name: string;
  make: MakeInfo;
  nameKind: ModelNameKind;
  /** Years with a base vehicle, ascending. */
  years: number[];
  bases: Map<number, BaseVehicleInfo>;
  /** Compact trim name -> submodel ids of this model ("exl" -> EX-L, "c43" -> C43 AMG). */
  submodelKeys: Map<string, number[]>;
  /** Compact generation tag -> years ("jk", "e90", "10thgen"). */
  tags: Map<string, number[]>;
}

export type NameMatchKind = 'name' | 'alias' | 'misspelling' | 'former';

export interface MakeKeyHit {
  make: MakeInfo;
  kind: NameMatchKind;
}

export interface ModelKeyHit {
  model: ModelInfo;
  kind: NameMatchKind;
}

/** A trim name that identifies one model by itself ("328i" -> BMW 3 Series, "C300" -> C-Class). */
export interface SubmodelKeyHit {
  model: ModelInfo;
  submodelIds: number[];
}

/**
 * The catalog in memory, indexed for reading text: compact name keys for makes, models and trims,
 * per-model years, base vehicles and configurations, and a typo dictionary by first letter.
 * Built once from a snapshot; read-only afterwards, so one instance serves any number of matches.
 */
export class CatalogIndex {
  readonly makes = new Map<number, MakeInfo>();
  readonly models = new Map<number, ModelInfo>();
  readonly submodelNames = new Map<number, string>();
  readonly engines = new Map<number, EngineRow>();
  /** Base vehicle id -> its model and base vehicle. */
  readonly baseVehicles = new Map<number, { model: ModelInfo; base: BaseVehicleInfo }>();
  readonly makeKeys = new Map<string, MakeKeyHit[]>();
  readonly modelKeys = new Map<string, ModelKeyHit[]>();
  /** Trim keys that name exactly one model and look like model designations (letters and digits). */
  readonly distinctSubmodelKeys = new Map<string, SubmodelKeyHit>();
  /** Every trim key -> the models having it (to follow a name like "WRX" back to Impreza WRX). */
  readonly submodelKeyModels = new Map<string, SubmodelKeyHit[]>();
  /** Longest name in tokens, so span matching knows when to stop. */
  readonly maxKeyTokens: number;
  readonly minYear: number;
  readonly maxYear: number;
  readonly vehicleCount: number;
  private readonly typoWords = new Map<string, string[]>();
  private readonly knownWords = new Set<string>();

  constructor(snapshot: VehicleCatalogSnapshot) {
    for (const s of snapshot.submodels) this.submodelNames.set(s.id, s.name);
    for (const e of snapshot.engines) this.engines.set(e.id, e);
    const former = new Map<number, string[]>();
    for (const a of snapshot.makeAliases)
      if (a.kind === 'former') former.set(a.makeId, [...(former.get(a.makeId) ?? []), a.alias]);
    for (const m of snapshot.makes)
      this.makes.set(m.id, { id: m.id, name: m.name, formerNames: former.get(m.id) ?? [] });
    let maxTokens = 1;
    const countTokens = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean).length;
    for (const m of snapshot.makes) {
      this.addMakeKey(m.name, this.makes.get(m.id)!, 'name');
      maxTokens = Math.max(maxTokens, countTokens(m.name));
    }
    for (const a of snapshot.makeAliases) {
      this.addMakeKey(a.alias, this.makes.get(a.makeId)!, a.kind as MakeAliasKind);
      maxTokens = Math.max(maxTokens, countTokens(a.alias));
    }
    for (const m of snapshot.models) {
      const make = this.makes.get(m.makeId);
      if (!make) throw new Error(`model ${m.id} has unknown make ${m.makeId}`);
      this.models.set(m.id, {
        id: m.id,
        name: m.name,
        make,
        nameKind: m.nameKind,
        years: [],
        bases: new Map(),
        submodelKeys: new Map(),
        tags: new Map(),
      });
      this.addModelKey(m.name, this.models.get(m.id)!, 'name');
      maxTokens = Math.max(maxTokens, countTokens(m.name));
    }
    for (const a of snapshot.modelAliases) {
      this.addModelKey(a.alias, this.models.get(a.modelId)!, a.kind);
      maxTokens = Math.max(maxTokens, countTokens(a.alias));
    }
    const baseModel = new Map<number, ModelInfo>();
    let minYear = Infinity;
    let maxYear = -Infinity;
    for (const b of snapshot.baseVehicles) {
      const model = this.models.get(b.modelId);
      if (!model) throw new Error(`base vehicle ${b.id} has unknown model ${b.modelId}`);
      model.bases.set(b.year, { id: b.id, year: b.year, vehicles: [] });
      baseModel.set(b.id, model);
      minYear = Math.min(minYear, b.year);
      maxYear = Math.max(maxYear, b.year);
    }
    for (const model of this.models.values())
      for (const base of model.bases.values()) this.baseVehicles.set(base.id, { model, base });
    for (const v of snapshot.vehicles) {
      const base = this.baseVehicles.get(v.baseVehicleId)?.base;
      if (!base) throw new Error(`vehicle ${v.id} has unknown base vehicle ${v.baseVehicleId}`);
      base.vehicles.push({ id: v.id, submodelId: v.submodelId, engineId: v.engineId });
      const model = baseModel.get(v.baseVehicleId)!;
      const name = this.submodelNames.get(v.submodelId) ?? '';
      for (const key of submodelKeyVariants(name)) {
        const ids = model.submodelKeys.get(key) ?? [];
        if (!ids.includes(v.submodelId)) model.submodelKeys.set(key, [...ids, v.submodelId]);
        maxTokens = Math.max(maxTokens, countTokens(name));
      }
    }
    for (const model of this.models.values()) model.years = [...model.bases.keys()].sort((a, b) => a - b);
    for (const g of snapshot.generations) {
      const model = this.models.get(g.modelId);
      if (!model) continue;
      for (const tag of g.tags) {
        const years = model.years.filter((y) => y >= g.startYear && y <= g.endYear);
        for (const key of tagKeyVariants(tag)) {
          model.tags.set(
            key,
            [...new Set([...(model.tags.get(key) ?? []), ...years])].sort((a, b) => a - b),
          );
        }
        maxTokens = Math.max(maxTokens, countTokens(tag) + 1);
      }
    }
    for (const model of this.models.values()) {
      for (const [key, ids] of model.submodelKeys) {
        const list = this.submodelKeyModels.get(key) ?? [];
        list.push({ model, submodelIds: ids });
        this.submodelKeyModels.set(key, list);
      }
    }
    for (const [key, hits] of this.submodelKeyModels) {
      if (hits.length === 1 && key.length >= 4 && /[a-z]/.test(key) && /\d/.test(key) && !this.modelKeys.has(key)) {
        this.distinctSubmodelKeys.set(key, hits[0]);
      }
    }
    this.maxKeyTokens = maxTokens;
    this.minYear = Number.isFinite(minYear) ? minYear : 0;
    this.maxYear = Number.isFinite(maxYear) ? maxYear : 0;
    this.vehicleCount = snapshot.vehicles.length;
  }

  /**
   * The catalog word a typo most likely stands for ("toyta" -> "toyota"), with its distance; null
   * for known and common words, numbers, short words and anything two or more typos away.
   */
  correctTypo(word: string): { word: string; distance: number } | null {
    if (this.knownWords.has(word) || COMMON_WORDS.has(word) || word.length < 4 || !/^[a-z]+$/.test(word)) return null;
    const max = allowedTypos(word.length);
    let best: { word: string; distance: number } | null = null;
    for (const candidate of this.typoWords.get(word[0]) ?? []) {
      const bound = Math.min(max, allowedTypos(candidate.length));
      if (bound === 0 || Math.abs(candidate.length - word.length) > bound) continue;
      const d = boundedEditDistance(word, candidate, bound);
      if (d <= bound && (!best || d < best.distance)) best = { word: candidate, distance: d };
    }
    return best;
  }

  isKnownWord(word: string): boolean {
    return this.knownWords.has(word);
  }

  private addMakeKey(name: string, make: MakeInfo, kind: NameMatchKind): void {
    const key = compactKey(name);
    const hits = this.makeKeys.get(key) ?? [];
    if (!hits.some((h) => h.make.id === make.id)) hits.push({ make, kind });
    this.makeKeys.set(key, hits);
    this.addWords(name, kind !== 'misspelling');
  }

  private addModelKey(name: string, model: ModelInfo, kind: NameMatchKind): void {
    const key = compactKey(name);
    const hits = this.modelKeys.get(key) ?? [];
    if (!hits.some((h) => h.model.id === model.id)) hits.push({ model, kind });
    this.modelKeys.set(key, hits);
    this.addWords(name, kind !== 'misspelling' && model.nameKind === 'distinct');
  }

  /**
   * Every word of a name becomes a known word (never "corrected"). A name that is one word, or one
   * word and a number ("Silverado 1500"), also becomes a typo target; words of longer names do not
   * ("lighting" must not turn into F-150 Lightning).
   */
  private addWords(name: string, typoTarget: boolean): void {
    const words = name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    for (const word of words) this.knownWords.add(word);
    const alpha = words.filter((w) => !/^\d+$/.test(w));
    if (!typoTarget || alpha.length !== 1) return;
    const word = alpha[0];
    if (!/^[a-z]{5,}$/.test(word) || COMMON_WORDS.has(word)) return;
    const list = this.typoWords.get(word[0]) ?? [];
    if (!list.includes(word)) list.push(word);
    this.typoWords.set(word[0], list);
  }
}

/** "C43 AMG" is also written "C43"; "Hybrid LE" also "LE Hybrid"; "WT" also "Work Truck". */
export function submodelKeyVariants(name: string): string[] {
  const keys = new Set<string>([compactKey(name)]);
  const words = name.split(/\s+/);
  if (words.includes('AMG') && words.length > 1) keys.add(compactKey(words.filter((w) => w !== 'AMG').join(' ')));
  if (words.length === 2 && (words[0] === 'Hybrid' || words[1] === 'Hybrid'))
    keys.add(compactKey(`${words[1]} ${words[0]}`));
  if (name === 'WT') keys.add('worktruck');
  if (name === 'SRT Hellcat') keys.add('hellcat');
  return [...keys].filter(Boolean);
}

/** "10th gen" is also written "10th generation"; codes are matched as written ("JK", "E90"). */
export function tagKeyVariants(tag: string): string[] {
  const key = compactKey(tag);
  return key.endsWith('gen') ? [key, `${key}eration`] : [key];
}
