import type { ImportCounts } from '@torque/contracts';
import { ORDER_BLOCK_SIZE } from '../../database/migrations/1764230800000-lines-partitioned-by-order.js';

/** Runs one statement on the import's connection (inside its transaction). */
export type Sql = (
  text: string,
  params?: unknown[],
) => Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;

export interface MergeParams {
  tenantId: string;
  uploadId: string;
  upsert: boolean;
  /** The file has a supplier name column (else supplier names are left alone). */
  namesSuppliers: boolean;
  /** The file numbers its lines (else a line's number is its position within the PO in the file). */
  numbersLines: boolean;
  /** Fields a products file fills (the others are left alone on update). */
  productFields: { name: boolean; description: boolean; brand: boolean; category: boolean };
  conflictCap: number;
  outlierPct: number;
  /** New purchase orders with at least this many lines in the file get a partition of lines of their own. */
  blockMinLines: number;
}

export interface MergeOutcome {
  counts: Partial<ImportCounts>;
  createdProductIds: number[];
  updatedProductIds: number[];
  /** Products on this file's purchase order lines (their price history got or kept a line). */
  pricedProductIds: number[];
  duplicateRows: number;
  /** Staged rows not imported because a later row had the same key. */
  droppedRows: number;
  priceOutliers: number;
  /** Rows dropped as repeats of a later row with the same key (the last one wins). */
  duplicateWarnings: { row: number; key: string }[];
  /** A supplier code with another name on other rows of the file: the first row with each other name (`used` is the one imported). */
  nameWarnings: { row: number; code: string; name: string; used: string }[];
}

const int = (v: unknown) => Number(v ?? 0);

/** Runs `fn` as a named step, so progress shows which part of the merge is running. */
export type Step = (message: string) => Promise<void>;

/** Staging table of a procurement file (one row per valid file row), dropped at the end of the transaction. */
export const PROCUREMENT_STAGE = `
  CREATE TEMP TABLE stage (
    row_no        integer        NOT NULL,
    po_number     text           NOT NULL,
    line_no       integer,
    supplier_code text           NOT NULL,
    supplier_name text,
    part_number   text           NOT NULL,
    description   text,
    quantity      numeric(18,4)  NOT NULL,
    unit_price    numeric(18,4)  NOT NULL,
    currency      char(3)        NOT NULL,
    order_date    date
  ) ON COMMIT DROP`;

export const PRODUCTS_STAGE = `
  CREATE TEMP TABLE stage (
    row_no      integer NOT NULL,
    part_number text    NOT NULL,
    name        text,
    description text,
    brand       text,
    category    text,
    attributes  jsonb
  ) ON COMMIT DROP`;

/**
 * Merges a staged procurement file into the catalog, set-based: the distinct suppliers, products and
 * purchase orders of the file are upserted first (small sets), each into a key -> id map table, then
 * all lines go in with one INSERT ... SELECT, joined through the maps. The lines are the price history.
 */
