import type { PriceSource, SupplierPriceHistoryDto } from '@torque/contracts';
import type { EntityManager } from 'typeorm';

interface PriceRow {
  id: string;
  unit_price: string;
  currency: string;
  observed_on: string;
  source: PriceSource;
  upload_id: string | null;
  created_at: Date;
  supplier_id: string;
  supplier_code: string;
  supplier_name: string;
  total: number;
}

/** Reads the `price_history` view (the prices of the purchase order lines). The tenant is in every WHERE. */
export class PricesRepository {
  /**
   * A product's price history grouped per supplier: each supplier's newest `perSupplier` prices
   * (by observed_on, then id), the supplier with the most recent observation first.
   */
  async historyOfProduct(
    em: EntityManager,
    tenantId: string,
    productId: number,
    supplierId: number | undefined,
    perSupplier: number,
  ): Promise<SupplierPriceHistoryDto[]> {
    const params: unknown[] = [tenantId, productId, perSupplier];
    let supplierFilter = '';
    if (supplierId !== undefined) {
      params.push(supplierId);
      supplierFilter = `AND pr.supplier_id = $4`;
    }
    const rows: PriceRow[] = await em.query(
      `WITH ranked AS (
         SELECT pr.*,
                row_number() OVER (PARTITION BY pr.supplier_id ORDER BY pr.observed_on DESC, pr.id DESC) AS rn,
                count(*) OVER (PARTITION BY pr.supplier_id)::int AS total,
                max(pr.observed_on) OVER (PARTITION BY pr.supplier_id) AS latest_on
           FROM price_history pr
          WHERE pr.tenant_id = $1 AND pr.product_id = $2 ${supplierFilter}
       )
       SELECT r.id, trim_scale(r.unit_price)::text AS unit_price, r.currency, to_char(r.observed_on, 'YYYY-MM-DD') AS observed_on,
              r.source, r.upload_id, r.created_at, r.total,
              s.id AS supplier_id, s.code AS supplier_code, s.name AS supplier_name
         FROM ranked r
         JOIN suppliers s ON s.id = r.supplier_id AND s.tenant_id = r.tenant_id
        WHERE r.rn <= $3
        ORDER BY r.latest_on DESC, s.code, s.id, r.rn`,
      params,
    );
    const groups: SupplierPriceHistoryDto[] = [];
    let current: SupplierPriceHistoryDto | undefined;
    for (const r of rows) {
      if (current?.supplier.id !== Number(r.supplier_id)) {
        current = {
          supplier: { id: Number(r.supplier_id), code: r.supplier_code, name: r.supplier_name },
          total: r.total,
          prices: [],
        };
        groups.push(current);
      }
      current.prices.push({
        id: Number(r.id),
        unit_price: r.unit_price,
        currency: r.currency.trim(),
        observed_on: r.observed_on,
        source: r.source,
        upload_id: r.upload_id,
        created_at: r.created_at.toISOString(),
      });
    }
    return groups;
  }
}
