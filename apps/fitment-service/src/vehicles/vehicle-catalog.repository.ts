import type { EngineRow, FuelType, Aspiration, MakeAliasKind, ModelAliasKind, ModelNameKind, VehicleCatalogSnapshot } from './vehicle-catalog.types.js';

/** Anything that runs SQL and returns rows: a TypeORM EntityManager, DataSource or QueryRunner. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/**
 * All SQL on the vehicle catalog tables of the `fitment` schema. Rows travel as one JSON array per
 * table (jsonb_to_recordset), so loading the demo catalog is a handful of statements, not thousands.
 */
export class VehicleCatalogRepository {
  async insertSnapshot(db: SqlRunner, s: VehicleCatalogSnapshot): Promise<void> {
    await this.insertJson(db, 'makes', 'id int, name text', s.makes.map((m) => ({ id: m.id, name: m.name })));
    await this.insertJson(db, 'make_aliases', 'make_id int, alias text, kind text',
      s.makeAliases.map((a) => ({ make_id: a.makeId, alias: a.alias, kind: a.kind })));
    await this.insertJson(db, 'models', 'id int, make_id int, name text, name_kind text',
      s.models.map((m) => ({ id: m.id, make_id: m.makeId, name: m.name, name_kind: m.nameKind })));
    await this.insertJson(db, 'model_aliases', 'model_id int, alias text, kind text',
      s.modelAliases.map((a) => ({ model_id: a.modelId, alias: a.alias, kind: a.kind })));
    await this.insertJson(db, 'model_generations', 'model_id int, start_year smallint, end_year smallint, tags text[]',
      s.generations.map((g) => ({ model_id: g.modelId, start_year: g.startYear, end_year: g.endYear, tags: g.tags })));
    await this.insertJson(db, 'submodels', 'id int, name text', s.submodels.map((x) => ({ id: x.id, name: x.name })));
    await this.insertJson(db, 'engines', 'id int, name text, liters numeric, cylinders smallint, block_type text, fuel_type text, aspiration text',
      s.engines.map((e) => ({
        id: e.id, name: e.name, liters: e.liters, cylinders: e.cylinders, block_type: e.blockType, fuel_type: e.fuelType, aspiration: e.aspiration,
      })));
    await this.insertJson(db, 'base_vehicles', 'id int, year smallint, make_id int, model_id int',
      s.baseVehicles.map((b) => ({ id: b.id, year: b.year, make_id: b.makeId, model_id: b.modelId })));
    await this.insertJson(db, 'vehicles', 'id bigint, base_vehicle_id int, submodel_id int, engine_id int',
      s.vehicles.map((v) => ({ id: v.id, base_vehicle_id: v.baseVehicleId, submodel_id: v.submodelId, engine_id: v.engineId })));
  }

  /** The whole catalog, for the fitment engine's in-memory index (about 15,000 vehicles: one read at start-up). */
  async loadSnapshot(db: SqlRunner): Promise<VehicleCatalogSnapshot> {
    // One statement after another: a QueryRunner or a single client runs one query at a time.
    const makes = await db.query(`SELECT id, name FROM fitment.makes ORDER BY id`);
    const makeAliases = await db.query(`SELECT make_id, alias, kind FROM fitment.make_aliases ORDER BY make_id, alias`);
    const models = await db.query(`SELECT id, make_id, name, name_kind FROM fitment.models ORDER BY id`);
    const modelAliases = await db.query(`SELECT model_id, alias, kind FROM fitment.model_aliases ORDER BY model_id, alias`);
    const generations = await db.query(
      `SELECT model_id, start_year, end_year, tags FROM fitment.model_generations ORDER BY model_id, start_year, end_year`,
    );
    const submodels = await db.query(`SELECT id, name FROM fitment.submodels ORDER BY id`);
    const engines = await db.query(
      `SELECT id, name, liters::float8 AS liters, cylinders, block_type, fuel_type, aspiration FROM fitment.engines ORDER BY id`,
    );
    const baseVehicles = await db.query(`SELECT id, year, make_id, model_id FROM fitment.base_vehicles ORDER BY id`);
    // bigint ids come back as text from pg; float8 is exact below 2^53 (see vehicle-ids.ts)
    const vehicles = await db.query(
      `SELECT id::float8 AS id, base_vehicle_id, submodel_id, engine_id FROM fitment.vehicles ORDER BY id`,
    );
    return {
      makes: makes.map((r: any) => ({ id: r.id, name: r.name })),
      makeAliases: makeAliases.map((r: any) => ({ makeId: r.make_id, alias: r.alias, kind: r.kind as MakeAliasKind })),
      models: models.map((r: any) => ({ id: r.id, makeId: r.make_id, name: r.name, nameKind: r.name_kind as ModelNameKind })),
      modelAliases: modelAliases.map((r: any) => ({ modelId: r.model_id, alias: r.alias, kind: r.kind as ModelAliasKind })),
      generations: generations.map((r: any) => ({ modelId: r.model_id, startYear: r.start_year, endYear: r.end_year, tags: r.tags })),
      submodels: submodels.map((r: any) => ({ id: r.id, name: r.name })),
      engines: engines.map(
        (r: any): EngineRow => ({
          id: r.id,
          name: r.name,
          liters: r.liters,
          cylinders: r.cylinders,
          blockType: r.block_type,
          fuelType: r.fuel_type as FuelType,
          aspiration: r.aspiration as Aspiration,
        }),
      ),
      baseVehicles: baseVehicles.map((r: any) => ({ id: r.id, year: r.year, makeId: r.make_id, modelId: r.model_id })),
      vehicles: vehicles.map((r: any) => ({ id: r.id, baseVehicleId: r.base_vehicle_id, submodelId: r.submodel_id, engineId: r.engine_id })),
    };
  }

  private async insertJson(db: SqlRunner, table: string, columns: string, rows: object[]): Promise<void> {
    if (rows.length === 0) return;
    const names = columns.split(',').map((c) => c.trim().split(' ')[0]).join(', ');
    await db.query(`INSERT INTO fitment.${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${columns})`, [
      JSON.stringify(rows),
    ]);
  }
}