export async function mergeProcurement(sql: Sql, p: MergeParams, step: Step): Promise<MergeOutcome> {
  const counts: Partial<ImportCounts> = {};
  const t = p.tenantId;
  await step('Analysing the staged rows');
  await sql(`ANALYZE stage`);

  const duplicateWarnings: MergeOutcome['duplicateWarnings'] = [];
  if (p.numbersLines) {
    // Two rows for the same PO line: the last one wins, the others are reported.
    const { rows } = await sql(
      `DELETE FROM stage s USING (
         SELECT po_number, line_no, max(row_no) AS keep FROM stage WHERE line_no IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1
       ) d
       WHERE s.po_number = d.po_number AND s.line_no = d.line_no AND s.row_no <> d.keep
       RETURNING s.row_no, s.po_number || ' line ' || s.line_no AS key`,
    );
    for (const r of rows) duplicateWarnings.push({ row: int(r.row_no), key: String(r.key) });
  }

  await step('Finding the suppliers, materials and purchase orders of the file');
  // A code named differently on some rows: the alphabetically first name is used, the others are reported.
  await sql(`CREATE TEMP TABLE in_suppliers ON COMMIT DROP AS
               SELECT supplier_code AS code, min(supplier_name) AS name, max(supplier_name) AS other_name FROM stage GROUP BY supplier_code`);
  await sql(`CREATE TEMP TABLE in_products ON COMMIT DROP AS
               SELECT part_number, min(description) AS description FROM stage GROUP BY part_number`);
  await sql(`CREATE TEMP TABLE in_pos ON COMMIT DROP AS
               SELECT po_number, min(supplier_code) AS supplier_code, min(order_date) AS order_date,
                      min(currency) AS currency, min(row_no) AS first_row, max(line_no) AS max_line, count(*) AS lines,
                      -- rows repeating another's (order, part) without line numbers; with them, repeated (order, line)
                      -- rows were removed above (and are warnings), and rows leaving the line blank are lines of their own
                      ${p.numbersLines ? '0' : 'count(*) - count(DISTINCT part_number)'} AS repeats
               FROM stage GROUP BY po_number`);
  await sql(`ANALYZE in_suppliers, in_products, in_pos`);

  const nameWarnings: MergeOutcome['nameWarnings'] = [];
  if (p.namesSuppliers && (await sql(`SELECT 1 FROM in_suppliers WHERE name <> other_name LIMIT 1`)).rows.length) {
    const { rows } = await sql(
      `SELECT min(s.row_no) AS row_no, s.supplier_code AS code, s.supplier_name AS name, i.name AS used
       FROM stage s JOIN in_suppliers i ON i.code = s.supplier_code AND i.name <> i.other_name
       WHERE lower(btrim(s.supplier_name)) <> lower(btrim(i.name))
       GROUP BY s.supplier_code, s.supplier_name, i.name ORDER BY 1 LIMIT $1`,
      [p.conflictCap],
    );
    for (const r of rows)
      nameWarnings.push({ row: int(r.row_no), code: String(r.code), name: String(r.name), used: String(r.used) });
  }

  await step('Merging suppliers');
  if (p.namesSuppliers) {
    const { rowCount } = await sql(
      `INSERT INTO import_conflicts (tenant_id, upload_id, entity, entity_id, entity_key, field, existing_value, incoming_value, applied, message)
       SELECT $1, $2, 'supplier', s.id, i.code, 'name', s.name, i.name, $3,
              format('Supplier %s is called "%s" in the catalog but "%s" in the file', i.code, s.name, i.name)
       FROM in_suppliers i JOIN suppliers s ON s.tenant_id = $1 AND s.code = i.code
       WHERE i.name IS NOT NULL AND lower(btrim(s.name)) <> lower(btrim(i.name))
       ORDER BY i.code LIMIT $4`,
      [t, p.uploadId, p.upsert ? 'incoming' : 'existing', p.conflictCap],
    );
    counts.conflicts = rowCount ?? 0;
  }
  if (p.upsert && p.namesSuppliers) {
    const { rowCount } = await sql(
      `UPDATE suppliers s SET name = i.name, updated_at = now()
       FROM in_suppliers i
       WHERE s.tenant_id = $1 AND s.code = i.code AND i.name IS NOT NULL AND s.name IS DISTINCT FROM i.name`,
      [t],
    );
    counts.updated_suppliers = rowCount ?? 0;
  }
  await sql(
    `CREATE TEMP TABLE map_suppliers ON COMMIT DROP AS
               SELECT s.id, s.code FROM suppliers s JOIN in_suppliers i ON s.tenant_id = $1 AND s.code = i.code`,
    [t],
  );
  counts.created_suppliers =
    (
      await sql(
        `WITH ins AS (
         INSERT INTO suppliers (tenant_id, code, name)
         SELECT $1, i.code, coalesce(i.name, i.code) FROM in_suppliers i
         WHERE NOT EXISTS (SELECT 1 FROM map_suppliers m WHERE m.code = i.code)
         ORDER BY i.code
         ON CONFLICT (tenant_id, code) DO NOTHING
         RETURNING id, code)
       INSERT INTO map_suppliers SELECT id, code FROM ins`,
        [t],
      )
    ).rowCount ?? 0;
  await fillMap(
    sql,
    'map_suppliers',
    `SELECT s.id, s.code FROM suppliers s JOIN in_suppliers i ON s.tenant_id = $1 AND s.code = i.code
                                       WHERE NOT EXISTS (SELECT 1 FROM map_suppliers m WHERE m.code = i.code)`,
    t,
  );

  await step('Merging materials');
  await sql(
    `CREATE TEMP TABLE map_products ON COMMIT DROP AS
               SELECT p.id, p.part_number, false AS created FROM products p JOIN in_products i ON p.tenant_id = $1 AND p.part_number = i.part_number`,
    [t],
  );
  counts.created_materials =
    (
      await sql(
        `WITH ins AS (
         INSERT INTO products (tenant_id, part_number, name, description)
         SELECT $1, i.part_number, coalesce(i.description, i.part_number), coalesce(i.description, '') FROM in_products i
         WHERE NOT EXISTS (SELECT 1 FROM map_products m WHERE m.part_number = i.part_number)
         ORDER BY i.part_number
         ON CONFLICT (tenant_id, part_number) DO NOTHING
         RETURNING id, part_number)
       INSERT INTO map_products SELECT id, part_number, true FROM ins`,
        [t],
      )
    ).rowCount ?? 0;
  await fillMap(
    sql,
    'map_products',
    `SELECT p.id, p.part_number, false FROM products p JOIN in_products i ON p.tenant_id = $1 AND p.part_number = i.part_number
                                      WHERE NOT EXISTS (SELECT 1 FROM map_products m WHERE m.part_number = i.part_number)`,
    t,
  );
  await sql(`ANALYZE map_suppliers, map_products`);
  const existingProducts = int((await sql(`SELECT count(*) AS n FROM map_products WHERE NOT created`)).rows[0].n);

  await step('Merging purchase orders');
  await sql(
    `CREATE TEMP TABLE map_pos ON COMMIT DROP AS
               SELECT po.id, po.po_number, i.first_row, i.max_line, false AS created
               FROM purchase_orders po JOIN in_pos i ON po.tenant_id = $1 AND po.po_number = i.po_number`,
    [t],
  );
  // Many new lines: the new orders get ids from a block of their own, so that their lines can be
  // written into a new table and attached as a partition, indexes built once (see LinesPartitionedByOrder).
  const newLines = int(
    (
      await sql(
        `SELECT coalesce(sum(i.lines), 0) AS n FROM in_pos i WHERE NOT EXISTS (SELECT 1 FROM map_pos m WHERE m.po_number = i.po_number)`,
      )
    ).rows[0].n,
  );
  const block =
    newLines >= p.blockMinLines ? String((await sql(`SELECT open_lines_block() AS block`)).rows[0].block) : null;
  const blockId = block
    ? { column: 'id, ', value: `${block}::bigint * ${ORDER_BLOCK_SIZE} + row_number() OVER (ORDER BY i.po_number), ` }
    : { column: '', value: '' };
  counts.created_pos =
    (
      await sql(
        `WITH ins AS (
         INSERT INTO purchase_orders (${blockId.column}tenant_id, po_number, supplier_id, order_date, currency)
         SELECT ${blockId.value}$1, i.po_number, s.id, i.order_date, i.currency FROM in_pos i JOIN map_suppliers s ON s.code = i.supplier_code
         WHERE NOT EXISTS (SELECT 1 FROM map_pos m WHERE m.po_number = i.po_number)
         ORDER BY i.po_number
         ON CONFLICT (tenant_id, po_number) DO NOTHING
         RETURNING id, po_number)
       INSERT INTO map_pos (id, po_number, first_row, max_line, created) SELECT ins.id, ins.po_number, i.first_row, i.max_line, true FROM ins JOIN in_pos i USING (po_number)`,
        [t],
      )
    ).rowCount ?? 0;
  await fillMap(
    sql,
    'map_pos',
    `SELECT po.id, po.po_number, i.first_row, i.max_line, false FROM purchase_orders po JOIN in_pos i ON po.tenant_id = $1 AND po.po_number = i.po_number
                                 WHERE NOT EXISTS (SELECT 1 FROM map_pos m WHERE m.po_number = i.po_number)`,
    t,
  );
  await sql(`ANALYZE map_pos`);
  const existingPos = int((await sql(`SELECT count(*) AS n FROM map_pos WHERE NOT created`)).rows[0].n);
  if (existingPos > 0) {
    // The orders that existed are locked, in id order, for what follows: their update, and lines numbered after
    // their last one (two imports adding lines to one order number them one after the other). Only now, after
    // the new orders: an import waiting above for another's new order (ON CONFLICT) holds no order lock yet
    // that the other could be waiting for.
    await sql(
      `SELECT 1 FROM purchase_orders WHERE id IN (SELECT id FROM map_pos WHERE NOT created) ORDER BY id FOR NO KEY UPDATE`,
    );
    if (p.upsert) {
      const { rowCount } = await sql(
        `UPDATE purchase_orders po
         SET supplier_id = s.id, order_date = coalesce(i.order_date, po.order_date), currency = i.currency, updated_at = now()
         FROM map_pos m JOIN in_pos i USING (po_number) JOIN map_suppliers s ON s.code = i.supplier_code
         WHERE po.id = m.id AND NOT m.created
           AND (po.supplier_id, po.order_date, po.currency) IS DISTINCT FROM (s.id, coalesce(i.order_date, po.order_date), i.currency::bpchar)`,
      );
      counts.updated_pos = rowCount ?? 0;
    }
  }

  await step('Merging purchase order lines');
  // Lines of purchase orders created just now cannot exist yet: a plain INSERT, cheaper than ON CONFLICT's speculative
  // one. A block's table has no identity of its own: its ids come from the lines' sequence ($3).
  const insertLines = (table: string, rows: string, id = '') =>
    `INSERT INTO ${table} (${id && 'id, '}tenant_id, purchase_order_id, line_no, product_id, quantity, unit_price, currency, upload_id)
     SELECT ${id && `${id}, `}$1, n.po_id, n.line_no, n.product_id, n.quantity, n.unit_price, n.currency, $2 FROM (${rows}) n`;
  const createdLines = (lineNo: string, where = '') => `
    SELECT po.id AS po_id, ${lineNo} AS line_no, p.id AS product_id, s.quantity, s.unit_price, s.currency
    FROM stage s JOIN map_pos po ON po.created AND po.po_number = s.po_number JOIN map_products p ON p.part_number = s.part_number ${where}`;
  // Without a line column, a line's number is its position among the PO's rows in the file; with one, a row that
  // leaves it blank comes after the highest line the file names for its order.
  const created = p.numbersLines
    ? [
        createdLines('s.line_no', 'WHERE s.line_no IS NOT NULL'),
        createdLines(
          'coalesce(po.max_line, 0) + row_number() OVER (PARTITION BY po.id ORDER BY s.row_no)',
          'WHERE s.line_no IS NULL',
        ),
      ]
    : [createdLines('s.row_no - po.first_row + 1')];
  counts.created_lines = 0;
  const sequence = block
    ? String((await sql(`SELECT pg_get_serial_sequence('purchase_order_lines', 'id') AS seq`)).rows[0].seq)
    : null;
  for (const rows of created) {
    const insert = block
      ? sql(insertLines(`purchase_order_lines_b${block}`, rows, 'nextval($3::regclass)'), [t, p.uploadId, sequence])
      : sql(insertLines('purchase_order_lines', rows), [t, p.uploadId]);
    counts.created_lines += (await insert).rowCount ?? 0;
  }
  if (existingPos > 0) {
    const { updated, created, unchanged } = await mergeLinesOfExistingOrders(sql, p, insertLines);
    counts.created_lines += created;
    counts.updated_lines = updated;
    counts.unchanged_lines = unchanged;
  }
  // Last of the writes to lines: attaching holds a lock on the lines that another large import's attach waits
  // for until this import ends, so nothing after it may wait for a row that import holds.
  if (block) await sql(`SELECT attach_lines_block($1)`, [block]);

  // Each new line is a new point of its product's price history (the price_history view reads the lines).
  counts.created_prices = counts.created_lines;

  await step('Checking data quality');
  let priceOutliers = 0;
  if (existingProducts > 0) {
    // This upload's prices of products with a history, compared with the average of that history
    // (per supplier and currency, the lines of other uploads and of no upload).
    await sql(
      `CREATE TEMP TABLE outliers ON COMMIT DROP AS
       WITH known AS (SELECT id FROM map_products WHERE NOT created),
       hist AS (
         SELECT h.product_id, h.supplier_id, h.currency, avg(h.unit_price) AS avg_price
         FROM price_history h JOIN known k ON k.id = h.product_id
         WHERE h.upload_id IS DISTINCT FROM $1
         GROUP BY 1, 2, 3)
       SELECT h.id AS line_id, h.product_id, h.supplier_id, h.unit_price, h.currency, h.observed_on, round(a.avg_price, 4) AS avg_price
       FROM price_history h JOIN known k ON k.id = h.product_id
       JOIN hist a ON a.product_id = h.product_id AND a.supplier_id = h.supplier_id AND a.currency = h.currency
       WHERE h.upload_id = $1 AND a.avg_price > 0 AND abs(h.unit_price - a.avg_price) > a.avg_price * $2 / 100.0`,
      [p.uploadId, p.outlierPct],
    );
    priceOutliers = int((await sql(`SELECT count(*) AS n FROM outliers`)).rows[0].n);
    const { rowCount } = await sql(
      `INSERT INTO import_conflicts (tenant_id, upload_id, entity, entity_id, entity_key, field, existing_value, incoming_value, applied, message)
       SELECT $1, $2, 'price', o.line_id, pr.part_number || ' @ ' || su.code, 'unit_price', o.avg_price::text, o.unit_price::text, 'incoming',
              format('Price %s %s of %s from %s is %s%% away from its history (average %s)', o.unit_price, o.currency, pr.part_number, su.code,
                     round(abs(o.unit_price - o.avg_price) * 100 / o.avg_price), o.avg_price)
       FROM (SELECT * FROM outliers ORDER BY product_id, supplier_id, observed_on, line_id LIMIT $3) o
       JOIN products pr ON pr.id = o.product_id JOIN suppliers su ON su.id = o.supplier_id`,
      [t, p.uploadId, Math.max(0, p.conflictCap - (counts.conflicts ?? 0))],
    );
    counts.conflicts = (counts.conflicts ?? 0) + (rowCount ?? 0);
  }
  const duplicateRows =
    duplicateWarnings.length + int((await sql(`SELECT coalesce(sum(repeats), 0) AS n FROM in_pos`)).rows[0].n);

  const createdProductIds = (await sql(`SELECT id FROM map_products WHERE created ORDER BY id`)).rows.map((r) =>
    int(r.id),
  );
  const pricedProductIds = (await sql(`SELECT id FROM map_products ORDER BY id`)).rows.map((r) => int(r.id));
  return {
    counts,
    createdProductIds,
    updatedProductIds: [],
    pricedProductIds,
    duplicateRows,
    droppedRows: duplicateWarnings.length,
    priceOutliers,
    duplicateWarnings,
    nameWarnings,
  };
}

