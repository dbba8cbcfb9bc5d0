import type { VehicleCatalogSnapshot } from './vehicle-catalog.types.js';

/** Anything that runs SQL and returns rows: a TypeORM EntityManager, DataSource or QueryRunner. */
export interface SqlRunner {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/**
 * All SQL on the vehicle catalog tables of the `fitment` schema. Rows travel as one JSON array per
 * table (jsonb_to_recordset), so loading the demo catalog is a handful of statements, not thousands.
 */
export class VehicleCatalogRepository {
  async insertSnapshot(db: SqlRunner, s: VehicleCatalogSnapshot): Promise<void> {
    await this.insertJson(
      db,
      'makes',
      'id int, name text',
      s.makes.map((m) => ({ id: m.id, name: m.name })),
    );
    await this.insertJson(
      db,
      'make_aliases',
      'make_id int, alias text, kind text',
      s.makeAliases.map((a) => ({ make_id: a.makeId, alias: a.alias, kind: a.kind })),
    );
    await this.insertJson(
      db,
      'models',
      'id int, make_id int, name text, name_kind text',
      s.models.map((m) => ({ id: m.id, make_id: m.makeId, name: m.name, name_kind: m.nameKind })),
    );
    await this.insertJson(
      db,
      'model_aliases',
      'model_id int, alias text, kind text',
      s.modelAliases.map((a) => ({ model_id: a.modelId, alias: a.alias, kind: a.kind })),
    );
    await this.insertJson(
      db,
      'model_generations',
      'model_id int, start_year smallint, end_year smallint, tags text[]',
      s.generations.map((g) => ({ model_id: g.modelId, start_year: g.startYear, end_year: g.endYear, tags: g.tags })),
    );
    await this.insertJson(
      db,
      'submodels',
      'id int, name text',
      s.submodels.map((x) => ({ id: x.id, name: x.name })),
    );
    await this.insertJson(
      db,
      'engines',
      'id int, name text, liters numeric, cylinders smallint, block_type text, fuel_type text, aspiration text',
      s.engines.map((e) => ({
        id: e.id,
        name: e.name,
        liters: e.liters,
        cylinders: e.cylinders,
        block_type: e.blockType,
        fuel_type: e.fuelType,
        aspiration: e.aspiration,
      })),
    );
    await this.insertJson(
      db,
      'base_vehicles',
      'id int, year smallint, make_id int, model_id int',
      s.baseVehicles.map((b) => ({ id: b.id, year: b.year, make_id: b.makeId, model_id: b.modelId })),
    );
    await this.insertJson(
      db,
      'vehicles',
      'id bigint, base_vehicle_id int, submodel_id int, engine_id int',
      s.vehicles.map((v) => ({
        id: v.id,
        base_vehicle_id: v.baseVehicleId,
        submodel_id: v.submodelId,
        engine_id: v.engineId,
      })),
    );
  }

  /** The whole catalog, for the fitment engine's in-memory index (about 15,000 vehicles: one read at start-up). */
  async loadSnapshot(db: SqlRunner): Promise<VehicleCatalogSnapshot> {
    type Of<K extends keyof VehicleCatalogSnapshot> = VehicleCatalogSnapshot[K];
    // One statement after another: a QueryRunner or a single client runs one query at a time.
    const makes = await db.query<Of<'makes'>>(`SELECT id, name FROM fitment.makes ORDER BY id`);
    const makeAliases = await db.query<Of<'makeAliases'>>(
      `SELECT make_id AS "makeId", alias, kind FROM fitment.make_aliases ORDER BY make_id, alias`,
    );
    const models = await db.query<Of<'models'>>(
      `SELECT id, make_id AS "makeId", name, name_kind AS "nameKind" FROM fitment.models ORDER BY id`,
    );
    const modelAliases = await db.query<Of<'modelAliases'>>(
      `SELECT model_id AS "modelId", alias, kind FROM fitment.model_aliases ORDER BY model_id, alias`,
    );
    const generations = await db.query<Of<'generations'>>(
      `SELECT model_id AS "modelId", start_year AS "startYear", end_year AS "endYear", tags
         FROM fitment.model_generations ORDER BY model_id, start_year, end_year`,
    );
    const submodels = await db.query<Of<'submodels'>>(`SELECT id, name FROM fitment.submodels ORDER BY id`);
    const engines = await db.query<Of<'engines'>>(
      `SELECT id, name, liters::float8 AS liters, cylinders, block_type AS "blockType", fuel_type AS "fuelType", aspiration
         FROM fitment.engines ORDER BY id`,
    );
    const baseVehicles = await db.query<Of<'baseVehicles'>>(
      `SELECT id, year, make_id AS "makeId", model_id AS "modelId" FROM fitment.base_vehicles ORDER BY id`,
    );
    // bigint ids come back as text from pg; float8 is exact below 2^53 (see vehicle-ids.ts)
    const vehicles = await db.query<Of<'vehicles'>>(
      `SELECT id::float8 AS id, base_vehicle_id AS "baseVehicleId", submodel_id AS "submodelId", engine_id AS "engineId"
         FROM fitment.vehicles ORDER BY id`,
    );
    return { makes, makeAliases, models, modelAliases, generations, submodels, engines, baseVehicles, vehicles };
  }

  private async insertJson(db: SqlRunner, table: string, columns: string, rows: object[]): Promise<void> {
    if (rows.length === 0) return;
    const names = columns
      .split(',')
      .map((c) => c.trim().split(' ')[0])
      .join(', ');
    await db.query(
      `INSERT INTO fitment.${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${columns})`,
      [JSON.stringify(rows)],
    );
  }
}
