import type { PurchaseOrderDto } from '@torque/contracts';
import type { EntityManager } from 'typeorm';
import { containsPattern } from './like-pattern.js';

interface PurchaseOrderRow {
  id: string;
  po_number: string;
  order_date: string | null;
  currency: string | null;
  created_at: Date;
  supplier_id: string;
  supplier_code: string;
  supplier_name: string;
  lines_count: number;
  total: string | null;
}

export interface PurchaseOrderFilter {
  supplierId?: number;
  q?: string;
}

/** Read side of `purchase_orders` with their lines (imports write them). The tenant is in every WHERE. */
export class PurchaseOrdersRepository {
  /** Newest order date first; each order with its line count and total (null when its lines mix currencies). */
  async list(
    em: EntityManager,
    tenantId: string,
    filter: PurchaseOrderFilter,
    offset: number,
    limit: number,
  ): Promise<{ rows: PurchaseOrderDto[]; total: number }> {
    const params: unknown[] = [tenantId];
    const where = ['po.tenant_id = $1'];
    if (filter.supplierId !== undefined) {
      params.push(filter.supplierId);
      where.push(`po.supplier_id = $${params.length}`);
    }
    if (filter.q !== undefined) {
      params.push(containsPattern(filter.q));
      where.push(`po.po_number ILIKE $${params.length}`);
    }
    const clause = where.join(' AND ');
    const [rows, count] = await Promise.all([
      em.query(
        `SELECT po.id, po.po_number, to_char(po.order_date, 'YYYY-MM-DD') AS order_date, po.created_at,
                COALESCE(po.currency, l.currency) AS currency,
                s.id AS supplier_id, s.code AS supplier_code, s.name AS supplier_name,
                l.lines_count, l.total
           FROM purchase_orders po
           JOIN suppliers s ON s.id = po.supplier_id AND s.tenant_id = po.tenant_id
           CROSS JOIN LATERAL (
             SELECT count(*)::int AS lines_count,
                    min(pol.currency) AS currency,
                    CASE WHEN count(DISTINCT pol.currency) <= 1
                         THEN trim_scale(COALESCE(sum(pol.quantity * pol.unit_price), 0))::text END AS total
               FROM purchase_order_lines pol
              WHERE pol.tenant_id = po.tenant_id AND pol.purchase_order_id = po.id
           ) l
          WHERE ${clause}
          ORDER BY po.order_date DESC NULLS LAST, po.id DESC
         OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
        [...params, offset, limit],
      ) as Promise<PurchaseOrderRow[]>,
      em.query(`SELECT count(*)::int AS total FROM purchase_orders po WHERE ${clause}`, params) as Promise<
        { total: number }[]
      >,
    ]);
    return {
      rows: rows.map((r) => ({
        id: Number(r.id),
        po_number: r.po_number,
        supplier: { id: Number(r.supplier_id), code: r.supplier_code, name: r.supplier_name },
        order_date: r.order_date,
        currency: r.currency === null ? null : r.currency.trim(),
        lines_count: r.lines_count,
        total: r.total,
        created_at: r.created_at.toISOString(),
      })),
      total: count[0].total,
    };
  }
}
