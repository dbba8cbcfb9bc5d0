import type { EntityManager } from 'typeorm';

export interface DeliveryRow {
  id: string;
  task_id: string;
  tenant_id: string;
  event_id: string;
  url: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

export interface AttemptRow {
  attempt: number;
  http_status: number | null;
  error: string | null;
  duration_ms: number;
  attempted_at: Date;
}

/** The SQL of completion webhooks and their delivery attempts. */
export class WebhooksRepository {
  /** One delivery per task-ending event (a redelivered event adds none). */
  async enqueue(
    em: EntityManager,
    d: { id: string; taskId: string; tenantId: string; eventId: string; url: string; payload: unknown },
  ): Promise<void> {
    await em.query(
      `INSERT INTO webhook_deliveries (id, task_id, tenant_id, event_id, url, payload)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
      [d.id, d.taskId, d.tenantId, d.eventId, d.url, JSON.stringify(d.payload)],
    );
  }

  /**
   * Claims up to `limit` due deliveries for `leaseMs` (their next attempt moves past the lease, so another
   * dispatcher skips them, and a dispatcher that dies mid-call leaves them due again once it lapses).
   */
  async claimDue(em: EntityManager, limit: number, leaseMs: number): Promise<DeliveryRow[]> {
    const [rows] = (await em.query(
      `UPDATE webhook_deliveries SET next_attempt_at = now() + make_interval(secs => $2::float8 / 1000)
        WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [limit, leaseMs],
    )) as [DeliveryRow[], number];
    return rows;
  }

  async recordAttempt(
    em: EntityManager,
    d: DeliveryRow,
    a: { httpStatus: number | null; error: string | null; durationMs: number },
    next: { status: DeliveryRow['status']; retryInMs: number },
  ): Promise<void> {
    const attempt = d.attempts + 1;
    await em.query(
      `INSERT INTO webhook_attempts (delivery_id, attempt, http_status, error, duration_ms) VALUES ($1, $2, $3, $4, $5)`,
      [d.id, attempt, a.httpStatus, a.error, a.durationMs],
    );
    await em.query(
      `UPDATE webhook_deliveries
          SET attempts = $2, status = $3::varchar, last_status = $4, last_error = $5,
              next_attempt_at = now() + make_interval(secs => $6::float8 / 1000),
              delivered_at = CASE WHEN $3::varchar = 'delivered' THEN now() ELSE NULL END
        WHERE id = $1`,
      [d.id, attempt, next.status, a.httpStatus, a.error, next.retryInMs],
    );
  }

  async forTask(em: EntityManager, taskId: string): Promise<(DeliveryRow & { attempt_log: AttemptRow[] })[]> {
    return em.query(
      `SELECT d.*, COALESCE((SELECT json_agg(a ORDER BY a.attempt) FROM
                (SELECT attempt, http_status, error, duration_ms, attempted_at FROM webhook_attempts
                  WHERE delivery_id = d.id) a), '[]'::json) AS attempt_log
         FROM webhook_deliveries d WHERE d.task_id = $1 ORDER BY d.created_at`,
      [taskId],
    );
  }
}
