import type { ApprovedVehicle, FitmentFilterDto, FitmentSort, FitmentStatus } from '@torque/contracts';
import type { EntityManager } from 'typeorm';
import { fitmentOrder, fitmentWhere } from './fitment-query.js';
import type { FitmentRow, NewFitment } from './fitment-row.js';

const COLUMNS = `f.id, f.tenant_id, f.job_id, f.part_key, f.product_id::text AS product_id, f.part_id, f.part_description, f.part_type,
  f.base_vehicle_id, f.vehicle_id::text AS vehicle_id, f.submodel_id, f.engine_id, f.year, f.make, f.model, f.submodel, f.engine,
  f.confidence_score, f.ai_reasoning, f.source, f.status, f.qty, f.position, f.notes, f.revision, f.reviewed_by, f.reviewed_at,
  f.created_at, f.updated_at`;

/** Another live fitment of the same part on the same base vehicle that covers some of the same configurations. */
export interface OverlapRow {
  id: string;
  other_id: string;
  other_job_id: string | null;
  same: boolean;
}

/** Status changes of one review statement, per job and previous status. */
export interface StatusChange {
  job_id: string | null;
  old_status: FitmentStatus;
  n: number;
}

export interface FitmentChanges {
  submodelId?: number | null;
  submodel?: string;
  engineId?: number | null;
  engine?: string;
  vehicleId?: number | null;
  qty?: number;
  position?: string;
  notes?: string;
}

