import type { ExportFormat, ExportStatus, SubmissionType } from '@torque/contracts';
import type { EntityManager } from 'typeorm';
import type { ActionApp, AcesApp } from './aces-app.js';

export interface ExportRow {
  id: string;
  tenant_id: string;
  format: ExportFormat;
  submission_type: SubmissionType;
  since_export_id: string | null;
  status: ExportStatus;
  job_id: string | null;
  header: Record<string, string>;
  fitment_count: number;
  add_count: number;
  delete_count: number;
  file_name: string | null;
  storage_key: string | null;
  size_bytes: string | null;
  error_message: string | null;
  created_by: string | null;
  created_at: Date;
  completed_at: Date | null;
}

/**
 * The application an approved fitment becomes: one per part, base vehicle, submodel, engine and
 * position (the newest fitment wins when several jobs approved the same one).
 */
const APPROVED_APPS = `
  SELECT DISTINCT ON (app_key) app_key, app
    FROM (
      SELECT concat_ws('|', f.part_id, f.base_vehicle_id, COALESCE(f.submodel_id, 0), COALESCE(f.engine_id, 0), f.position) AS app_key,
             jsonb_build_object(
               'part', f.part_id, 'part_type', f.part_type, 'base_vehicle_id', f.base_vehicle_id, 'year', f.year,
               'make', f.make, 'model', f.model, 'submodel_id', f.submodel_id, 'submodel', f.submodel,
               'engine_id', f.engine_id, 'engine', f.engine, 'qty', f.qty, 'position', f.position, 'note', f.notes) AS app,
             f.updated_at, f.id
        FROM fitments f
       WHERE f.tenant_id = $1 AND f.status = 'approved') a
   ORDER BY app_key, updated_at DESC, id`;

/** All SQL on `exports` and `export_items`. */
export class ExportsRepository {
  async insert(
    em: EntityManager,
    e: {
      id: string;
      tenantId: string;
      format: ExportFormat;
      submissionType: SubmissionType;
      sinceExportId: string | null;
      header: Record<string, string>;
      createdBy: string | null;
      status: ExportStatus;
      jobId: string | null;
    },
  ): Promise<ExportRow> {
    const rows: ExportRow[] = await em.query(
      `INSERT INTO exports (id, tenant_id, format, submission_type, since_export_id, status, header, created_by, job_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *, size_bytes::text AS size_bytes`,
      [e.id, e.tenantId, e.format, e.submissionType, e.sinceExportId, e.status, e.header, e.createdBy, e.jobId],
    );
    return rows[0];
  }

  async find(em: EntityManager, id: string, tenantId?: string): Promise<ExportRow | null> {
    const rows: ExportRow[] = await em.query(
      `SELECT *, size_bytes::text AS size_bytes FROM exports WHERE id = $1 AND ($2::text IS NULL OR tenant_id = $2)`,
      [id, tenantId ?? null],
    );
    return rows[0] ?? null;
  }

  /** The tenant's newest completed export of a format: what a net change is computed against by default. */
  async latestCompleted(em: EntityManager, tenantId: string, format: ExportFormat): Promise<ExportRow | null> {
    const rows: ExportRow[] = await em.query(
      `SELECT *, size_bytes::text AS size_bytes FROM exports WHERE tenant_id = $1 AND format = $2 AND status = 'completed'
        ORDER BY completed_at DESC, id DESC LIMIT 1`,
      [tenantId, format],
    );
    return rows[0] ?? null;
  }

  async list(
    em: EntityManager,
    tenantId: string,
    offset: number,
    limit: number,
  ): Promise<{ rows: ExportRow[]; total: number }> {
    const rows: ExportRow[] = await em.query(
      `SELECT *, size_bytes::text AS size_bytes FROM exports WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3`,
      [tenantId, offset, limit],
    );
    const count: Array<{ total: number }> = await em.query(
      `SELECT count(*)::int AS total FROM exports WHERE tenant_id = $1`,
      [tenantId],
    );
    return { rows, total: count[0].total };
  }

