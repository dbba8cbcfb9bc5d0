import type { VehicleImportColumn, VehicleImportResultDto, VehicleImportRowErrorDto } from '@torque/contracts';
import { readCsv, type CsvRow } from '@torque/platform';
import { parseEngineName } from './engine-spec.js';
import type { SqlRunner } from './vehicle-catalog.repository.js';
import type { EngineRow } from './vehicle-catalog.types.js';
import { baseVehicleId, vehicleId } from './vehicle-ids.js';

/** The import file cannot be used at all (no header, a required column missing, no rows, every row bad); answered as 400. */
export class VehicleImportFileError extends Error {
  constructor(
    message: string,
    readonly errors: VehicleImportRowErrorDto[] = [],
  ) {
    super(message);
    this.name = 'VehicleImportFileError';
  }
}

/** One valid row of an import file. */
export interface VehicleImportRow {
  line: number;
  year: number;
  make: string;
  model: string;
  /** Null: no submodel given (Base when an engine is given). */
  submodel: string | null;
  /** Null: no engine given (the row adds the base vehicle only). */
  engine: string | null;
}

export interface ParsedVehicleImport {
  rows: VehicleImportRow[];
  errors: VehicleImportRowErrorDto[];
  /** Data rows read (blank lines aside). */
  total: number;
}

const EXPECTED = {
  year: 'a 4-digit year between 1900 and 2100',
  make: 'a make name (at most 100 characters)',
  model: 'a model name (at most 100 characters)',
  submodel: 'a submodel name of at most 100 characters, or nothing',
  engine:
    'an engine such as "2.0L I4", "2.7L V6 EcoBoost" or "Electric" (<liters>L <layout I/V/H/W><cylinders> [descriptors]), or nothing',
} as const satisfies Record<VehicleImportColumn, string>;

/** Listed errors are capped so a broken file of 100,000 rows does not make a 20 MB answer. */
export const MAX_LISTED_ERRORS = 1000;
/** Submodel used for a row with an engine but no submodel. */
export const DEFAULT_SUBMODEL = 'Base';

/** Reads a `year,make,model,submodel,engine` CSV (header names in any order and case) into valid rows and per-row errors. */
export function parseVehicleImport(content: Buffer): ParsedVehicleImport {
  let table: CsvRow[];
  try {
    table = readCsv(content);
  } catch (err) {
    throw new VehicleImportFileError((err as Error).message);
  }
  const header = (table.shift()?.fields ?? []).map((h) => h.trim().toLowerCase());
  const index = {} as Record<VehicleImportColumn, number>;
  for (const column of ['year', 'make', 'model', 'submodel', 'engine'] as const) index[column] = header.indexOf(column);
  const missing = (['year', 'make', 'model'] as const).filter((c) => index[c] < 0);
  if (missing.length) {
    throw new VehicleImportFileError(
      `The file's first line must be the header year,make,model,submodel,engine (missing: ${missing.join(', ')})`,
    );
  }
  const rows: VehicleImportRow[] = [];
  const errors: VehicleImportRowErrorDto[] = [];
  let total = 0;
  table.forEach(({ fields: cells, line }) => {
    if (cells.every((c) => !c.trim())) return;
    total++;
    const cell = (c: VehicleImportColumn) => (index[c] >= 0 ? (cells[index[c]] ?? '').trim().replace(/\s+/g, ' ') : '');
    const rowErrors: VehicleImportRowErrorDto[] = [];
    const bad = (column: VehicleImportColumn) =>
      rowErrors.push({ row: line, column, value: cell(column), expected: EXPECTED[column] });
    const yearText = cell('year');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 1900 || year > 2100) bad('year');
    const make = cell('make');
    if (!make || make.length > 100) bad('make');
    const model = cell('model');
    if (!model || model.length > 100) bad('model');
    const submodel = cell('submodel');
    if (submodel.length > 100) bad('submodel');
    const engine = cell('engine');
    if (engine && !isEngineName(engine)) bad('engine');
    if (rowErrors.length) errors.push(...rowErrors);
    else rows.push({ line, year, make, model, submodel: submodel || null, engine: engine || null });
  });
  if (total === 0) throw new VehicleImportFileError('The file has no rows under its header');
  return { rows, errors, total };
}

