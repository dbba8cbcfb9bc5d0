import type {
  ListVehicleModelsQueryDto,
  SearchVehiclesQueryDto,
  VehicleDto,
  VehicleMakeDto,
  VehicleModelDto,
} from '@torque/contracts';
import type { EntityManager } from 'typeorm';

/** Make name or alias (Chevy, VW), case-insensitive: the make ids it names. */
const MAKE_IDS = (p: string) =>
  `(SELECT id FROM makes WHERE lower(name) = lower(${p}) UNION SELECT make_id FROM make_aliases WHERE lower(alias) = lower(${p}))`;
/** Model name or alias (F150, Camery), case-insensitive: the model ids it names. */
const MODEL_IDS = (p: string) =>
  `(SELECT id FROM models WHERE lower(name) = lower(${p}) UNION SELECT model_id FROM model_aliases WHERE lower(alias) = lower(${p}))`;

/** Read-only lists and search over the vehicle catalog, for people choosing vehicles (review, edits). */
export class VehicleCatalogReader {
  async makes(em: EntityManager, contains?: string): Promise<VehicleMakeDto[]> {
    return em.query(
      `SELECT m.id, m.name, count(mo.id)::int AS model_count
         FROM makes m LEFT JOIN models mo ON mo.make_id = m.id
        WHERE $1::text IS NULL OR strpos(lower(m.name), lower($1)) > 0
        GROUP BY m.id, m.name ORDER BY m.name`,
      [contains ?? null],
    );
  }

  async models(em: EntityManager, q: ListVehicleModelsQueryDto): Promise<VehicleModelDto[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.make_id !== undefined) {
      params.push(q.make_id);
      where.push(`mo.make_id = $${params.length}`);
    }
    if (q.make !== undefined) {
      params.push(q.make);
      where.push(`mo.make_id IN ${MAKE_IDS(`$${params.length}`)}`);
    }
    return em.query(
      `SELECT mo.id, mo.make_id, m.name AS make, mo.name, min(b.year)::int AS first_year, max(b.year)::int AS last_year
         FROM models mo JOIN makes m ON m.id = mo.make_id JOIN base_vehicles b ON b.model_id = mo.id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        GROUP BY mo.id, mo.make_id, m.name, mo.name
        ORDER BY m.name, mo.name`,
      params,
    );
  }

  async search(em: EntityManager, q: SearchVehiclesQueryDto): Promise<{ rows: VehicleDto[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (q.year !== undefined) add((p) => `b.year = ${p}`, q.year);
    if (q.make !== undefined) add((p) => `b.make_id IN ${MAKE_IDS(p)}`, q.make);
    if (q.model !== undefined) add((p) => `b.model_id IN ${MODEL_IDS(p)}`, q.model);
    if (q.submodel !== undefined) add((p) => `lower(s.name) = lower(${p})`, q.submodel);
    for (const word of (q.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
      add(
        (p) => `(b.year::text || ' ' || m.name || ' ' || mo.name || ' ' || s.name || ' ' || e.name) ILIKE ${p}`,
        `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      );
    }
    const from = `FROM vehicles v
      JOIN base_vehicles b ON b.id = v.base_vehicle_id
      JOIN makes m ON m.id = b.make_id
      JOIN models mo ON mo.id = b.model_id
      JOIN submodels s ON s.id = v.submodel_id
      JOIN engines e ON e.id = v.engine_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const limit = q.limit ?? 50;
    const offset = ((q.page ?? 1) - 1) * limit;
    const rows: Array<VehicleDto & { vehicle_id: string }> = await em.query(
      `SELECT v.id::text AS vehicle_id, b.id AS base_vehicle_id, b.year, m.id AS make_id, m.name AS make, mo.id AS model_id, mo.name AS model,
              s.id AS submodel_id, s.name AS submodel, e.id AS engine_id, e.name AS engine
         ${from}
        ORDER BY m.name, mo.name, b.year, s.name, e.name, v.id
        OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, offset, limit],
    );
    const count: Array<{ total: number }> = await em.query(`SELECT count(*)::int AS total ${from}`, params);
    return { rows: rows.map((r) => ({ ...r, vehicle_id: Number(r.vehicle_id) })), total: count[0].total };
  }
}
