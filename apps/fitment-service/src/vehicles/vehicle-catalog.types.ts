/** Rows of the VCdb-style vehicle catalog, as the loader reads them and the engine indexes them. */

export type MakeAliasKind = 'alias' | 'misspelling' | 'former';
export type ModelAliasKind = 'alias' | 'misspelling';

/**
 * How freely the bare model name may be read in free text: `distinct` names anywhere, `place` names
 * (Tahoe, Colorado) when capitalised next to a year or with the make, `word` names (Fit, Focus,
 * Escape) only right after the make or in a list of that make's models.
 */
export type ModelNameKind = 'distinct' | 'place' | 'word';

export type FuelType = 'gas' | 'diesel' | 'hybrid' | 'plug-in hybrid' | 'electric';
export type Aspiration = 'naturally aspirated' | 'turbocharged' | 'supercharged' | 'electric';

export interface MakeRow {
  id: number;
  name: string;
}

export interface MakeAliasRow {
  makeId: number;
  alias: string;
  kind: MakeAliasKind;
}

export interface ModelRow {
  id: number;
  makeId: number;
  name: string;
  nameKind: ModelNameKind;
}

export interface ModelAliasRow {
  modelId: number;
  alias: string;
  kind: ModelAliasKind;
}

/** A model generation's years and the names sellers use for it ("JK", "E90", "10th gen"). */
export interface GenerationRow {
  modelId: number;
  startYear: number;
  endYear: number;
  tags: string[];
}

export interface SubmodelRow {
  id: number;
  name: string;
}

export interface EngineRow {
  id: number;
  name: string;
  liters: number | null;
  cylinders: number | null;
  /** I (inline), V, H (flat), W; null for electric motors. */
  blockType: string | null;
  fuelType: FuelType;
  aspiration: Aspiration;
}

export interface BaseVehicleRow {
  id: number;
  year: number;
  makeId: number;
  modelId: number;
}

/** One concrete configuration: a base vehicle with a submodel and an engine. */
export interface VehicleRow {
  id: number;
  baseVehicleId: number;
  submodelId: number;
  engineId: number;
}

export interface VehicleCatalogSnapshot {
  makes: MakeRow[];
  makeAliases: MakeAliasRow[];
  models: ModelRow[];
  modelAliases: ModelAliasRow[];
  generations: GenerationRow[];
  submodels: SubmodelRow[];
  engines: EngineRow[];
  baseVehicles: BaseVehicleRow[];
  vehicles: VehicleRow[];
}
