import { readFileSync } from 'node:fs';
import { parseEngineName } from './engine-spec.js';
import type {
  BaseVehicleRow,
  GenerationRow,
  ModelNameKind,
  VehicleCatalogSnapshot,
  VehicleRow,
} from './vehicle-catalog.types.js';
import { baseVehicleId, vehicleId } from './vehicle-ids.js';

export interface DemoModel {
  id: number;
  name: string;
  aliases?: string[];
  misspellings?: string[];
  nameKind?: ModelNameKind;
  gens: string[];
}

export interface DemoMake {
  id: number;
  name: string;
  aliases?: string[];
  misspellings?: string[];
  /** Names the make's models were sold under before (Ram trucks were Dodge until 2010). */
  former?: string[];
  models: DemoModel[];
}

/**
 * The demo vehicle catalog, version 1 (`data/demo-catalog-v1.json`): common North American makes and
 * models, model years 2000-2026, from public facts (years each model was sold, main trims and engines
 * per generation; approximate where trims and engines changed mid-generation). Migration
 * 1764230600000 loads exactly this data: change it with a new versioned file and migration, never by
 * editing this one.
 *
 * `makes` hold their models; a model's generation is one string: `YEARS [TAGS]: GROUP; GROUP; ...`
 *   YEARS  `2016-2021` or `2026`
 *   TAGS   optional names sellers use for the generation (chassis codes, "10th gen")
 *   GROUP  `[(YEARS)] Trim, Trim = Engine, Engine`: every listed trim is built with every listed
 *          engine (in the group's years when given, else the generation's).
 * Trim and engine names must be in `submodels` and `engines` (append only: a submodel's or engine's
 * id is its position there plus one; engines read `<liters>L <layout><cylinders> [descriptors]` or
 * `Electric`).
 */
export interface DemoCatalogData {
  version: 1;
  makes: DemoMake[];
  submodels: string[];
  engines: string[];
}

/** Next to this module in the source tree and in dist/ (`npm run build` copies it, swc --copy-files). */
const DEMO_CATALOG_FILE = new URL('./data/demo-catalog-v1.json', import.meta.url);

let demoData: DemoCatalogData | null = null;

/** The demo catalog's data file, read once. Throws naming the file when it is missing or not the expected shape. */
export function readDemoCatalog(): DemoCatalogData {
  if (demoData) return demoData;
  const data = JSON.parse(readFileSync(DEMO_CATALOG_FILE, 'utf8')) as Partial<DemoCatalogData>;
  if (
    data.version !== 1 ||
    !Array.isArray(data.makes) ||
    !Array.isArray(data.submodels) ||
    !Array.isArray(data.engines)
  )
    throw new Error(`${DEMO_CATALOG_FILE.pathname}: expected {version: 1, makes, submodels, engines}`);
  demoData = data as DemoCatalogData;
  return demoData;
}

const GENERATION = /^(\d{4})(?:-(\d{4}))?\s*(?:\[([^\]]*)\])?\s*:\s*(.+)$/;
const GROUP = /^(?:\((\d{4})(?:-(\d{4}))?\)\s*)?([^=]+)=(.+)$/;

/**
 * Expands the compact demo catalog (generations with year ranges, trims and engines) into catalog
 * rows with their derived ids. Pure; throws on a malformed generation or an unregistered name.
 */