/** All SQL on `fitments`. Every method takes the EntityManager so callers choose the transaction. */
export class FitmentsRepository {
  /** Inserts generated fitments; a fitment the job already has for that part and vehicle is skipped. Returns how many went in. */
  async insertMany(em: EntityManager, rows: NewFitment[]): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000).map((r) => ({
        tenant_id: r.tenantId,
        job_id: r.jobId,
        part_key: r.partKey,
        product_id: r.productId,
        part_id: r.partId,
        part_description: r.partDescription,
        part_type: r.partType,
        base_vehicle_id: r.baseVehicleId,
        vehicle_id: r.vehicleId,
        submodel_id: r.submodelId,
        engine_id: r.engineId,
        year: r.year,
        make: r.make,
        model: r.model,
        submodel: r.submodel,
        engine: r.engine,
        confidence_score: r.confidence,
        ai_reasoning: r.reasoning,
        source: r.source,
        qty: r.qty,
        position: r.position,
      }));
      const result: Array<{ n: number }> = await em.query(
        `WITH ins AS (
         INSERT INTO fitments (id, tenant_id, job_id, part_key, product_id, part_id, part_description, part_type, base_vehicle_id,
                               vehicle_id, submodel_id, engine_id, year, make, model, submodel, engine, confidence_score,
                               ai_reasoning, source, qty, position)
         SELECT gen_random_uuid(), r.tenant_id, r.job_id, r.part_key, r.product_id, r.part_id, r.part_description, r.part_type,
                r.base_vehicle_id, r.vehicle_id, r.submodel_id, r.engine_id, r.year, r.make, r.model, r.submodel, r.engine,
                r.confidence_score, r.ai_reasoning, r.source, r.qty, r.position
           FROM jsonb_to_recordset($1::jsonb) AS r(
                tenant_id text, job_id uuid, part_key text, product_id bigint, part_id text, part_description text, part_type text,
                base_vehicle_id int, vehicle_id bigint, submodel_id int, engine_id int, year smallint, make text, model text,
                submodel text, engine text, confidence_score real, ai_reasoning text, source text, qty smallint, position text)
         ON CONFLICT DO NOTHING
         RETURNING 1)
         SELECT count(*)::int AS n FROM ins`,
        [JSON.stringify(chunk)],
      );
      inserted += result[0].n;
    }
    return inserted;
  }

  async findById(
    em: EntityManager,
    tenantId: string,
    id: string,
    opts: { forUpdate?: boolean } = {},
  ): Promise<FitmentRow | null> {
    const rows: FitmentRow[] = await em.query(
      `SELECT ${COLUMNS} FROM fitments f WHERE f.id = $1 AND f.tenant_id = $2${opts.forUpdate ? ' FOR UPDATE' : ''}`,
      [id, tenantId],
    );
    return rows[0] ?? null;
  }

  async list(
    em: EntityManager,
    tenantId: string,
    filter: FitmentFilterDto,
    sort: FitmentSort | undefined,
    offset: number,
    limit: number,
  ): Promise<{ rows: FitmentRow[]; total: number }> {
    const params: unknown[] = [];
    const where = fitmentWhere(tenantId, filter, params);
    const rows: FitmentRow[] = await em.query(
      `SELECT ${COLUMNS} FROM fitments f WHERE ${where} ORDER BY ${fitmentOrder(sort)} OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, offset, limit],
    );
    const count: Array<{ total: number }> = await em.query(
      `SELECT count(*)::int AS total FROM fitments f WHERE ${where}`,
      params,
    );
    return { rows, total: count[0].total };
  }

  /** Jobs of the fitments a review would touch (ids, or a filter), for locking their counts first. */
  async jobsOf(
    em: EntityManager,
    tenantId: string,
    target: { ids: string[]; jobId?: string } | { filter: FitmentFilterDto },
  ): Promise<string[]> {
    const params: unknown[] = [];
    const where = this.targetWhere(tenantId, target, params);
    const rows: Array<{ job_id: string }> = await em.query(
      `SELECT DISTINCT f.job_id FROM fitments f WHERE ${where} AND f.job_id IS NOT NULL ORDER BY f.job_id`,
      params,
    );
    return rows.map((r) => r.job_id);
  }

  /**
   * Sets the status of the target fitments (those not already in it); returns the changes per job
   * and previous status, and the ids found. Rows are locked in id order.
   */
  async setStatus(
    em: EntityManager,
    tenantId: string,
    target: { ids: string[]; jobId?: string } | { filter: FitmentFilterDto },
    status: FitmentStatus,
    reviewer: string | null,
    lockedJobIds: string[],
  ): Promise<{ changes: StatusChange[]; foundIds: string[] | null; found: number; productIds: number[] }> {
    const params: unknown[] = [];
    let where = this.targetWhere(tenantId, target, params);
    // Only fitments of the jobs whose counts the caller locked (a job that appeared since is left alone).
    params.push(lockedJobIds);
    where += ` AND (f.job_id IS NULL OR f.job_id = ANY($${params.length}::uuid[]))`;
    params.push(status, reviewer);
    const s = `$${params.length - 1}`;
    const r = `$${params.length}`;
    const byIds = 'ids' in target;
    const rows: Array<{
      kind: 'change' | 'found' | 'products';
      job_id: string | null;
      old_status: FitmentStatus;
      n: number;
      ids: string[] | null;
    }> = await em.query(
      `WITH target AS (
         SELECT f.id, f.job_id, f.status FROM fitments f WHERE ${where} ORDER BY f.id FOR UPDATE
       ), changed AS (
         UPDATE fitments f
            SET status = ${s}, revision = f.revision + 1, reviewed_by = ${r}, reviewed_at = now(), updated_at = now()
           FROM target t
          WHERE f.id = t.id AND t.status <> ${s}
         RETURNING t.job_id, t.status AS old_status, f.product_id
       )
       SELECT 'change' AS kind, job_id, old_status, count(*)::int AS n, NULL::text[] AS ids FROM changed GROUP BY job_id, old_status
       UNION ALL
       SELECT 'found', NULL, NULL, count(*)::int, ${byIds ? 'array_agg(id)::text[]' : 'NULL::text[]'} FROM target
       UNION ALL
       SELECT 'products', NULL, NULL, 0, array_agg(DISTINCT product_id::text) FROM changed WHERE product_id IS NOT NULL`,
      params,
    );
    const found = rows.find((x) => x.kind === 'found')!;
    const products = rows.find((x) => x.kind === 'products');
    return {
      productIds: (products?.ids ?? []).map(Number),
      changes: rows
        .filter((x) => x.kind === 'change')
        .map((x) => ({ job_id: x.job_id, old_status: x.old_status, n: x.n })),
      foundIds: byIds ? (found.ids ?? []) : null,
      found: found.n,
    };
  }

  /** Applies an edit when the fitment is still at `revision`; null when it is not (stale) or does not exist. */
  async update(
    em: EntityManager,
    tenantId: string,
    id: string,
    revision: number,
    c: FitmentChanges,
  ): Promise<FitmentRow | null> {
    const sets: string[] = ['revision = revision + 1', 'updated_at = now()'];
    const params: unknown[] = [id, tenantId, revision];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (c.submodelId !== undefined) set('submodel_id', c.submodelId);
    if (c.submodel !== undefined) set('submodel', c.submodel);
    if (c.engineId !== undefined) set('engine_id', c.engineId);
    if (c.engine !== undefined) set('engine', c.engine);
    if (c.vehicleId !== undefined) set('vehicle_id', c.vehicleId);
    if (c.qty !== undefined) set('qty', c.qty);
    if (c.position !== undefined) set('position', c.position);
    if (c.notes !== undefined) set('notes', c.notes);
    const rows: [FitmentRow[], number] = await em.query(
      `UPDATE fitments f SET ${sets.join(', ')} WHERE f.id = $1 AND f.tenant_id = $2 AND f.revision = $3 RETURNING ${COLUMNS}`,
      params,
    );
    return rows[0][0] ?? null;
  }

  /** For each given fitment, the other live fitments of the same part on the same base vehicle that share configurations. */
  async overlaps(em: EntityManager, ids: string[]): Promise<OverlapRow[]> {
    if (ids.length === 0) return [];
    return em.query(
      `SELECT f.id, o.id AS other_id, o.job_id AS other_job_id,
              (COALESCE(f.submodel_id, 0) = COALESCE(o.submodel_id, 0) AND COALESCE(f.engine_id, 0) = COALESCE(o.engine_id, 0)
               AND f.position = o.position) AS same
         FROM fitments f
         JOIN fitments o ON o.tenant_id = f.tenant_id AND o.part_key = f.part_key AND o.base_vehicle_id = f.base_vehicle_id
                        AND o.id <> f.id AND o.status <> 'rejected'
        WHERE f.id = ANY($1::uuid[])
          AND (f.submodel_id IS NULL OR o.submodel_id IS NULL OR f.submodel_id = o.submodel_id)
          AND (f.engine_id IS NULL OR o.engine_id IS NULL OR f.engine_id = o.engine_id)
        ORDER BY f.id, o.created_at, o.id`,
      [ids],
    );
  }

  /** How many of a job's fitments have a live duplicate, and how many overlap another live fitment of their part. */
  async jobFindingCounts(
    em: EntityManager,
    tenantId: string,
    jobId: string,
  ): Promise<{ duplicate: number; overlap: number }> {
    const rows: Array<{ duplicate: number; overlap: number }> = await em.query(
      `WITH parts AS (SELECT DISTINCT part_key FROM fitments WHERE job_id = $2),
            live AS (
              SELECT f.id, f.job_id, f.part_key, f.base_vehicle_id, f.submodel_id, f.engine_id, f.position
                FROM fitments f JOIN parts p ON p.part_key = f.part_key
               WHERE f.tenant_id = $1 AND f.status <> 'rejected'),
            shared AS (SELECT part_key, base_vehicle_id FROM live GROUP BY part_key, base_vehicle_id HAVING count(*) > 1),
            pairs AS (
              SELECT a.id,
                     (COALESCE(a.submodel_id, 0) = COALESCE(b.submodel_id, 0) AND COALESCE(a.engine_id, 0) = COALESCE(b.engine_id, 0)
                      AND a.position = b.position) AS same
                FROM shared s
                JOIN live a ON a.part_key = s.part_key AND a.base_vehicle_id = s.base_vehicle_id
                JOIN live b ON b.part_key = s.part_key AND b.base_vehicle_id = s.base_vehicle_id AND b.id <> a.id
               WHERE a.job_id = $2
                 AND (a.submodel_id IS NULL OR b.submodel_id IS NULL OR a.submodel_id = b.submodel_id)
                 AND (a.engine_id IS NULL OR b.engine_id IS NULL OR a.engine_id = b.engine_id))
       SELECT count(DISTINCT id) FILTER (WHERE same)::int AS duplicate,
              count(DISTINCT id) FILTER (WHERE NOT same)::int AS overlap
         FROM pairs`,
      [tenantId, jobId],
    );
    return rows[0];
  }

  /**
   * Approved fitments of the tenant's most recently approved parts (at most `maxParts`), for learning
   * from review: what people confirmed for a part is suggested for parts like it.
   */
  async approvedExamples(em: EntityManager, tenantId: string, maxParts: number): Promise<FitmentRow[]> {
    return em.query(
      `WITH recent AS (
         SELECT part_key FROM fitments WHERE tenant_id = $1 AND status = 'approved'
          GROUP BY part_key ORDER BY max(reviewed_at) DESC NULLS LAST LIMIT $2)
       SELECT ${COLUMNS} FROM fitments f JOIN recent r ON r.part_key = f.part_key
        WHERE f.tenant_id = $1 AND f.status = 'approved'
        ORDER BY f.part_key, f.year, f.id`,
      [tenantId, maxParts],
    );
  }

  private targetWhere(
    tenantId: string,
    target: { ids: string[]; jobId?: string } | { filter: FitmentFilterDto },
    params: unknown[],
  ): string {
    if ('filter' in target) return fitmentWhere(tenantId, target.filter, params);
    params.push(tenantId, target.ids);
    let where = `f.tenant_id = $1 AND f.id = ANY($2::uuid[])`;
    if (target.jobId) {
      params.push(target.jobId);
      where += ` AND f.job_id = $3`;
    }
    return where;
  }

  /** The distinct vehicles of the approved fitments of catalog products, by product id. */
  async approvedVehicles(
    em: EntityManager,
    tenantId: string,
    productIds: readonly number[],
  ): Promise<ApprovedVehicle[]> {
    const rows: { product_id: string; year: number; make: string; model: string; submodel: string }[] = await em.query(
      `SELECT DISTINCT product_id, year, make, model, submodel
           FROM fitments
          WHERE tenant_id = $1 AND product_id = ANY($2::bigint[]) AND status = 'approved'
          ORDER BY product_id, make, model, year, submodel`,
      [tenantId, productIds],
    );
    return rows.map((r) => ({ ...r, product_id: Number(r.product_id), year: Number(r.year) }));
  }
}
