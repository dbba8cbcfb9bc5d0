import type { EntityManager } from 'typeorm';

export interface BatchRow {
  tenant_id: string;
  open_seq: string | null;
  open_job_id: string | null;
  opened_at: Date | null;
  next_seq: string;
  last_started_at: Date | null;
  last_changes: number;
  /** The express number: the key of the tenant's next express job (bigint as text). */
  express_seq: string;
}

export interface PendingChange {
  product_id: number;
  seq: string;
  first_changed_at: Date;
}

/** All SQL on pending changes and change batches. The tenant is in every WHERE. */
export class ChangeBatchesRepository {
  /**
   * Records changes of products, one row per product (a later change bumps its seq, keeps its first time);
   * `express` flags them for the tenant's express job (a flag, once set, stays until the change is taken).
   */
  async addPending(
    em: EntityManager,
    tenantId: string,
    ids: readonly number[],
    changedAt: Date,
    express = false,
  ): Promise<void> {
    await em.query(
      `INSERT INTO pending_changes (tenant_id, product_id, first_changed_at, express)
       SELECT $1, id, $3, $4 FROM (SELECT DISTINCT unnest($2::bigint[]) AS id ORDER BY 1) s
       ON CONFLICT (tenant_id, product_id) DO UPDATE
         SET seq = nextval('pending_change_seq'), claimed_until = NULL,
             first_changed_at = least(pending_changes.first_changed_at, EXCLUDED.first_changed_at),
             express = pending_changes.express OR EXCLUDED.express`,
      [tenantId, ids, changedAt, express],
    );
  }

  /** The tenant's batch row, created the first time, locked until the transaction ends. */
  async lock(em: EntityManager, tenantId: string): Promise<BatchRow> {
    await em.query(`INSERT INTO change_batches (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO NOTHING`, [tenantId]);
    const rows: BatchRow[] = await em.query(`SELECT * FROM change_batches WHERE tenant_id = $1 FOR UPDATE`, [tenantId]);
    return rows[0];
  }

  /** Opens a new batch (the tenant's row locked by `lock`); returns its number. */
  async open(em: EntityManager, tenantId: string): Promise<string> {
    const [rows]: [{ seq: string }[], number] = await em.query(
      `UPDATE change_batches SET open_seq = next_seq, next_seq = next_seq + 1, open_job_id = NULL, opened_at = now()
        WHERE tenant_id = $1 RETURNING open_seq AS seq`,
      [tenantId],
    );
    return rows[0].seq;
  }

  /** Links the open batch `seq` to its job (in the transaction that creates the job row). */
  async linkJob(em: EntityManager, tenantId: string, seq: string, jobId: string): Promise<void> {
    await em.query(`UPDATE change_batches SET open_job_id = $3 WHERE tenant_id = $1 AND open_seq = $2`, [
      tenantId,
      seq,
      jobId,
    ]);
  }

  /** The job of batch `seq` starts: the batch closes (new changes open the next one). */
  async start(em: EntityManager, tenantId: string, seq: string): Promise<void> {
    await em.query(
      `UPDATE change_batches SET open_seq = NULL, open_job_id = NULL, opened_at = NULL, last_started_at = now(), last_changes = 0
        WHERE tenant_id = $1 AND open_seq = $2`,
      [tenantId, seq],
    );
  }

  /** An express job starts: later express changes belong to the next one. */
  async startExpress(em: EntityManager, tenantId: string): Promise<void> {
    await em.query(`UPDATE change_batches SET express_seq = express_seq + 1 WHERE tenant_id = $1`, [tenantId]);
  }

  async addTaken(em: EntityManager, tenantId: string, n: number): Promise<void> {
    await em.query(`UPDATE change_batches SET last_changes = last_changes + $2 WHERE tenant_id = $1`, [tenantId, n]);
  }

  /**
   * Claims the oldest unclaimed pending changes of the tenant, at most `limit`, for `leaseMs` (a job that dies
   * leaves them to be claimed again after it); concurrent jobs of one tenant take different changes.
   * `expressOnly` claims the changes flagged for the express job only.
   */
  async claim(
    em: EntityManager,
    tenantId: string,
    limit: number,
    leaseMs: number,
    expressOnly = false,
  ): Promise<PendingChange[]> {
    const [rows]: [{ product_id: string; seq: string; first_changed_at: Date }[], number] = await em.query(
      `UPDATE pending_changes p SET claimed_until = now() + make_interval(secs => $3 / 1000.0)
         FROM (SELECT product_id FROM pending_changes
                WHERE tenant_id = $1 AND (claimed_until IS NULL OR claimed_until < now())
                  AND (express OR NOT $4::boolean)
                ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED) c
        WHERE p.tenant_id = $1 AND p.product_id = c.product_id
        RETURNING p.product_id, p.seq, p.first_changed_at`,
      [tenantId, limit, leaseMs, expressOnly],
    );
    return rows
      .map((r) => ({ ...r, product_id: Number(r.product_id) }))
      .sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
  }

  /** The tenant's pending changes (`expressOnly`: those flagged for the express job). */
  async countPending(em: EntityManager, tenantId: string, expressOnly = false): Promise<number> {
    const rows: { n: number }[] = await em.query(
      `SELECT count(*)::int AS n FROM pending_changes WHERE tenant_id = $1 AND (express OR NOT $2::boolean)`,
      [tenantId, expressOnly],
    );
    return rows[0].n;
  }

  /** Takes away changes that were indexed, unless a later change of the product came meanwhile (its seq moved). */
  async done(em: EntityManager, tenantId: string, changes: readonly PendingChange[]): Promise<void> {
    await em.query(
      `DELETE FROM pending_changes p USING unnest($2::bigint[], $3::bigint[]) AS d(product_id, seq)
        WHERE p.tenant_id = $1 AND p.product_id = d.product_id AND p.seq = d.seq`,
      [tenantId, changes.map((c) => c.product_id), changes.map((c) => c.seq)],
    );
  }

  /**
   * Tenants whose changes wait without a job that will take them: an open batch whose job never got queued (or
   * ended without running), or pending changes with no open batch (a batch whose job failed or was cancelled).
   */
  async stranded(em: EntityManager, olderThanMs: number, tenantId: string | null = null): Promise<string[]> {
    const rows: { tenant_id: string }[] = await em.query(
      `SELECT b.tenant_id FROM change_batches b LEFT JOIN jobs j ON j.id = b.open_job_id
        WHERE b.open_seq IS NOT NULL AND b.opened_at < now() - make_interval(secs => $1 / 1000.0)
          AND (j.id IS NULL OR j.status IN ('completed', 'failed', 'cancelled'))
          AND ($2::varchar IS NULL OR b.tenant_id = $2)
       UNION
       SELECT p.tenant_id FROM pending_changes p
        WHERE p.first_changed_at < now() - make_interval(secs => $1 / 1000.0)
          AND (p.claimed_until IS NULL OR p.claimed_until < now())
          AND ($2::varchar IS NULL OR p.tenant_id = $2)
          AND NOT EXISTS (SELECT 1 FROM change_batches b WHERE b.tenant_id = p.tenant_id AND b.open_seq IS NOT NULL)
        GROUP BY p.tenant_id`,
      [olderThanMs, tenantId],
    );
    return rows.map((r) => r.tenant_id);
  }
}
