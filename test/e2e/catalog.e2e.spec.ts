// The catalog through the gateway: product CRUD, search/filter/sort/paginate, purchase-order guard on delete,
// suppliers, purchase orders, price history, tenant isolation, roles and input validation.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ErrorEnvelopeDto,
  ProductDto,
  ProductPageDto,
  ProductPriceHistoryDto,
  PurchaseOrderPageDto,
  SupplierPageDto,
} from '@torque/contracts';
import pg from 'pg';
import { startSuite, type Suite } from '../support/suite.js';

const PRODUCTS = '/api/v1/catalog/products';

async function envelope(res: Response, status: number, error: ErrorEnvelopeDto['error']): Promise<ErrorEnvelopeDto> {
  const body = (await res.json()) as ErrorEnvelopeDto;
  expect({ status: res.status, error: body.error }).toEqual({ status, error });
  expect(typeof body.message).toBe('string');
  return body;
}

describe('catalog through the gateway', () => {
  let suite: Suite;
  let db: pg.Client;

  const create = async (product: Record<string, unknown>, tenant = 'acme'): Promise<ProductDto> => {
    const res = await suite.http(PRODUCTS, { method: 'POST', json: product, tenant });
    expect(res.status).toBe(201);
    return (await res.json()) as ProductDto;
  };
  const list = async (query: string, tenant = 'acme'): Promise<ProductPageDto> => {
    const res = await suite.http(`${PRODUCTS}?${query}`, { tenant });
    expect(res.status).toBe(200);
    return (await res.json()) as ProductPageDto;
  };
  /** Rows the procurement imports would write, inserted directly (the imports are not under test here). */
  const supplier = async (tenant: string, code: string, name: string): Promise<number> =>
    Number(
      (
        await db.query(`INSERT INTO suppliers (tenant_id, code, name) VALUES ($1, $2, $3) RETURNING id`, [
          tenant,
          code,
          name,
        ])
      ).rows[0].id,
    );
  const purchaseOrder = async (
    tenant: string,
    po: string,
    supplierId: number,
    orderDate: string,
    currency: string | null,
  ): Promise<number> =>
    Number(
      (
        await db.query(
          `INSERT INTO purchase_orders (tenant_id, po_number, supplier_id, order_date, currency) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [tenant, po, supplierId, orderDate, currency],
        )
      ).rows[0].id,
    );
  const line = (
    tenant: string,
    poId: number,
    lineNo: number,
    productId: number,
    qty: string,
    price: string,
    currency = 'USD',
  ) =>
    db.query(
      `INSERT INTO purchase_order_lines (tenant_id, purchase_order_id, line_no, product_id, quantity, unit_price, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenant, poId, lineNo, productId, qty, price, currency],
    );
  beforeAll(async () => {
    suite = await startSuite({ services: ['ingestion'] });
    db = new pg.Client({ connectionString: suite.db.url, options: '-c search_path=ingestion' });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  describe('products', () => {
    it('creates a product (201) and reads it back', async () => {
      const created = await create({
        part_number: 'BR-54132',
        name: 'Front Disc Brake Rotor, Vented',
        description: 'Fits 2016-2021 Honda Civic',
        brand: 'Brembo',
        category: 'Brake Rotors',
        attributes: { position: 'Front', diameter_mm: 282 },
      });
      expect(created).toEqual({
        id: expect.any(Number),
        part_number: 'BR-54132',
        name: 'Front Disc Brake Rotor, Vented',
        description: 'Fits 2016-2021 Honda Civic',
        brand: 'Brembo',
        category: 'Brake Rotors',
        attributes: { position: 'Front', diameter_mm: 282 },
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      expect(Number.isInteger(created.id)).toBe(true);

      const res = await suite.http(`${PRODUCTS}/${created.id}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(created);

      const minimal = await create({ part_number: 'MIN-1', name: 'Minimal' });
      expect(minimal).toEqual(
        expect.objectContaining({ description: '', brand: null, category: null, attributes: {} }),
      );
    });

    it('answers 409 conflict with details.part_number for a part number the tenant already has', async () => {
      await create({ part_number: 'DUP-1', name: 'First' });
      const body = await envelope(
        await suite.http(PRODUCTS, { method: 'POST', json: { part_number: 'DUP-1', name: 'Second' } }),
        409,
        'conflict',
      );
      expect(body.details?.part_number).toEqual([expect.stringContaining('DUP-1')]);
      const page = await list('q=DUP-1');
      expect(page.data.map((p) => p.name)).toEqual(['First']);
    });

    it('updates only the given fields (200), clears brand with null, and keeps a no-op update unchanged', async () => {
      const p = await create({
        part_number: 'UPD-1',
        name: 'Old name',
        brand: 'Bosch',
        category: 'Filters',
        attributes: { a: 1 },
      });
      const res = await suite.http(`${PRODUCTS}/${p.id}`, {
        method: 'PATCH',
        json: { name: 'New name', brand: null, attributes: { b: 2 } },
      });
      expect(res.status).toBe(200);
      const updated = (await res.json()) as ProductDto;
      expect(updated).toEqual({
        ...p,
        name: 'New name',
        brand: null,
        attributes: { b: 2 },
        updated_at: expect.any(String),
      });
      expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(p.updated_at));

      const same = await suite.http(`${PRODUCTS}/${p.id}`, { method: 'PATCH', json: { name: 'New name' } });
      expect(same.status).toBe(200);
      expect(await same.json()).toEqual(updated);
    });

    it("answers 409 when an update takes another product's part number, 404 for an unknown id", async () => {
      await create({ part_number: 'TAKEN-1', name: 'Holder' });
      const p = await create({ part_number: 'TAKER-1', name: 'Taker' });
      const body = await envelope(
        await suite.http(`${PRODUCTS}/${p.id}`, { method: 'PATCH', json: { part_number: 'TAKEN-1' } }),
        409,
        'conflict',
      );
      expect(body.details?.part_number).toBeDefined();
      expect(((await (await suite.http(`${PRODUCTS}/${p.id}`)).json()) as ProductDto).part_number).toBe('TAKER-1');

      await envelope(
        await suite.http(`${PRODUCTS}/99999999`, { method: 'PATCH', json: { name: 'x' } }),
        404,
        'not_found',
      );
      await envelope(await suite.http(`${PRODUCTS}/99999999`), 404, 'not_found');
    });

    it('deletes a product (204); afterwards it is gone (404)', async () => {
      const p = await create({ part_number: 'DEL-1', name: 'Doomed' });
      const res = await suite.http(`${PRODUCTS}/${p.id}`, { method: 'DELETE' });
      expect(res.status).toBe(204);
      expect(await res.text()).toBe('');
      await envelope(await suite.http(`${PRODUCTS}/${p.id}`), 404, 'not_found');
      await envelope(await suite.http(`${PRODUCTS}/${p.id}`, { method: 'DELETE' }), 404, 'not_found');
    });

    it('refuses to delete a product on purchase order lines (409), and keeps it', async () => {
      const p = await create({ part_number: 'REF-1', name: 'Ordered part' });
      const s = await supplier('acme', 'SUP-REF', 'Reference Supply');
      const po = await purchaseOrder('acme', 'PO-REF-1', s, '2025-02-01', 'USD');
      await line('acme', po, 1, p.id, '2', '5.50');
      await line('acme', po, 2, p.id, '1', '5.50');
      const body = await envelope(await suite.http(`${PRODUCTS}/${p.id}`, { method: 'DELETE' }), 409, 'conflict');
      expect(body.message).toMatch(/REF-1.*2 purchase order line\(s\) of 1 purchase order/);
      expect((await suite.http(`${PRODUCTS}/${p.id}`)).status).toBe(200);
    });
  });

  describe('listing', () => {
    const T = 'listco';
    const seeded: Record<string, ProductDto> = {};

    beforeAll(async () => {
      const rows = [
        [
          'BR-100',
          'Front Brake Rotor',
          'Vented. Fits 2016-2021 Honda Civic; service with oil filter OF-300',
          'Brembo',
          'Brake Rotors',
        ],
        ['BR-101', 'Rear Brake Rotor', 'for 07-13 Chevy Silverado 1500 5.3L', 'Brembo', 'Brake Rotors'],
        ['PD-200', 'Ceramic Brake Pad Set', '2018+ Toyota Camry, front axle', 'Wagner', 'Brake Pads'],
        ['OF-300', 'Engine Oil Filter', 'Honda Civic 1.5L turbo 2016-2021', 'Fram', 'Oil Filters'],
        [
          'SP-400',
          'Iridium Spark Plug',
          'Ford F-150 2015-2020 (2.7L, 3.5L EcoBoost); 100% tested',
          'NGK',
          'Spark Plugs',
        ],
        ['WB-500', 'Wiper Blade 22 in', 'Beam blade, all-season', 'Bosch', 'Wiper Blades'],
      ];
      for (const [part_number, name, description, brand, category] of rows) {
        seeded[part_number] = await create({ part_number, name, description, brand, category }, T);
      }
    });

    it('pages through all products by part number with the Page envelope', async () => {
      const all = await list('sort=part_number', T);
      expect(all.meta).toEqual({ page: 1, limit: 20, total: 6 });
      expect(all.data.map((p) => p.part_number)).toEqual(['BR-100', 'BR-101', 'OF-300', 'PD-200', 'SP-400', 'WB-500']);
      const second = await list('sort=part_number&page=2&limit=2', T);
      expect(second.meta).toEqual({ page: 2, limit: 2, total: 6 });
      expect(second.data.map((p) => p.part_number)).toEqual(['OF-300', 'PD-200']);
      const past = await list('page=9&limit=2', T);
      expect(past).toEqual({ data: [], meta: { page: 9, limit: 2, total: 6 } });
    });

    it('sorts by name, updated_at and id, ascending or descending', async () => {
      const byName = await list('sort=name&order=desc', T);
      const names = byName.data.map((p) => p.name);
      expect(names).toEqual([...names].sort().reverse());
      expect(names[0]).toBe('Wiper Blade 22 in');
      const byId = await list('sort=id&order=desc', T);
      expect(byId.data.map((p) => p.id)).toEqual(
        Object.values(seeded)
          .map((p) => p.id)
          .sort((a, b) => b - a),
      );
      const byUpdated = await list('sort=updated_at', T);
      expect(byUpdated.data[0].part_number).toBe('BR-100');
    });

    it('searches part number, name and description: every word must occur, case-insensitively', async () => {
      expect((await list('q=civic', T)).data.map((p) => p.part_number).sort()).toEqual(['BR-100', 'OF-300']);
      expect((await list('q=CIVIC%20rotor', T)).data.map((p) => p.part_number)).toEqual(['BR-100']);
      expect((await list('q=br-10', T)).data.map((p) => p.part_number).sort()).toEqual(['BR-100', 'BR-101']);
      expect((await list('q=ecoboost', T)).data.map((p) => p.part_number)).toEqual(['SP-400']);
      expect((await list('q=silverado&brand=Wagner', T)).meta.total).toBe(0);
    });

    it('ranks the exact part number first and takes % and _ literally', async () => {
      // BR-100 mentions OF-300 and sorts before it, but the product with that exact part number comes first.
      expect((await list('q=of-300', T)).data.map((p) => p.part_number)).toEqual(['OF-300', 'BR-100']);
      const loose = await list('q=brake', T);
      expect(loose.meta.total).toBe(3);
      expect((await list(`q=${encodeURIComponent('100%')}`, T)).data.map((p) => p.part_number)).toEqual(['SP-400']);
      expect((await list(`q=${encodeURIComponent('%')}`, T)).data.map((p) => p.part_number)).toEqual(['SP-400']);
      expect((await list(`q=${encodeURIComponent('BR_1')}`, T)).meta.total).toBe(0);
    });

    it('filters by brand and category (exact), combinable with sort', async () => {
      expect((await list('brand=Brembo&sort=part_number&order=desc', T)).data.map((p) => p.part_number)).toEqual([
        'BR-101',
        'BR-100',
      ]);
      expect((await list(`category=${encodeURIComponent('Brake Pads')}`, T)).data.map((p) => p.part_number)).toEqual([
        'PD-200',
      ]);
      expect((await list('brand=brembo', T)).meta.total).toBe(0);
    });

    it('keeps only products changed since updated_since', async () => {
      const res = await suite.http(`${PRODUCTS}/${seeded['PD-200'].id}`, {
        method: 'PATCH',
        json: { description: '2018+ Toyota Camry' },
        tenant: T,
      });
      const changed = (await res.json()) as ProductDto;
      const page = await list(`updated_since=${encodeURIComponent(changed.updated_at)}`, T);
      expect(page.data.map((p) => p.part_number)).toEqual(['PD-200']);
      expect((await list(`updated_since=${encodeURIComponent('2000-01-01T00:00:00Z')}`, T)).meta.total).toBe(6);
    });
  });

  describe('suppliers, purchase orders and prices', () => {
    const T = 'procure';
    let rotor: ProductDto;
    let pads: ProductDto;
    let acme: number;
    let zenith: number;

    beforeAll(async () => {
      rotor = await create({ part_number: 'R-1', name: 'Rotor' }, T);
      pads = await create({ part_number: 'P-1', name: 'Pads' }, T);
      acme = await supplier(T, 'ACME', 'Acme Auto Parts');
      zenith = await supplier(T, 'ZEN', 'Zenith Distribution');
      const po1 = await purchaseOrder(T, 'PO-1', acme, '2025-01-10', 'USD');
      await line(T, po1, 1, rotor.id, '4', '50.25');
      await line(T, po1, 2, pads.id, '10', '12.5');
      const po2 = await purchaseOrder(T, 'PO-2', zenith, '2025-03-05', null);
      await line(T, po2, 1, rotor.id, '1', '48');
      await purchaseOrder(T, 'PO-3', zenith, '2024-12-01', 'EUR');
      const po4 = await purchaseOrder(T, 'PO-4', acme, '2024-11-01', null);
      await line(T, po4, 1, rotor.id, '1', '10', 'USD');
      await line(T, po4, 2, pads.id, '1', '10', 'EUR');
    });

    it('lists suppliers by code with their purchase order counts, searchable', async () => {
      const res = await suite.http('/api/v1/catalog/suppliers', { tenant: T });
      expect(res.status).toBe(200);
      const page = (await res.json()) as SupplierPageDto;
      expect(page.meta).toEqual({ page: 1, limit: 20, total: 2 });
      expect(page.data.map((s) => [s.code, s.name, s.purchase_orders_count])).toEqual([
        ['ACME', 'Acme Auto Parts', 2],
        ['ZEN', 'Zenith Distribution', 2],
      ]);
      const found = (await (
        await suite.http('/api/v1/catalog/suppliers?q=zenith', { tenant: T })
      ).json()) as SupplierPageDto;
      expect(found.data.map((s) => s.code)).toEqual(['ZEN']);
    });

    it('lists purchase orders newest first with their lines count and total', async () => {
      const res = await suite.http('/api/v1/catalog/purchase-orders', { tenant: T });
      expect(res.status).toBe(200);
      const page = (await res.json()) as PurchaseOrderPageDto;
      expect(page.meta.total).toBe(4);
      expect(
        page.data.map((po) => [po.po_number, po.order_date, po.supplier.code, po.lines_count, po.total, po.currency]),
      ).toEqual([
        ['PO-2', '2025-03-05', 'ZEN', 1, '48', 'USD'],
        ['PO-1', '2025-01-10', 'ACME', 2, '326', 'USD'],
        ['PO-3', '2024-12-01', 'ZEN', 0, '0', 'EUR'],
        ['PO-4', '2024-11-01', 'ACME', 2, null, 'EUR'],
      ]);
      const bySupplier = (await (
        await suite.http(`/api/v1/catalog/purchase-orders?supplier_id=${acme}&limit=1`, { tenant: T })
      ).json()) as PurchaseOrderPageDto;
      expect(bySupplier.meta).toEqual({ page: 1, limit: 1, total: 2 });
      expect(bySupplier.data.map((po) => po.po_number)).toEqual(['PO-1']);
      const search = (await (
        await suite.http('/api/v1/catalog/purchase-orders?q=po-3', { tenant: T })
      ).json()) as PurchaseOrderPageDto;
      expect(search.data.map((po) => po.po_number)).toEqual(['PO-3']);
    });

    it("gives a product's price history per supplier, newest first: the prices of its purchase order lines", async () => {
      const H = 'history';
      const rotor = await create({ part_number: 'R-1', name: 'Rotor' }, H);
      const pads = await create({ part_number: 'P-1', name: 'Pads' }, H);
      const acme = await supplier(H, 'ACME', 'Acme Auto Parts');
      const zenith = await supplier(H, 'ZEN', 'Zenith Distribution');
      const lineIds: Record<string, number> = {};
      for (const [po, supplierId, day, unitPrice] of [
        ['H-1', acme, '2025-01-10', '50.25'],
        ['H-2', acme, '2024-06-01', '49.9'],
        ['H-3', acme, '2024-12-24', '52'],
        ['H-4', zenith, '2025-03-05', '48'],
        ['H-5', zenith, '2024-02-01', '47.5'],
        ['H-6', zenith, '2023-01-01', '999'],
      ] as const) {
        const poId = await purchaseOrder(H, po, supplierId, day, 'USD');
        await line(H, poId, 1, rotor.id, '1', unitPrice);
        lineIds[po] = Number(
          (await db.query(`SELECT id FROM purchase_order_lines WHERE purchase_order_id = $1`, [poId])).rows[0].id,
        );
        if (po === 'H-1') await line(H, poId, 2, pads.id, '10', '12.5');
      }
      // A price rejected as an outlier (keep_existing) is left out of the history.
      await db.query(`UPDATE purchase_order_lines SET price_excluded = true WHERE id = $1`, [lineIds['H-6']]);

      const res = await suite.http(`${PRODUCTS}/${rotor.id}/prices`, { tenant: H });
      expect(res.status).toBe(200);
      const history = (await res.json()) as ProductPriceHistoryDto;
      expect(history.product_id).toBe(rotor.id);
      expect(history.part_number).toBe('R-1');
      expect(
        history.suppliers.map((s) => [s.supplier.code, s.total, s.prices.map((p) => [p.observed_on, p.unit_price])]),
      ).toEqual([
        [
          'ZEN',
          2,
          [
            ['2025-03-05', '48'],
            ['2024-02-01', '47.5'],
          ],
        ],
        [
          'ACME',
          3,
          [
            ['2025-01-10', '50.25'],
            ['2024-12-24', '52'],
            ['2024-06-01', '49.9'],
          ],
        ],
      ]);
      expect(history.suppliers[0].prices[0]).toEqual({
        id: lineIds['H-4'],
        unit_price: '48',
        currency: 'USD',
        observed_on: '2025-03-05',
        source: 'import',
        upload_id: null,
        created_at: expect.any(String),
      });

      const limited = (await (
        await suite.http(`${PRODUCTS}/${rotor.id}/prices?supplier_id=${acme}&per_supplier=1`, { tenant: H })
      ).json()) as ProductPriceHistoryDto;
      expect(limited.suppliers).toEqual([
        expect.objectContaining({ total: 3, prices: [expect.objectContaining({ unit_price: '50.25' })] }),
      ]);
      const padsHistory = (await (
        await suite.http(`${PRODUCTS}/${pads.id}/prices`, { tenant: H })
      ).json()) as ProductPriceHistoryDto;
      expect(padsHistory.suppliers.map((s) => [s.supplier.code, s.prices.map((p) => p.unit_price)])).toEqual([
        ['ACME', ['12.5']],
      ]);
      // Another tenant sees none of it.
      await envelope(await suite.http(`${PRODUCTS}/${rotor.id}/prices`, { tenant: T }), 404, 'not_found');

      const none = await create({ part_number: 'NOPRICE', name: 'Never bought' }, H);
      expect(
        ((await (await suite.http(`${PRODUCTS}/${none.id}/prices`, { tenant: H })).json()) as ProductPriceHistoryDto)
          .suppliers,
      ).toEqual([]);
      await envelope(await suite.http(`${PRODUCTS}/99999999/prices`, { tenant: H }), 404, 'not_found');
      expect(zenith).toBeGreaterThan(0);
    });

    it("keeps purchase order lines' references whole (checked per statement, as foreign keys would)", async () => {
      const R = 'refs';
      const part = await create({ part_number: 'REF-LINE', name: 'Referenced' }, R);
      const s = await supplier(R, 'SUP-R', 'Ref Supply');
      const po = await purchaseOrder(R, 'PO-R-1', s, '2025-05-01', 'USD');
      await line(R, po, 1, part.id, '1', '3');
      const violation = async (statement: Promise<unknown>, constraint: string) => {
        const err = (await statement.then(
          () => null,
          (e: unknown) => e,
        )) as { code?: string; constraint?: string } | null;
        expect(err).toEqual(expect.objectContaining({ code: '23503', constraint }));
      };
      // A line must name an existing product and purchase order, on insert and on update.
      await violation(line(R, po, 2, 99_999_999, '1', '3'), 'purchase_order_lines_product_id_fkey');
      await violation(line(R, 99_999_999, 1, part.id, '1', '3'), 'purchase_order_lines_purchase_order_id_fkey');
      await violation(
        db.query(`UPDATE purchase_order_lines SET product_id = 99999999 WHERE purchase_order_id = $1`, [po]),
        'purchase_order_lines_product_id_fkey',
      );
      // A product on lines cannot be deleted; ids never change.
      await violation(
        db.query(`DELETE FROM products WHERE id = $1`, [part.id]),
        'purchase_order_lines_product_id_fkey',
      );
      await expect(db.query(`UPDATE products SET id = id + 1000000 WHERE id = $1`, [part.id])).rejects.toThrow(
        /products.id cannot change/,
      );
      // An order must name an existing supplier, on insert and on update; a supplier with orders cannot be deleted.
      await violation(purchaseOrder(R, 'PO-R-2', 99_999_999, '2025-05-01', 'USD'), 'purchase_orders_supplier_id_fkey');
      await violation(
        db.query(`UPDATE purchase_orders SET supplier_id = 99999999 WHERE id = $1`, [po]),
        'purchase_orders_supplier_id_fkey',
      );
      await violation(db.query(`DELETE FROM suppliers WHERE id = $1`, [s]), 'purchase_orders_supplier_id_fkey');
      await expect(db.query(`UPDATE suppliers SET id = id + 1000000 WHERE id = $1`, [s])).rejects.toThrow(
        /suppliers.id cannot change/,
      );
      // Deleting a purchase order deletes its lines; the product and the supplier can go afterwards.
      await db.query(`DELETE FROM purchase_orders WHERE id = $1`, [po]);
      expect(
        (await db.query(`SELECT count(*)::int AS n FROM purchase_order_lines WHERE purchase_order_id = $1`, [po]))
          .rows[0].n,
      ).toBe(0);
      expect((await suite.http(`${PRODUCTS}/${part.id}`, { method: 'DELETE', tenant: R })).status).toBe(204);
      expect((await db.query(`DELETE FROM suppliers WHERE id = $1`, [s])).rowCount).toBe(1);
    });

    it('refuses what the foreign keys refused: a delete that could miss a newer reference (repeatable read), a truncate of a referenced table', async () => {
      const R = 'refs-iso';
      const s = await supplier(R, 'SUP-I', 'Iso Supply');
      const unused = await supplier(R, 'SUP-J', 'Unused Supply');
      const part = await create({ part_number: 'REF-ISO', name: 'Isolated' }, R);
      const po = await purchaseOrder(R, 'PO-I-1', s, '2025-05-01', 'USD');
      await line(R, po, 1, part.id, '1', '3');
      // The per-statement check would see references as of the transaction's first snapshot only.
      for (const [table, id] of [
        ['suppliers', unused],
        ['products', part.id],
        ['purchase_orders', po],
      ] as const) {
        await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        try {
          await expect(db.query(`DELETE FROM ${table} WHERE id = $1`, [id])).rejects.toEqual(
            expect.objectContaining({
              code: '0A000',
              message: expect.stringContaining(
                `rows of ${table} can be deleted only at isolation level read committed`,
              ),
            }),
          );
        } finally {
          await db.query('ROLLBACK');
        }
        // A delete of nothing is not refused, at any level.
        await db.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
        expect((await db.query(`DELETE FROM ${table} WHERE id = -1`)).rowCount).toBe(0);
        await db.query('ROLLBACK');
      }
      for (const [table, constraint] of [
        ['suppliers', 'purchase_orders_supplier_id_fkey'],
        ['purchase_orders', 'purchase_order_lines_purchase_order_id_fkey'],
        ['products', 'purchase_order_lines_product_id_fkey'],
      ]) {
        await db.query('BEGIN');
        try {
          await expect(db.query(`TRUNCATE ${table}`)).rejects.toEqual(
            expect.objectContaining({ code: '23503', constraint }),
          );
        } finally {
          await db.query('ROLLBACK');
        }
      }
      // Together in one command they may go (rolled back: the other tests keep their rows).
      await db.query('BEGIN');
      try {
        await db.query('TRUNCATE suppliers, purchase_orders, purchase_order_lines, products');
      } finally {
        await db.query('ROLLBACK');
      }
      // At read committed the unreferenced supplier goes.
      expect((await db.query(`DELETE FROM suppliers WHERE id = $1`, [unused])).rowCount).toBe(1);
    });

    it('locks the supplier of an order being written, as a foreign key does: it cannot be deleted until that transaction ends', async () => {
      const R = 'refs-lock';
      const s = await supplier(R, 'SUP-L', 'Lock Supply');
      const other = new pg.Client({ connectionString: suite.db.url, options: '-c search_path=ingestion' });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query(`INSERT INTO purchase_orders (tenant_id, po_number, supplier_id) VALUES ($1, 'PO-L-1', $2)`, [
          R,
          s,
        ]);
        await db.query('BEGIN');
        await db.query(`SET LOCAL lock_timeout = '200ms'`);
        await expect(db.query(`DELETE FROM suppliers WHERE id = $1`, [s])).rejects.toEqual(
          expect.objectContaining({ code: '55P03' }),
        );
        await db.query('ROLLBACK');
        // Once the order is committed, the delete is refused for the reference itself.
        await other.query('COMMIT');
        await expect(db.query(`DELETE FROM suppliers WHERE id = $1`, [s])).rejects.toEqual(
          expect.objectContaining({
            code: '23503',
            constraint: 'purchase_orders_supplier_id_fkey',
            message: expect.stringContaining(`supplier ${s} is still referenced`),
          }),
        );
      } finally {
        await db.query('ROLLBACK').catch(() => undefined);
        await other.end();
      }
    });
  });

  describe('tenant isolation', () => {
    it("hides another tenant's products (404) and lets each tenant use the same part number", async () => {
      const mine = await create({ part_number: 'ISO-1', name: 'Acme only' }, 'acme');
      const other = { tenant: 'globex' };
      await envelope(await suite.http(`${PRODUCTS}/${mine.id}`, other), 404, 'not_found');
      await envelope(
        await suite.http(`${PRODUCTS}/${mine.id}`, { ...other, method: 'PATCH', json: { name: 'hijacked' } }),
        404,
        'not_found',
      );
      await envelope(await suite.http(`${PRODUCTS}/${mine.id}`, { ...other, method: 'DELETE' }), 404, 'not_found');
      await envelope(await suite.http(`${PRODUCTS}/${mine.id}/prices`, other), 404, 'not_found');
      expect((await list('q=ISO-1', 'globex')).meta.total).toBe(0);
      expect((await list('', 'globex')).data.some((p) => p.id === mine.id)).toBe(false);

      const theirs = await create({ part_number: 'ISO-1', name: 'Globex own' }, 'globex');
      expect(theirs.id).not.toBe(mine.id);
      expect(((await (await suite.http(`${PRODUCTS}/${mine.id}`)).json()) as ProductDto).name).toBe('Acme only');
      expect((await suite.http('/api/v1/catalog/suppliers', other)).status).toBe(200);
    });
  });

  describe('roles', () => {
    it('lets viewers read but not write; operators and admins write', async () => {
      const viewer = { roles: ['viewer'] };
      expect((await suite.http(PRODUCTS, viewer)).status).toBe(200);
      await envelope(
        await suite.http(PRODUCTS, { ...viewer, method: 'POST', json: { part_number: 'V-1', name: 'v' } }),
        403,
        'forbidden',
      );
      const p = await create({ part_number: 'ROLE-1', name: 'Role test' });
      await envelope(
        await suite.http(`${PRODUCTS}/${p.id}`, { ...viewer, method: 'PATCH', json: { name: 'x' } }),
        403,
        'forbidden',
      );
      await envelope(await suite.http(`${PRODUCTS}/${p.id}`, { ...viewer, method: 'DELETE' }), 403, 'forbidden');
      const operator = await suite.http(PRODUCTS, {
        roles: ['operator'],
        method: 'POST',
        json: { part_number: 'OP-1', name: 'By operator' },
      });
      expect(operator.status).toBe(201);
    });
  });

  describe('validation', () => {
    const post = (json: unknown) => suite.http(PRODUCTS, { method: 'POST', json });

    it('rejects unknown, missing, blank and mistyped fields of a new product, naming them', async () => {
      const cases: [unknown, string][] = [
        [{ part_number: 'X-1', name: 'x', price: 3 }, 'price'],
        [{ name: 'no part number' }, 'part_number'],
        [{ part_number: '   ', name: 'blank' }, 'part_number'],
        [{ part_number: ' X-2', name: 'padded' }, 'part_number'],
        [{ part_number: 'X-3' }, 'name'],
        [{ part_number: 'X-4', name: 'x', brand: 42 }, 'brand'],
        [{ part_number: 'X-5', name: 'x', attributes: ['front'] }, 'attributes'],
        [{ part_number: 'X-6', name: 'x', attributes: 'front' }, 'attributes'],
        [{ part_number: 'x'.repeat(101), name: 'long' }, 'part_number'],
      ];
      for (const [json, field] of cases) {
        const body = await envelope(await post(json), 400, 'validation_failed');
        expect({ json, fields: Object.keys(body.details ?? {}) }).toEqual({ json, fields: [field] });
      }
    });

    it('rejects null for fields that cannot be cleared, and unknown fields, in a PATCH', async () => {
      const p = await create({ part_number: 'VAL-1', name: 'Valid' });
      for (const [json, field] of [
        [{ name: null }, 'name'],
        [{ part_number: null }, 'part_number'],
        [{ description: null }, 'description'],
        [{ id: 5 }, 'id'],
      ] as const) {
        const body = await envelope(
          await suite.http(`${PRODUCTS}/${p.id}`, { method: 'PATCH', json }),
          400,
          'validation_failed',
        );
        expect(Object.keys(body.details ?? {})).toEqual([field]);
      }
    });

    it('rejects a product id that is not a positive integer', async () => {
      for (const id of ['abc', '0', '-1', '1.5', '99999999999999999999']) {
        const body = await envelope(await suite.http(`${PRODUCTS}/${id}`), 400, 'validation_failed');
        expect(body.details?.id).toBeDefined();
      }
    });

    it('rejects bad list parameters, naming them', async () => {
      for (const [query, field] of [
        ['sort=price', 'sort'],
        ['order=up', 'order'],
        ['limit=101', 'limit'],
        ['page=0', 'page'],
        ['updated_since=yesterday', 'updated_since'],
        ['color=red', 'color'],
        [`q=${'a'.repeat(201)}`, 'q'],
      ]) {
        const body = await envelope(await suite.http(`${PRODUCTS}?${query}`), 400, 'validation_failed');
        expect(Object.keys(body.details ?? {})).toEqual([field]);
      }
      const prices = await envelope(
        await suite.http(`${PRODUCTS}/1/prices?per_supplier=501`),
        400,
        'validation_failed',
      );
      expect(Object.keys(prices.details ?? {})).toEqual(['per_supplier']);
      const pos = await envelope(
        await suite.http('/api/v1/catalog/purchase-orders?supplier_id=x'),
        400,
        'validation_failed',
      );
      expect(Object.keys(pos.details ?? {})).toEqual(['supplier_id']);
    });
  });
});