export function buildDemoCatalog(
  makes: readonly DemoMake[] = readDemoCatalog().makes,
  submodelNames: readonly string[] = readDemoCatalog().submodels,
  engineNames: readonly string[] = readDemoCatalog().engines,
): VehicleCatalogSnapshot {
  const submodelIds = idsByName(submodelNames, 'submodel');
  const engineIds = idsByName(engineNames, 'engine');
  const snapshot: VehicleCatalogSnapshot = {
    makes: [],
    makeAliases: [],
    models: [],
    modelAliases: [],
    generations: [],
    submodels: submodelNames.map((name, i) => ({ id: i + 1, name })),
    engines: engineNames.map((name, i) => parseEngineName(i + 1, name)),
    baseVehicles: [],
    vehicles: [],
  };
  for (const make of makes) {
    snapshot.makes.push({ id: make.id, name: make.name });
    for (const alias of make.aliases ?? []) snapshot.makeAliases.push({ makeId: make.id, alias, kind: 'alias' });
    for (const alias of make.misspellings ?? [])
      snapshot.makeAliases.push({ makeId: make.id, alias, kind: 'misspelling' });
    for (const alias of make.former ?? []) snapshot.makeAliases.push({ makeId: make.id, alias, kind: 'former' });
    for (const model of make.models) {
      snapshot.models.push({ id: model.id, makeId: make.id, name: model.name, nameKind: model.nameKind ?? 'distinct' });
      for (const alias of model.aliases ?? []) snapshot.modelAliases.push({ modelId: model.id, alias, kind: 'alias' });
      for (const alias of model.misspellings ?? [])
        snapshot.modelAliases.push({ modelId: model.id, alias, kind: 'misspelling' });
      const bases = new Map<number, BaseVehicleRow>();
      const vehicles = new Map<number, VehicleRow>();
      for (const gen of model.gens) {
        const generation = expandGeneration(model.id, gen, submodelIds, engineIds, (year, submodelId, engineId) => {
          const baseId = baseVehicleId(model.id, year);
          if (!bases.has(baseId)) bases.set(baseId, { id: baseId, year, makeId: make.id, modelId: model.id });
          const id = vehicleId(baseId, submodelId, engineId);
          vehicles.set(id, { id, baseVehicleId: baseId, submodelId, engineId });
        });
        snapshot.generations.push(generation);
      }
      snapshot.baseVehicles.push(...[...bases.values()].sort((a, b) => a.id - b.id));
      snapshot.vehicles.push(...[...vehicles.values()].sort((a, b) => a.id - b.id));
    }
  }
  return snapshot;
}

function expandGeneration(
  modelId: number,
  text: string,
  submodelIds: Map<string, number>,
  engineIds: Map<string, number>,
  add: (year: number, submodelId: number, engineId: number) => void,
): GenerationRow {
  const m = GENERATION.exec(text);
  if (!m) throw new Error(`model ${modelId}: malformed generation "${text}"`);
  const startYear = Number(m[1]);
  const endYear = Number(m[2] ?? m[1]);
  if (endYear < startYear) throw new Error(`model ${modelId}: generation "${text}" ends before it starts`);
  const tags = (m[3] ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  for (const groupText of m[4].split(';')) {
    const g = GROUP.exec(groupText.trim());
    if (!g) throw new Error(`model ${modelId}: malformed group "${groupText}" in "${text}"`);
    const from = g[1] ? Number(g[1]) : startYear;
    const to = g[1] ? Number(g[2] ?? g[1]) : endYear;
    if (from < startYear || to > endYear || to < from)
      throw new Error(`model ${modelId}: group years ${from}-${to} outside "${text}"`);
    const trims = g[3].split(',').map((t) => lookup(submodelIds, t.trim(), 'submodel', text));
    const engines = g[4].split(',').map((e) => lookup(engineIds, e.trim(), 'engine', text));
    for (let year = from; year <= to; year++) {
      for (const s of trims) for (const e of engines) add(year, s, e);
    }
  }
  return { modelId, startYear, endYear, tags };
}

function idsByName(names: readonly string[], what: string): Map<string, number> {
  const ids = new Map<string, number>();
  names.forEach((name, i) => {
    if (ids.has(name)) throw new Error(`${what} "${name}" is listed twice`);
    ids.set(name, i + 1);
  });
  return ids;
}

function lookup(ids: Map<string, number>, name: string, what: string, context: string): number {
  const id = ids.get(name);
  if (id === undefined) throw new Error(`unknown ${what} "${name}" in "${context}"`);
  return id;
}
