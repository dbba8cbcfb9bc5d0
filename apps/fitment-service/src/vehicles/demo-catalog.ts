import { DEMO_MAKES, ENGINE_NAMES, SUBMODEL_NAMES, type DemoMake } from './data/demo-catalog-v1.js';
import { parseEngineName } from './engine-spec.js';
import { baseVehicleId, vehicleId } from './vehicle-ids.js';
import type { BaseVehicleRow, GenerationRow, VehicleCatalogSnapshot, VehicleRow } from './vehicle-catalog.types.js';

const GENERATION = /^(\d{4})(?:-(\d{4}))?\s*(?:\[([^\]]*)\])?\s*:\s*(.+)$/;
const GROUP = /^(?:\((\d{4})(?:-(\d{4}))?\)\s*)?([^=]+)=(.+)$/;

/**
 * Expands the compact demo catalog (generations with year ranges, trims and engines) into catalog
 * rows with their derived ids. Pure; throws on a malformed generation or an unregistered name.
 */
export function buildDemoCatalog(
  makes: readonly DemoMake[] = DEMO_MAKES,
  submodelNames: readonly string[] = SUBMODEL_NAMES,
  engineNames: readonly string[] = ENGINE_NAMES,
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