/**
 * The file's rows for purchase orders that existed before (locked by the caller): each goes to the line it names
 * (a line column), or else to a line of the order that holds its part and that no row of the file names (the k-th
 * row of a part to the k-th such line, by line number), or is added after the order's last line (and after the
 * last one the file names). Upsert updates the lines found where they differ, insert leaves them; so a file
 * imported again, or the fixed rows of a rejected-rows report, never overwrite another part's line nor lose a row.
 */
async function mergeLinesOfExistingOrders(
  sql: Sql,
  p: MergeParams,
  insertLines: (table: string, rows: string) => string,
): Promise<{ updated: number; created: number; unchanged: number }> {
  await sql(`
    CREATE TEMP TABLE existing_lines ON COMMIT DROP AS
    WITH incoming AS (
      SELECT po.id AS po_id, s.row_no, s.line_no AS named_line, p.id AS product_id, s.quantity, s.unit_price, s.currency,
             row_number() OVER (PARTITION BY po.id, p.id, s.line_no IS NULL ORDER BY s.row_no) AS occurrence
      FROM stage s JOIN map_pos po ON NOT po.created AND po.po_number = s.po_number JOIN map_products p ON p.part_number = s.part_number),
    held AS (
      SELECT l.purchase_order_id AS po_id, l.line_no, l.product_id
      FROM purchase_order_lines l WHERE l.purchase_order_id IN (SELECT id FROM map_pos WHERE NOT created)),
    unnamed AS (
      SELECT h.*, row_number() OVER (PARTITION BY h.po_id, h.product_id ORDER BY h.line_no) AS occurrence
      FROM held h WHERE NOT EXISTS (SELECT 1 FROM incoming i WHERE i.po_id = h.po_id AND i.named_line = h.line_no)),
    matched AS (
      SELECT i.*, coalesce(i.named_line, u.line_no) AS line_no, coalesce(n.line_no, u.line_no) IS NOT NULL AS held
      FROM incoming i
      LEFT JOIN held n ON i.named_line IS NOT NULL AND n.po_id = i.po_id AND n.line_no = i.named_line
      LEFT JOIN unnamed u ON i.named_line IS NULL AND u.po_id = i.po_id AND u.product_id = i.product_id AND u.occurrence = i.occurrence),
    last_line AS (
      SELECT po_id, max(line_no) AS line_no FROM (
        SELECT po_id, line_no FROM held UNION ALL SELECT po_id, named_line FROM incoming WHERE named_line IS NOT NULL) a
      GROUP BY po_id)
    SELECT m.po_id, m.held, m.product_id, m.quantity, m.unit_price, m.currency,
           coalesce(m.line_no, coalesce(ll.line_no, 0) + row_number() OVER (PARTITION BY m.po_id, m.line_no IS NULL ORDER BY m.row_no)) AS line_no
    FROM matched m LEFT JOIN last_line ll ON ll.po_id = m.po_id`);
  let updated = 0;
  if (p.upsert) {
    const { rowCount } = await sql(
      `UPDATE purchase_order_lines l
       SET product_id = n.product_id, quantity = n.quantity, unit_price = n.unit_price, currency = n.currency, upload_id = $1
       FROM existing_lines n
       WHERE n.held AND l.purchase_order_id = n.po_id AND l.line_no = n.line_no
         AND (l.product_id, l.quantity, l.unit_price, l.currency) IS DISTINCT FROM (n.product_id, n.quantity, n.unit_price, n.currency)`,
      [p.uploadId],
    );
    updated = rowCount ?? 0;
  }
  const created =
    (
      await sql(insertLines('purchase_order_lines', `SELECT * FROM existing_lines WHERE NOT held`), [
        p.tenantId,
        p.uploadId,
      ])
    ).rowCount ?? 0;
  const held = Number((await sql(`SELECT count(*) AS n FROM existing_lines WHERE held`)).rows[0].n);
  return { updated, created, unchanged: held - updated };
}

