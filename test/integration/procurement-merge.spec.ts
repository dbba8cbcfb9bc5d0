import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { urlForServiceRole } from '@torque/platform';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  mergeProcurement,
  PROCUREMENT_STAGE,
  type MergeOutcome,
} from '../../apps/ingestion-service/src/imports/pipeline/merge.sql.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** A staged row: [PO, line (null: the file leaves it blank), part, quantity, unit price, order date]. */
type Row = [po: string, line: number | null, part: string, qty: number, price: number, date?: string];

/**
 * The merge of a procurement file into the catalog, run as the import runs it (the service's role, one
 * transaction, a staging table), several at once where the order of their steps matters: how rows of orders
 * that exist find their lines, and that imports running side by side wait for each other instead of deadlocking.
 */
describe('procurement merge', () => {
  let db: TestDatabase;
  const clients: pg.Client[] = [];

  async function connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: urlForServiceRole(db.url, 'ingestion'),
      options: '-c search_path=ingestion',
    });
    await client.connect();
    clients.push(client);
    return client;
  }

  /**
   * Merges `rows` for `tenant` on a connection of its own and commits; `pauseAt` holds the merge at the start of
   * the step whose message begins so (it resolves `paused`, then waits for `resume`).
   */
  function merge(
    tenant: string,
    rows: Row[],
    opts: { upsert?: boolean; numbersLines?: boolean; pauseAt?: string; resume?: Promise<void> } = {},
  ) {
    let paused!: () => void;
    const reached = new Promise<void>((resolve) => (paused = resolve));
    const done = (async (): Promise<MergeOutcome | { code: string; message: string }> => {
      const client = await connect();
      const sql = (text: string, params?: unknown[]) => client.query(text, params);
      await sql('BEGIN');
      try {
        await sql(PROCUREMENT_STAGE);
        for (const [i, [po, line, part, qty, price, date]] of rows.entries()) {
          await sql(`INSERT INTO stage VALUES ($1, $2, $3, 'S1', 'Supplier One', $4, NULL, $5, $6, 'EUR', $7)`, [
            i + 2,
            po,
            line,
            part,
            qty,
            price,
            date ?? '2024-01-01',
          ]);
        }
        const outcome = await mergeProcurement(
          sql,
          {
            tenantId: tenant,
            uploadId: randomUUID(),
            upsert: opts.upsert ?? false,
            namesSuppliers: true,
            numbersLines: opts.numbersLines ?? rows.some((r) => r[1] !== null),
            productFields: { name: false, description: false, brand: false, category: false },
            conflictCap: 100,
            // No price is an outlier here (a conflict would need an upload row).
            outlierPct: 1_000_000,
            blockMinLines: Number.POSITIVE_INFINITY,
          },
          async (message) => {
            if (opts.pauseAt && message.startsWith(opts.pauseAt)) {
              paused();
              await opts.resume;
            }
          },
        );
        await sql('COMMIT');
        return outcome;
      } catch (err) {
        await sql('ROLLBACK');
        return { code: (err as { code: string }).code, message: (err as Error).message };
      }
    })();
    return { reached, done };
  }

  async function lines(tenant: string, po: string): Promise<string[]> {
    const client = clients[0] ?? (await connect());
    const { rows } = await client.query(
      `SELECT l.line_no || ':' || p.part_number || ' ' || l.quantity::int || '@' || l.unit_price::int AS line
       FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.purchase_order_id JOIN products p ON p.id = l.product_id
       WHERE o.tenant_id = $1 AND o.po_number = $2 ORDER BY l.line_no`,
      [tenant, po],
    );
    return rows.map((r) => String(r.line));
  }

  /** A promise and its resolve. */
  function gate(): { open: () => void; opened: Promise<void> } {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const c of clients) await c.end().catch(() => undefined);
    await db?.drop();
  });

  it('puts a row that names its line on that line and one that names none on a line of its part that no row names', async () => {
    const T = 'mixed';
    await merge(T, [
      ['M-1', 1, 'A', 1, 10],
      ['M-1', 2, 'B', 2, 20],
    ]).done;
    // Line 1 is named by the first row; the second (part A, no line) may not take it: it is added.
    const upsert = await merge(
      T,
      [
        ['M-1', 1, 'A', 5, 50],
        ['M-1', null, 'A', 6, 60],
      ],
      { upsert: true },
    ).done;
    expect((upsert as MergeOutcome).counts).toEqual(
      expect.objectContaining({ updated_lines: 1, unchanged_lines: 0, created_lines: 1 }),
    );
    expect(await lines(T, 'M-1')).toEqual(['1:A 5@50', '2:B 2@20', '3:A 6@60']);
    // Insert mode: line 2 is named (left as it is); B without a line finds no other line of B, so it is added.
    const insert = await merge(T, [
      ['M-1', 2, 'B', 7, 70],
      ['M-1', null, 'B', 8, 80],
    ]).done;
    expect((insert as MergeOutcome).counts).toEqual(expect.objectContaining({ created_lines: 1, unchanged_lines: 1 }));
    expect(await lines(T, 'M-1')).toEqual(['1:A 5@50', '2:B 2@20', '3:A 6@60', '4:B 8@80']);
  });

  it('numbers the rows of a new order that leave the line blank after the lines the file names', async () => {
    const T = 'blank';
    const outcome = await merge(T, [
      ['Z-1', null, 'F', 1, 10],
      ['Z-1', 1, 'G', 1, 11],
      ['Z-1', null, 'H', 1, 12],
    ]).done;
    expect((outcome as MergeOutcome).counts).toEqual(expect.objectContaining({ created_pos: 1, created_lines: 3 }));
    expect(await lines(T, 'Z-1')).toEqual(['1:G 1@11', '2:F 1@10', '3:H 1@12']);
  });

  it('lets an upsert that changes one order and an insert of two wait for each other, not deadlock', async () => {
    const T = 'locks-1';
    await merge(T, [
      ['P1', null, 'A', 1, 10],
      ['P2', null, 'A', 1, 10],
    ]).done;
    // A changes only P2's order date, then holds before its lines; B adds lines to P1 and P2.
    const resume = gate();
    const a = merge(
      T,
      [
        ['P1', null, 'A', 1, 10],
        ['P2', null, 'A', 1, 10, '2024-02-02'],
      ],
      { upsert: true, pauseAt: 'Merging purchase order lines', resume: resume.opened },
    );
    await a.reached;
    const b = merge(T, [
      ['P1', null, 'B', 1, 1],
      ['P2', null, 'B', 1, 1],
    ]);
    await new Promise((r) => setTimeout(r, 300));
    resume.open();
    const [outA, outB] = await Promise.all([a.done, b.done]);
    expect(outA).toEqual(expect.objectContaining({ counts: expect.objectContaining({ updated_pos: 1 }) }));
    expect(outB).toEqual(expect.objectContaining({ counts: expect.objectContaining({ created_lines: 2 }) }));
  });

  it("lets an import wait for another's new order before it locks the orders that exist, not deadlock", async () => {
    const T = 'locks-2';
    await merge(T, [['P1', null, 'A', 1, 10]]).done;
    // D creates X and adds to P1, then holds; C (upsert) changes P1 and also has X.
    const resume = gate();
    const d = merge(
      T,
      [
        ['X', null, 'A', 1, 10],
        ['P1', null, 'B', 1, 10],
      ],
      { pauseAt: 'Merging purchase order lines', resume: resume.opened },
    );
    await d.reached;
    const c = merge(
      T,
      [
        ['P1', null, 'A', 1, 10, '2024-03-03'],
        ['X', null, 'C', 1, 10],
      ],
      { upsert: true },
    );
    await new Promise((r) => setTimeout(r, 300));
    resume.open();
    const [outD, outC] = await Promise.all([d.done, c.done]);
    expect(outD).toEqual(
      expect.objectContaining({ counts: expect.objectContaining({ created_pos: 1, created_lines: 2 }) }),
    );
    expect(outC).toEqual(
      expect.objectContaining({
        counts: expect.objectContaining({ created_pos: 0, updated_pos: 1, created_lines: 1 }),
      }),
    );
    expect(await lines(T, 'X')).toEqual(['1:A 1@10', '2:C 1@10']);
  });
});
