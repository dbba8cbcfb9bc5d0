import type { PriceSource, ProductPriceSummary, SupplierPriceHistoryDto } from '@torque/contracts';
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

  /**
   * Price range and suppliers of products: each supplier's latest price (by observed_on, then id), in the
   * currency most of those latest prices use (ties: alphabetical). Products without prices are left out.
   */
  async summariesOf(
    em: EntityManager,
    tenantId: string,
    productIds: readonly number[],
  ): Promise<ProductPriceSummary[]> {
    const rows: {
      product_id: string;
      min_price: string;
      max_price: string;
      currency: string;
      suppliers: { id: string; code: string; name: string }[];
    }[] = await em.query(
      `WITH latest AS (
         SELECT DISTINCT ON (pr.product_id, pr.supplier_id) pr.product_id, pr.supplier_id, pr.unit_price, pr.currency
           FROM price_history pr
          WHERE pr.tenant_id = $1 AND pr.product_id = ANY($2::bigint[])
          ORDER BY pr.product_id, pr.supplier_id, pr.observed_on DESC, pr.id DESC
       ), main_currency AS (
         SELECT DISTINCT ON (product_id) product_id, currency
           FROM latest GROUP BY product_id, currency
          ORDER BY product_id, count(*) DESC, currency
       )
       SELECT l.product_id, min(l.unit_price)::text AS min_price, max(l.unit_price)::text AS max_price, c.currency,
              jsonb_agg(jsonb_build_object('id', s.id, 'code', s.code, 'name', s.name) ORDER BY s.code) AS suppliers
         FROM latest l
         JOIN main_currency c ON c.product_id = l.product_id AND c.currency = l.currency
         JOIN suppliers s ON s.id = l.supplier_id
        GROUP BY l.product_id, c.currency
        ORDER BY l.product_id`,
      [tenantId, productIds],
    );
    return rows.map((r) => ({
      product_id: Number(r.product_id),
      min_price: r.min_price,
      max_price: r.max_price,
      currency: r.currency.trim(),
      suppliers: r.suppliers.map((x) => ({ id: Number(x.id), code: x.code, name: x.name })),
    }));
  }
}