/** Adds the keys another import inserted between our look-up and our insert (ON CONFLICT DO NOTHING skipped them). */
async function fillMap(sql: Sql, map: string, select: string, tenantId: string): Promise<void> {
  await sql(`INSERT INTO ${map} ${select}`, [tenantId]);
}

/**
 * Merges a staged products file: repeated part numbers keep their last row, existing products are
 * updated (upsert) field by field where the file fills the field, new ones inserted.
 */
export async function mergeProducts(sql: Sql, p: MergeParams, step: Step): Promise<MergeOutcome> {
  const counts: Partial<ImportCounts> = {};
  const t = p.tenantId;
  await step('Analysing the staged rows');
  await sql(`ANALYZE stage`);
  await sql(`CREATE TEMP TABLE in_products ON COMMIT DROP AS
               SELECT DISTINCT ON (part_number) * FROM stage ORDER BY part_number, row_no DESC`);
  const { rows: dropped } = await sql(
    `SELECT s.row_no, s.part_number FROM stage s WHERE NOT EXISTS (SELECT 1 FROM in_products i WHERE i.row_no = s.row_no) ORDER BY s.row_no LIMIT 100`,
  );
  const duplicateRows = int(
    (await sql(`SELECT (SELECT count(*) FROM stage) - (SELECT count(*) FROM in_products) AS n`)).rows[0].n,
  );
  await sql(`ANALYZE in_products`);

  await step('Checking products against the catalog');
  const compared = (['name', 'brand', 'category'] as const).filter((f) => p.productFields[f]);
  counts.conflicts = 0;
  for (const field of compared) {
    const { rowCount } = await sql(
      `INSERT INTO import_conflicts (tenant_id, upload_id, entity, entity_id, entity_key, field, existing_value, incoming_value, applied, message)
       SELECT $1, $2, 'product', p.id, p.part_number, '${field}', p.${field}, i.${field}, $3,
              format('Product %s has %s "%s" in the catalog but "%s" in the file', p.part_number, '${field}', p.${field}, i.${field})
       FROM in_products i JOIN products p ON p.tenant_id = $1 AND p.part_number = i.part_number
       WHERE i.${field} IS NOT NULL AND p.${field} IS NOT NULL AND lower(btrim(p.${field})) <> lower(btrim(i.${field}))
       ORDER BY p.part_number LIMIT $4`,
      [t, p.uploadId, p.upsert ? 'incoming' : 'existing', Math.max(0, p.conflictCap - counts.conflicts)],
    );
    counts.conflicts += rowCount ?? 0;
  }

  await step('Merging products');
  let updatedProductIds: number[] = [];
  if (p.upsert) {
    const next = `(coalesce(i.name, p.name), coalesce(i.description, p.description), coalesce(i.brand, p.brand),
                   coalesce(i.category, p.category), p.attributes || coalesce(i.attributes, '{}'::jsonb))`;
    const { rows } = await sql(
      `UPDATE products p
       SET (name, description, brand, category, attributes) = ${next}, updated_at = now()
       FROM in_products i
       WHERE p.tenant_id = $1 AND p.part_number = i.part_number
         AND (p.name, p.description, p.brand, p.category, p.attributes) IS DISTINCT FROM ${next}
       RETURNING p.id`,
      [t],
    );
    updatedProductIds = rows.map((r) => int(r.id)).sort((a, b) => a - b);
  }
  counts.updated_materials = updatedProductIds.length;
  const { rows: created } = await sql(
    `INSERT INTO products (tenant_id, part_number, name, description, brand, category, attributes)
     SELECT $1, i.part_number, coalesce(i.name, i.part_number), coalesce(i.description, ''), i.brand, i.category, coalesce(i.attributes, '{}'::jsonb)
     FROM in_products i
     ORDER BY i.part_number
     ON CONFLICT (tenant_id, part_number) DO NOTHING
     RETURNING id`,
    [t],
  );
  const createdProductIds = created.map((r) => int(r.id)).sort((a, b) => a - b);
  counts.created_materials = createdProductIds.length;
  return {
    counts,
    createdProductIds,
    updatedProductIds,
    pricedProductIds: [],
    duplicateRows,
    droppedRows: duplicateRows,
    priceOutliers: 0,
    duplicateWarnings: dropped.map((r) => ({ row: int(r.row_no), key: String(r.part_number) })),
    nameWarnings: [],
  };
}
