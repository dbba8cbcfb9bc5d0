import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  grantServiceRole,
  JobContext,
  serviceDataSourceOptions,
  urlForServiceRole,
  type JobRecord,
} from '@torque/platform';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { LineBlocksMerge } from '../../apps/ingestion-service/src/catalog/line-blocks.maintenance.js';
import { ingestionSchema } from '../../apps/ingestion-service/src/database/ingestion.schema.js';
import { IngestionEnv } from '../../apps/ingestion-service/src/ingestion-env.js';
import { ORDER_BLOCK_SIZE } from '../../apps/ingestion-service/src/database/migrations/1764230800000-lines-partitioned-by-order.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * The partitions of purchase order lines that large imports attach whole (LinesPartitionedByOrder):
 * opened and attached by the service's own role, which has no DDL rights, with the same reference
 * rules as lines inserted row by row.
 */
describe('purchase order line blocks (partition exchange)', () => {
  let db: TestDatabase;
  let svc: pg.Client;
  let supplierId: number;
  let productIds: number[];

  const block = (n: bigint | number) => BigInt(n) * ORDER_BLOCK_SIZE;
  const partitions = async () =>
    (
      await svc.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'ingestion.purchase_order_lines'::regclass ORDER BY 1`,
      )
    ).rows.map((r) => r.name);

  /** Opens a block, creates `orders` orders in it with 2 lines each, attaches it; in the caller's transaction. */
  async function loadBlock(orders: number, product = productIds[0]): Promise<bigint> {
    const n = BigInt((await svc.query(`SELECT ingestion.open_lines_block() AS n`)).rows[0].n);
    await svc.query(
      `INSERT INTO ingestion.purchase_orders (id, tenant_id, po_number, supplier_id)
       SELECT $1::bigint + g, 't1', 'B' || $1 || '-' || g, $2 FROM generate_series(1, $3) g`,
      [block(n).toString(), supplierId, orders],
    );
    await svc.query(
      `INSERT INTO ingestion.purchase_order_lines_b${n} (id, tenant_id, purchase_order_id, line_no, product_id, quantity, unit_price, currency)
       SELECT nextval(pg_get_serial_sequence('ingestion.purchase_order_lines', 'id')), 't1', $1::bigint + g, l, $2, 1, 10 + l, 'EUR'
       FROM generate_series(1, $3) g, generate_series(1, 2) l`,
      [block(n).toString(), product, orders],
    );
    await svc.query(`SELECT ingestion.attach_lines_block($1)`, [n.toString()]);
    return n;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    svc = new pg.Client({ connectionString: urlForServiceRole(db.url, 'ingestion') });
    await svc.connect();
    supplierId = (
      await svc.query(
        `INSERT INTO ingestion.suppliers (tenant_id, code, name) VALUES ('t1', 'S1', 'Supplier') RETURNING id`,
      )
    ).rows[0].id;
    productIds = (
      await svc.query(
        `INSERT INTO ingestion.products (tenant_id, part_number, name) VALUES ('t1', 'P1', 'One'), ('t1', 'P2', 'Two') RETURNING id`,
      )
    ).rows.map((r) => Number(r.id));
  });
  afterAll(async () => {
    await svc?.end();
    await db?.drop();
  });

  it('lets the service role attach a block, whose lines read like any other (price history included)', async () => {
    await svc.query('BEGIN');
    const n = await loadBlock(3);
    await svc.query('COMMIT');
    expect(await partitions()).toEqual([`purchase_order_lines_b${n}`, 'purchase_order_lines_main']);
    const { rows } = await svc.query(
      `SELECT count(*)::int AS lines, count(DISTINCT id)::int AS ids, min(purchase_order_id) AS low FROM ingestion.purchase_order_lines WHERE tenant_id = 't1'`,
    );
    expect(rows[0]).toEqual({ lines: 6, ids: 6, low: String(block(n) + 1n) });
    const history = await svc.query(
      `SELECT count(*)::int AS n FROM ingestion.price_history WHERE product_id = $1 AND supplier_id = $2`,
      [productIds[0], supplierId],
    );
    expect(history.rows[0].n).toBe(6);
    // The key (order, line) holds across partitions: an upsert of a line of a block order updates it.
    await svc.query(
      `INSERT INTO ingestion.purchase_order_lines (tenant_id, purchase_order_id, line_no, product_id, quantity, unit_price, currency)
       VALUES ('t1', $1, 1, $2, 5, 99, 'EUR') ON CONFLICT (purchase_order_id, line_no) DO UPDATE SET unit_price = excluded.unit_price`,
      [String(block(n) + 1n), productIds[1]],
    );
    const line = await svc.query(
      `SELECT unit_price FROM ingestion.purchase_order_lines WHERE purchase_order_id = $1 AND line_no = 1`,
      [String(block(n) + 1n)],
    );
    expect(line.rows).toEqual([{ unit_price: '99.0000' }]);
    // Ids come from the identity only: none given, none changed (no unique index spans the partitions).
    await expect(
      svc.query(
        `INSERT INTO ingestion.purchase_order_lines (id, tenant_id, purchase_order_id, line_no, product_id, quantity, unit_price, currency) VALUES (1, 't1', $1, 9, $2, 1, 1, 'EUR')`,
        [String(block(n) + 1n), productIds[0]],
      ),
    ).rejects.toThrow(/cannot insert a non-DEFAULT value into column "id"/);
    await expect(svc.query(`UPDATE ingestion.purchase_order_lines SET id = id + 1000`)).rejects.toThrow(
      /can only be updated to DEFAULT/,
    );
    // Partitions are written through the parent only, whose trigger checks the references.
    for (const partition of [`purchase_order_lines_b${n}`, 'purchase_order_lines_main']) {
      await expect(
        svc.query(
          `INSERT INTO ingestion.${partition} (id, tenant_id, purchase_order_id, line_no, product_id, quantity, unit_price, currency) VALUES (1, 't1', $1, 9, 424242, 1, 1, 'EUR')`,
          [String(block(n) + 1n)],
        ),
      ).rejects.toThrow(/permission denied/);
      await expect(svc.query(`DELETE FROM ingestion.${partition}`)).rejects.toThrow(/permission denied/);
    }
  });

  it('keeps the reference rules for lines in a block: product delete refused, order delete cascades', async () => {
    await svc.query('BEGIN');
    const n = await loadBlock(2, productIds[1]);
    await svc.query('COMMIT');
    await expect(svc.query(`DELETE FROM ingestion.products WHERE id = $1`, [productIds[1]])).rejects.toMatchObject({
      code: '23503',
      constraint: 'purchase_order_lines_product_id_fkey',
    });
    await svc.query(`DELETE FROM ingestion.purchase_orders WHERE id = $1`, [String(block(n) + 1n)]);
    const left = await svc.query(`SELECT count(*)::int AS n FROM ingestion.purchase_order_lines_b${n}`);
    expect(left.rows[0].n).toBe(2);
  });

  it('refuses to attach a block whose lines name a missing product or order, and a rollback leaves no table', async () => {
    const before = await partitions();
    await svc.query('BEGIN');
    await expect(loadBlock(1, 987654321)).rejects.toMatchObject({
      code: '23503',
      constraint: 'purchase_order_lines_product_id_fkey',
    });
    await svc.query('ROLLBACK');

    await svc.query('BEGIN');
    const n = BigInt((await svc.query(`SELECT ingestion.open_lines_block() AS n`)).rows[0].n);
    await svc.query(
      `INSERT INTO ingestion.purchase_order_lines_b${n} (id, tenant_id, purchase_order_id, line_no, product_id, quantity, unit_price, currency)
       VALUES (nextval(pg_get_serial_sequence('ingestion.purchase_order_lines', 'id')), 't1', $1, 1, $2, 1, 1, 'EUR')`,
      [String(block(n) + 7n), productIds[0]],
    );
    await expect(svc.query(`SELECT ingestion.attach_lines_block($1)`, [n.toString()])).rejects.toMatchObject({
      code: '23503',
      constraint: 'purchase_order_lines_purchase_order_id_fkey',
      message: `purchase_order_lines references purchase order ${block(n) + 7n}, which does not exist`,
    });
    await svc.query('ROLLBACK');
    expect(await partitions()).toEqual(before);
    const tables = await svc.query(
      `SELECT count(*)::int AS n FROM pg_class WHERE relname LIKE 'purchase_order_lines_b%' AND relkind = 'r'`,
    );
    expect(tables.rows[0].n).toBe(before.length - 1);
  });

  it('refuses lines outside the block range (the partition bound is checked on attach)', async () => {
    await svc.query('BEGIN');
    const n = BigInt((await svc.query(`SELECT ingestion.open_lines_block() AS n`)).rows[0].n);
    const orderId = (
      await svc.query(
        `INSERT INTO ingestion.purchase_orders (tenant_id, po_number, supplier_id) VALUES ('t1', 'MAIN-1', $1) RETURNING id`,
        [supplierId],
      )
    ).rows[0].id;
    await svc.query(
      `INSERT INTO ingestion.purchase_order_lines_b${n} (id, tenant_id, purchase_order_id, line_no, product_id, quantity, unit_price, currency)
       VALUES (nextval(pg_get_serial_sequence('ingestion.purchase_order_lines', 'id')), 't1', $1, 1, $2, 1, 1, 'EUR')`,
      [orderId, productIds[0]],
    );
    await expect(svc.query(`SELECT ingestion.attach_lines_block($1)`, [n.toString()])).rejects.toThrow(
      /violated by some row/,
    );
    await svc.query('ROLLBACK');
  });

  it('merges block partitions into one, over the numbers of rolled-back blocks, leaving partitions of a quarter of max_lines or more', async () => {
    // So far: blocks 1 (6 lines) and 2 (2 lines left, 4 by the estimate) are attached; 3, 4 and 5 were rolled back.
    const loaded: bigint[] = [];
    for (let i = 0; i < 3; i++) {
      await svc.query('BEGIN');
      loaded.push(await loadBlock(2));
      await svc.query('COMMIT');
    }
    expect(loaded).toEqual([6n, 7n, 8n]);
    const lines = async () =>
      (
        await svc.query(
          `SELECT count(*)::int AS n, sum(id)::text AS ids, sum(unit_price)::text AS prices FROM ingestion.purchase_order_lines`,
        )
      ).rows[0];
    const before = await lines();
    const merge = async (maxLines: number) =>
      (await svc.query(`SELECT * FROM ingestion.compact_lines_blocks($1)`, [maxLines])).rows;

    expect(await merge(3)).toEqual([]);
    expect(await merge(1000)).toEqual([{ partition: 'purchase_order_lines_b1_8', merged: 5, lines: '20' }]);
    expect(await merge(1000)).toEqual([]);
    expect(await partitions()).toEqual(['purchase_order_lines_b1_8', 'purchase_order_lines_main']);
    expect(await lines()).toEqual(before);

    // The merged partition keeps the key, the references and the write rule.
    await expect(
      svc.query(
        `INSERT INTO ingestion.purchase_order_lines (tenant_id, purchase_order_id, line_no, product_id, quantity, unit_price, currency) VALUES ('t1', $1, 1, $2, 1, 1, 'EUR')`,
        [String(block(7) + 1n), productIds[0]],
      ),
    ).rejects.toMatchObject({ code: '23505' });
    await expect(svc.query(`DELETE FROM ingestion.products WHERE id = $1`, [productIds[0]])).rejects.toMatchObject({
      code: '23503',
    });
    await expect(svc.query(`DELETE FROM ingestion.purchase_order_lines_b1_8`)).rejects.toThrow(/permission denied/);

    // A new block merges with it ...
    await svc.query('BEGIN');
    expect(await loadBlock(1)).toBe(9n);
    await svc.query('COMMIT');
    expect(await merge(1000)).toEqual([{ partition: 'purchase_order_lines_b1_9', merged: 2, lines: '22' }]);
    // ... unless the merged one holds a quarter of max_lines or more: it is not rewritten every night.
    await svc.query('BEGIN');
    expect(await loadBlock(1)).toBe(10n);
    await svc.query('COMMIT');
    expect(await merge(80)).toEqual([]);
    expect(await partitions()).toEqual([
      'purchase_order_lines_b10',
      'purchase_order_lines_b1_9',
      'purchase_order_lines_main',
    ]);
  });

  it('runs the merge as a step of the nightly clean-up, and leaves it to the next night while a block is being loaded', async () => {
    const env = Object.assign(new IngestionEnv(), { IMPORT_BLOCKS_MERGE_LOCK_TIMEOUT_MS: 300 });
    const ds = new DataSource(
      serviceDataSourceOptions({ url: urlForServiceRole(db.url, 'ingestion'), ...ingestionSchema, poolSize: 2 }),
    );
    await ds.initialize();
    const other = new pg.Client({ connectionString: urlForServiceRole(db.url, 'ingestion') });
    await other.connect();
    try {
      const job = {
        id: '9d1c1d2e-0000-4000-8000-00000000b10c',
        counts: {},
        cancel_requested_at: null,
      } as unknown as JobRecord;
      const ctx = () => new JobContext(job, new AbortController().signal, { progress: async () => job });
      const step = new LineBlocksMerge(ds, env);
      for (let i = 0; i < 2; i++) {
        await svc.query('BEGIN');
        expect(await loadBlock(1)).toBe(BigInt(11 + i));
        await svc.query('COMMIT');
      }
      // An import is loading block 13: the merge waits 300 ms for it, then gives up without failing.
      await other.query('BEGIN');
      expect((await other.query(`SELECT ingestion.open_lines_block() AS n`)).rows[0].n).toBe('13');
      const deferred = ctx();
      await step.run(deferred);
      expect(deferred.counts).toEqual({ line_partition_merges_deferred: 1 });
      // That import rolls back: the next run merges over its number.
      await other.query('ROLLBACK');
      const done = ctx();
      await step.run(done);
      expect(done.counts).toEqual({ line_partitions_merged: 4 });
      expect(await partitions()).toEqual(['purchase_order_lines_b1_12', 'purchase_order_lines_main']);
      // With nothing to merge the lines are not locked at all: a block being loaded does not defer anything.
      await other.query('BEGIN');
      await other.query(`SELECT ingestion.open_lines_block()`);
      const idle = ctx();
      await step.run(idle);
      expect(idle.counts).toEqual({});
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      await other.end();
      await ds.destroy();
    }
  });

  it('migrates down to one plain table with every line (and the foreign key to suppliers) and up again', async () => {
    const count = async () =>
      (await svc.query(`SELECT count(*)::int AS n, sum(id)::text AS ids FROM ingestion.purchase_order_lines`)).rows[0];
    const before = await count();
    const ds = new DataSource(serviceDataSourceOptions({ url: db.url, ...ingestionSchema, poolSize: 1 }));
    await ds.initialize();
    try {
      const supplierKey = async () =>
        (
          await svc.query(
            `SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'purchase_orders_supplier_id_fkey' AND contype = 'f'`,
          )
        ).rows[0].n;
      // OrderReferencesPerStatement first: the foreign key to suppliers comes back.
      await ds.undoLastMigration({ transaction: 'each' });
      expect(await supplierKey()).toBe(1);
      await ds.undoLastMigration({ transaction: 'each' });
      expect(await partitions()).toEqual([]);
      expect(await count()).toEqual(before);
      const key = await svc.query(
        `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'purchase_order_lines_pkey'`,
      );
      expect(key.rows).toEqual([{ def: 'PRIMARY KEY (id)' }]);
      await ds.runMigrations({ transaction: 'each' });
      expect(await supplierKey()).toBe(0);
    } finally {
      await ds.destroy();
    }
    // As `npm run migrate` does after the migrations.
    await grantServiceRole(db.url, 'ingestion');
    expect(await partitions()).toEqual(['purchase_order_lines_main']);
    expect(await count()).toEqual(before);
    // New lines take ids after the existing ones.
    const orderId = (await svc.query(`SELECT id FROM ingestion.purchase_orders ORDER BY id LIMIT 1`)).rows[0].id;
    const { rows } = await svc.query(
      `INSERT INTO ingestion.purchase_order_lines (tenant_id, purchase_order_id, line_no, product_id, quantity, unit_price, currency)
       VALUES ('t1', $1, 100, $2, 1, 1, 'EUR') RETURNING id`,
      [orderId, productIds[0]],
    );
    const max = await svc.query(`SELECT max(id) AS id FROM ingestion.purchase_order_lines WHERE line_no <> 100`);
    expect(BigInt(rows[0].id)).toBeGreaterThan(BigInt(max.rows[0].id));
    // Blocks go on after the orders of the old ones (which the main partition now holds).
    await svc.query('BEGIN');
    const n = await loadBlock(1);
    await svc.query('COMMIT');
    expect(await partitions()).toEqual([`purchase_order_lines_b${n}`, 'purchase_order_lines_main']);
  });
});