  async update(
    em: EntityManager,
    id: string,
    patch: Partial<
      Pick<
        ExportRow,
        | 'status'
        | 'job_id'
        | 'fitment_count'
        | 'add_count'
        | 'delete_count'
        | 'file_name'
        | 'storage_key'
        | 'error_message'
      >
    > & { size_bytes?: number; completed?: boolean },
  ): Promise<ExportRow> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [column, value] of Object.entries(patch)) {
      if (column === 'completed' || value === undefined) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    }
    if (patch.completed) sets.push('completed_at = now()');
    const rows: [ExportRow[], number] = await em.query(
      `UPDATE exports SET ${sets.join(', ')} WHERE id = $1 RETURNING *, size_bytes::text AS size_bytes`,
      params,
    );
    return rows[0][0];
  }

  async countApproved(em: EntityManager, tenantId: string): Promise<number> {
    const rows: Array<{ n: number }> = await em.query(
      `SELECT count(*)::int AS n FROM fitments WHERE tenant_id = $1 AND status = 'approved'`,
      [tenantId],
    );
    return rows[0].n;
  }

  /** Keeps the tenant's approved set as the export's snapshot; returns its size. */
  async snapshot(em: EntityManager, exportId: string, tenantId: string): Promise<number> {
    await em.query(`DELETE FROM export_items WHERE export_id = $1`, [exportId]);
    const rows: Array<{ n: number }> = await em.query(
      `WITH ins AS (INSERT INTO export_items (export_id, app_key, app) SELECT $2, app_key, app FROM (${APPROVED_APPS}) s RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [tenantId, exportId],
    );
    return rows[0].n;
  }

  /** Applications a net change has: deletes (in the base, gone or changed now) and adds (new or changed). */
  async changeCounts(em: EntityManager, exportId: string, baseId: string): Promise<{ adds: number; deletes: number }> {
    const rows: Array<{ adds: number; deletes: number }> = await em.query(
      `SELECT
         (SELECT count(*)::int FROM export_items n LEFT JOIN export_items b ON b.export_id = $2 AND b.app_key = n.app_key
           WHERE n.export_id = $1 AND (b.app_key IS NULL OR b.app <> n.app)) AS adds,
         (SELECT count(*)::int FROM export_items b LEFT JOIN export_items n ON n.export_id = $1 AND n.app_key = b.app_key
           WHERE b.export_id = $2 AND (n.app_key IS NULL OR n.app <> b.app)) AS deletes`,
      [exportId, baseId],
    );
    return rows[0];
  }

  /**
   * The applications of an export in pages of `size`, in part and vehicle order: all of them as
   * adds (FULL), or the deletes then the adds against the base export (net change).
   */
  async *apps(em: EntityManager, exportId: string, baseId: string | null, size = 5000): AsyncGenerator<ActionApp[]> {
    if (baseId === null) {
      yield* this.pages(
        em,
        `SELECT app_key, app FROM export_items WHERE export_id = $1 AND app_key > $2 ORDER BY app_key LIMIT $3`,
        [exportId],
        'A',
        size,
      );
      return;
    }
    // The applications of `from` that `against` lacks or has otherwise: deletes from the base, adds from the new one.
    const notIn = `SELECT f.app_key, f.app FROM export_items f LEFT JOIN export_items a ON a.export_id = $2 AND a.app_key = f.app_key
                    WHERE f.export_id = $1 AND (a.app_key IS NULL OR a.app <> f.app) AND f.app_key > $3 ORDER BY f.app_key LIMIT $4`;
    yield* this.pages(em, notIn, [baseId, exportId], 'D', size);
    yield* this.pages(em, notIn, [exportId, baseId], 'A', size);
  }

  private async *pages(
    em: EntityManager,
    sql: string,
    params: unknown[],
    action: 'A' | 'D',
    size: number,
  ): AsyncGenerator<ActionApp[]> {
    let after = '';
    for (;;) {
      const rows: Array<{ app_key: string; app: AcesApp }> = await em.query(sql, [...params, after, size]);
      if (rows.length === 0) return;
      yield rows.map((r) => ({ action, app: r.app }));
      if (rows.length < size) return;
      after = rows[rows.length - 1].app_key;
    }
  }
}
