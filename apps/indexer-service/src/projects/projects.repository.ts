import type { ProjectDto, ProjectStatus } from '@torque/contracts';
import type { EntityManager } from 'typeorm';

export interface ProjectRow {
  id: string;
  tenant_id: string;
  title: string;
  content: string;
  status: ProjectStatus;
  content_hash: string;
  created_at: Date;
  updated_at: Date;
}

export function toProjectDto(row: ProjectRow): ProjectDto {
  return {
    id: row.id,
    title: row.title,
    content: row.content,
    status: row.status,
    content_hash: row.content_hash,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** A project missing metadata, or whose metadata was written from other content. */
export interface StaleProject {
  id: string;
}

/** All SQL on projects. The tenant is in every WHERE. */
export class ProjectsRepository {
  async insert(
    em: EntityManager,
    row: Pick<ProjectRow, 'id' | 'tenant_id' | 'title' | 'content' | 'status' | 'content_hash'> & {
      created_by: string | null;
    },
  ): Promise<ProjectRow> {
    const rows: ProjectRow[] = await em.query(
      `INSERT INTO projects (id, tenant_id, title, content, status, content_hash, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [row.id, row.tenant_id, row.title, row.content, row.status, row.content_hash, row.created_by],
    );
    return rows[0];
  }

  async get(em: EntityManager, tenantId: string, id: string, opts: { forUpdate?: boolean } = {}) {
    const rows: ProjectRow[] = await em.query(
      `SELECT * FROM projects WHERE tenant_id = $1 AND id = $2${opts.forUpdate ? ' FOR UPDATE' : ''}`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  async list(
    em: EntityManager,
    tenantId: string,
    status: ProjectStatus | undefined,
    offset: number,
    limit: number,
  ): Promise<{ rows: ProjectRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      em.query(
        `SELECT * FROM projects WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2)
          ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
        [tenantId, status ?? null, limit, offset],
      ) as Promise<ProjectRow[]>,
      em.query(`SELECT count(*)::int AS n FROM projects WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2)`, [
        tenantId,
        status ?? null,
      ]) as Promise<{ n: number }[]>,
    ]);
    return { rows, total: count[0].n };
  }

  async update(
    em: EntityManager,
    tenantId: string,
    id: string,
    changes: Pick<ProjectRow, 'title' | 'content' | 'status' | 'content_hash'>,
  ): Promise<ProjectRow> {
    // TypeORM answers an UPDATE with [rows, affected]
    const [rows]: [ProjectRow[], number] = await em.query(
      `UPDATE projects SET title = $3, content = $4, status = $5, content_hash = $6, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 RETURNING *`,
      [tenantId, id, changes.title, changes.content, changes.status, changes.content_hash],
    );
    return rows[0];
  }

  /** Whether the project exists, holding it (FOR SHARE) until the transaction ends: a delete waits. */
  async hold(em: EntityManager, tenantId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM projects WHERE tenant_id = $1 AND id = $2 FOR SHARE`, [
      tenantId,
      id,
    ]);
    return rows.length > 0;
  }

  /** Deletes the project and its metadata; false when the tenant has no such project. */
  async delete(em: EntityManager, tenantId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `WITH gone AS (DELETE FROM projects WHERE tenant_id = $1 AND id = $2 RETURNING id),
            meta AS (DELETE FROM metadata WHERE tenant_id = $1 AND subject = 'project'
                        AND subject_id = $2::text AND EXISTS (SELECT 1 FROM gone))
       SELECT id FROM gone`,
      [tenantId, id],
    );
    return rows.length > 0;
  }

  /** Tenants that have projects. */
  async tenants(em: EntityManager): Promise<string[]> {
    const rows: { tenant_id: string }[] = await em.query(`SELECT DISTINCT tenant_id FROM projects ORDER BY 1`);
    return rows.map((r) => r.tenant_id);
  }

  /**
   * The tenant's projects (after `afterId`, in id order, `limit` of them) that have no generated metadata or
   * metadata of other content, leaving out drafts unchanged for `draftDays` (the clean-up's old drafts).
   */
  async stale(
    em: EntityManager,
    tenantId: string,
    afterId: string | null,
    limit: number,
    draftDays: number,
  ): Promise<StaleProject[]> {
    return em.query(
      `SELECT p.id FROM projects p
         LEFT JOIN metadata m ON m.tenant_id = p.tenant_id AND m.subject = 'project' AND m.subject_id = p.id::text
        WHERE p.tenant_id = $1 AND ($2::uuid IS NULL OR p.id > $2::uuid)
          AND m.content_hash IS DISTINCT FROM p.content_hash
          AND NOT (p.status = 'draft' AND p.updated_at < now() - make_interval(days => $4))
        ORDER BY p.id LIMIT $3`,
      [tenantId, afterId, limit, draftDays],
    );
  }
}