function isEngineName(name: string): boolean {
  try {
    parseEngineName(0, name);
    return name.length <= 100;
  } catch {
    return false;
  }
}

type Counts = Omit<VehicleImportResultDto, 'rows' | 'rows_imported' | 'rows_rejected' | 'errors'>;

const key = (s: string) => s.toLowerCase();

/**
 * Adds the rows of an import to the vehicle catalog, in the caller's transaction, with the ids of
 * vehicles/vehicle-ids.ts: a new make takes the next free make id, a new model make id * 100 + the
 * next free n, new submodel and engine names the next ids of their append-only lists. Makes and
 * models are found by name or alias, submodels and engines by name (case-insensitive); anything
 * that exists is left as it is. Row problems that only the catalog shows (a make with 99 models
 * already) are added to `errors`.
 */
export async function importVehicleRows(
  db: SqlRunner,
  rows: VehicleImportRow[],
  errors: VehicleImportRowErrorDto[],
): Promise<Counts & { imported: number }> {
  // One import at a time: the next free ids are read, then written.
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('fitment.vehicle-catalog-import'))`);
  const counts: Counts = {
    makes_created: 0,
    models_created: 0,
    base_vehicles_created: 0,
    submodels_created: 0,
    engines_created: 0,
    vehicles_created: 0,
  };

  const makeIds = new Map<string, number>();
  const aliasMakeIds = new Map<string, number>();
  const makes: Array<{ id: number; name: string }> = await db.query(`SELECT id, name FROM fitment.makes`);
  for (const m of makes) makeIds.set(key(m.name), m.id);
  for (const a of (await db.query(`SELECT make_id, alias FROM fitment.make_aliases WHERE kind <> 'former'`)) as Array<{
    make_id: number;
    alias: string;
  }>) {
    if (!aliasMakeIds.has(key(a.alias))) aliasMakeIds.set(key(a.alias), a.make_id);
  }
  let nextMakeId = Math.max(0, ...makes.map((m) => m.id)) + 1;

  const modelIds = new Map<string, number>(); // `${makeId}|${name}`
  const aliasModelIds = new Map<string, number>();
  const maxModelN = new Map<number, number>();
  const models: Array<{ id: number; make_id: number; name: string }> = await db.query(
    `SELECT id, make_id, name FROM fitment.models`,
  );
  for (const m of models) {
    modelIds.set(`${m.make_id}|${key(m.name)}`, m.id);
    maxModelN.set(m.make_id, Math.max(maxModelN.get(m.make_id) ?? 0, m.id - m.make_id * 100));
  }
  const aliases: Array<{ make_id: number; model_id: number; alias: string }> = await db.query(
    `SELECT mo.make_id, a.model_id, a.alias FROM fitment.model_aliases a JOIN fitment.models mo ON mo.id = a.model_id`,
  );
  for (const a of aliases)
    if (!aliasModelIds.has(`${a.make_id}|${key(a.alias)}`))
      aliasModelIds.set(`${a.make_id}|${key(a.alias)}`, a.model_id);

  const named = async (table: 'submodels' | 'engines') => {
    const list: Array<{ id: number; name: string }> = await db.query(`SELECT id, name FROM fitment.${table}`);
    return { ids: new Map(list.map((r) => [key(r.name), r.id])), next: Math.max(0, ...list.map((r) => r.id)) + 1 };
  };
  const submodels = await named('submodels');
  const engines = await named('engines');

  const newMakes: Array<{ id: number; name: string }> = [];
  const newModels: Array<{ id: number; make_id: number; name: string }> = [];
  const newSubmodels: Array<{ id: number; name: string }> = [];
  const newEngines: EngineRow[] = [];
  const bases = new Map<number, { id: number; year: number; make_id: number; model_id: number }>();
  const vehicles = new Map<number, { id: number; base_vehicle_id: number; submodel_id: number; engine_id: number }>();
  let imported = 0;

  const rowError = (row: VehicleImportRow, column: VehicleImportColumn, value: string, expected: string) =>
    errors.push({ row: row.line, column, value, expected });

  for (const row of rows) {
    let makeId = makeIds.get(key(row.make)) ?? aliasMakeIds.get(key(row.make));
    let modelId =
      makeId === undefined
        ? undefined
        : (modelIds.get(`${makeId}|${key(row.model)}`) ?? aliasModelIds.get(`${makeId}|${key(row.model)}`));
    if (modelId === undefined && makeId !== undefined && (maxModelN.get(makeId) ?? 0) >= 99) {
      rowError(
        row,
        'model',
        row.model,
        `a model the make already has (make ${row.make} has 99 models, the most its ids allow)`,
      );
      continue;
    }
    const submodelName = row.engine === null ? row.submodel : (row.submodel ?? DEFAULT_SUBMODEL);
    if (submodelName !== null && !submodels.ids.has(key(submodelName)) && submodels.next >= 1000) {
      rowError(row, 'submodel', row.submodel ?? '', "one of the catalog's submodels (the list is full at 999)");
      continue;
    }
    if (row.engine !== null && !engines.ids.has(key(row.engine)) && engines.next >= 1000) {
      rowError(row, 'engine', row.engine, "one of the catalog's engines (the list is full at 999)");
      continue;
    }
    if (makeId === undefined) {
      makeId = nextMakeId++;
      makeIds.set(key(row.make), makeId);
      newMakes.push({ id: makeId, name: row.make });
    }
    if (modelId === undefined) {
      const n = (maxModelN.get(makeId) ?? 0) + 1;
      maxModelN.set(makeId, n);
      modelId = makeId * 100 + n;
      modelIds.set(`${makeId}|${key(row.model)}`, modelId);
      newModels.push({ id: modelId, make_id: makeId, name: row.model });
    }
    const baseId = baseVehicleId(modelId, row.year);
    if (!bases.has(baseId)) bases.set(baseId, { id: baseId, year: row.year, make_id: makeId, model_id: modelId });
    let submodelId: number | undefined;
    if (submodelName !== null) {
      submodelId = submodels.ids.get(key(submodelName));
      if (submodelId === undefined) {
        submodelId = submodels.next++;
        submodels.ids.set(key(submodelName), submodelId);
        newSubmodels.push({ id: submodelId, name: submodelName });
      }
    }
    if (row.engine !== null && submodelId !== undefined) {
      let engineId = engines.ids.get(key(row.engine));
      if (engineId === undefined) {
        engineId = engines.next++;
        engines.ids.set(key(row.engine), engineId);
        newEngines.push(parseEngineName(engineId, row.engine));
      }
      const id = vehicleId(baseId, submodelId, engineId);
      vehicles.set(id, { id, base_vehicle_id: baseId, submodel_id: submodelId, engine_id: engineId });
    }
    imported++;
  }

  counts.makes_created = await insert(db, 'makes', 'id int, name text', newMakes);
  counts.models_created = await insert(db, 'models', 'id int, make_id int, name text', newModels);
  counts.submodels_created = await insert(db, 'submodels', 'id int, name text', newSubmodels);
  counts.engines_created = await insert(
    db,
    'engines',
    'id int, name text, liters numeric, cylinders smallint, block_type text, fuel_type text, aspiration text',
    newEngines.map((e) => ({
      id: e.id,
      name: e.name,
      liters: e.liters,
      cylinders: e.cylinders,
      block_type: e.blockType,
      fuel_type: e.fuelType,
      aspiration: e.aspiration,
    })),
  );
  counts.base_vehicles_created = await insert(db, 'base_vehicles', 'id int, year smallint, make_id int, model_id int', [
    ...bases.values(),
  ]);
  counts.vehicles_created = await insert(
    db,
    'vehicles',
    'id bigint, base_vehicle_id int, submodel_id int, engine_id int',
    [...vehicles.values()],
  );
  return { ...counts, imported };
}

/** Inserts the rows that are not there yet (by primary key or unique name); the number inserted. */
async function insert(db: SqlRunner, table: string, columns: string, rows: object[]): Promise<number> {
  if (rows.length === 0) return 0;
  const names = columns
    .split(',')
    .map((c) => c.trim().split(' ')[0])
    .join(', ');
  const inserted: unknown[] = await db.query(
    `INSERT INTO fitment.${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${columns})
     ON CONFLICT DO NOTHING RETURNING 1`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}
