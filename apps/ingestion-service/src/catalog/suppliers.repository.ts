import type { SupplierDto } from '@torque/contracts';
import type { EntityManager } from 'typeorm';
import { containsPattern } from './like-pattern.js';

interface SupplierRow {
  id: string;
  code: string;
  name: string;
  purchase_orders_count: number;
  created_at: Date;
  updated_at: Date;
}

/** Read side of `suppliers` (imports write them). The tenant is in every WHERE. */
export class SuppliersRepository {
  async list(
    em: EntityManager,
    tenantId: string,
    q: string | undefined,
    offset: number,
    limit: number,
  ): Promise<{ rows: SupplierDto[]; total: number }> {
    const params: unknown[] = [tenantId];
    let where = 's.tenant_id = $1';
    if (q !== undefined) {
      params.push(containsPattern(q));
      where += ` AND (s.code ILIKE $2 OR s.name ILIKE $2)`;
    }
    const [rows, count] = await Promise.all([
      em.query(
        `SELECT s.id, s.code, s.name, s.created_at, s.updated_at,
                (SELECT count(*)::int FROM purchase_orders po
                  WHERE po.tenant_id = s.tenant_id AND po.supplier_id = s.id) AS purchase_orders_count
           FROM suppliers s
          WHERE ${where}
          ORDER BY s.code, s.id
         OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
        [...params, offset, limit],
      ) as Promise<SupplierRow[]>,
      em.query(`SELECT count(*)::int AS total FROM suppliers s WHERE ${where}`, params) as Promise<{ total: number }[]>,
    ]);
    return {
      rows: rows.map((r) => ({
        id: Number(r.id),
        code: r.code,
        name: r.name,
        purchase_orders_count: r.purchase_orders_count,
        created_at: r.created_at.toISOString(),
        updated_at: r.updated_at.toISOString(),
      })),
      total: count[0].total,
    };
  }
}
