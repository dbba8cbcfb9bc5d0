import type { EntityManager } from 'typeorm';

export interface NamedId {
  id: number;
  name: string;
}

/** Read-only SQL on the vehicle catalog tables, for checking an edited fitment names a vehicle that exists. */
export class VehicleLookup {
  /** Submodels the base vehicle has a configuration with. */
  async submodelsOf(em: EntityManager, baseVehicleId: number): Promise<NamedId[]> {
    return em.query(
      `SELECT DISTINCT s.id, s.name FROM vehicles v JOIN submodels s ON s.id = v.submodel_id WHERE v.base_vehicle_id = $1 ORDER BY s.name`,
      [baseVehicleId],
    );
  }

  /** Engines the base vehicle has a configuration with (with the submodel, when given). */
  async enginesOf(em: EntityManager, baseVehicleId: number, submodelId: number | null): Promise<NamedId[]> {
    return em.query(
      `SELECT DISTINCT e.id, e.name FROM vehicles v JOIN engines e ON e.id = v.engine_id
        WHERE v.base_vehicle_id = $1 AND ($2::int IS NULL OR v.submodel_id = $2) ORDER BY e.name`,
      [baseVehicleId, submodelId],
    );
  }

  async vehicleId(
    em: EntityManager,
    baseVehicleId: number,
    submodelId: number,
    engineId: number,
  ): Promise<number | null> {
    const rows: Array<{ id: string }> = await em.query(
      `SELECT id::text AS id FROM vehicles WHERE base_vehicle_id = $1 AND submodel_id = $2 AND engine_id = $3`,
      [baseVehicleId, submodelId, engineId],
    );
    return rows[0] ? Number(rows[0].id) : null;
  }
}
