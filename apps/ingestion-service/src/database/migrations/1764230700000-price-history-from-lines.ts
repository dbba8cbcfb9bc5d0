import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPricesTable } from './1764230500000-catalog.js';

/**
 * Price history is read from the purchase order lines instead of being written a second time.
 *
 * Every imported price was a purchase order line price, so `prices` held each of them twice and a
 * 1,000,000-line import wrote 2,000,000 rows. `price_history` is now a view over the lines (with the
 * supplier and date of their order); a price a person rejects (a conflict resolved keep_existing)
 * is flagged on its line and left out of the history.
 *
 * The references of purchase_order_lines are checked once per statement instead of once per row:
 * PostgreSQL's foreign keys run a lookup for every inserted row, which was more than half of the
 * time of a large import. Statement-level triggers over the statement's transition table do the
 * same job set-based, with the same locks and the same SQLSTATE (23503):
 * - inserting or updating lines locks the referenced orders and products FOR KEY SHARE (as a
 *   foreign key does, so they cannot be deleted until the transaction ends) and fails when one is
 *   missing;
 * - deleting a purchase order deletes its lines (ON DELETE CASCADE as before);
 * - deleting a product that lines reference fails (NO ACTION as before).
 */
/** The price history: every line's price with its order's supplier and date, less the prices a person excluded. */
export const PRICE_HISTORY_VIEW = `
  CREATE VIEW ingestion.price_history AS
  SELECT l.id, l.tenant_id, l.product_id, po.supplier_id, l.unit_price, l.currency,
         coalesce(po.order_date, po.created_at::date) AS observed_on,
         'import'::varchar(20) AS source, l.upload_id, po.created_at, l.purchase_order_id
    FROM ingestion.purchase_order_lines l
    JOIN ingestion.purchase_orders po ON po.id = l.purchase_order_id
   WHERE NOT l.price_excluded`;

/** A plpgsql function run once per statement on `table`, the statement's rows in the table `rows`. */
export async function createStatementTrigger(
  q: QueryRunner,
  name: string,
  table: string,
  events: string[],
  rows: string,
  body: string,
): Promise<void> {
  await q.query(`CREATE FUNCTION ingestion.${name}() RETURNS trigger LANGUAGE plpgsql AS $$ ${body} $$`);
  // A trigger with a transition table handles one event, so each event has its own.
  for (const event of events) {
    await q.query(`
      CREATE TRIGGER ${name}_${event.toLowerCase()} AFTER ${event} ON ingestion.${table}
      REFERENCING ${event === 'DELETE' ? 'OLD' : 'NEW'} TABLE AS ${rows}
      FOR EACH STATEMENT EXECUTE FUNCTION ingestion.${name}()`);
  }
}

export interface DeleteRestriction {
  /** The referenced table, whose deletes are checked. */
  table: string;
  /** Its row, in the message: "product". */
  what: string;
  /** The referencing table and column: the error names them and the former foreign key `<referencing>_<column>_fkey`. */
  referencing: string;
  column: string;
  /** The referencing rows, in the message: "purchase order lines". */
  by: string;
}

/**
 * The body of trigger `<table>_keep_referenced`: deleting rows of `table` that `referencing`.`column` still
 * names fails (a foreign key's NO ACTION), with SQLSTATE 23503 under that key's name; `before` runs first.
 */
export function deleteRestrictionBody(r: DeleteRestriction, before = ''): string {
  return `
    DECLARE
      referenced bigint;
    BEGIN${before}
      SELECT x.${r.column} INTO referenced FROM ingestion.${r.referencing} x JOIN old_${r.table} o ON x.${r.column} = o.id LIMIT 1;
      IF FOUND THEN
        RAISE foreign_key_violation USING
          MESSAGE = format('${r.what} %s is still referenced by ${r.by}', referenced),
          CONSTRAINT = '${r.referencing}_${r.column}_fkey', TABLE = '${r.referencing}', SCHEMA = 'ingestion';
      END IF;
      RETURN NULL;
    END`;
}

/** ON DELETE CASCADE of the lines, in trigger purchase_orders_delete_lines (the deleted orders are `old_orders`). */
export const DELETE_LINES_OF_OLD_ORDERS =
  'DELETE FROM ingestion.purchase_order_lines l USING old_orders o WHERE l.purchase_order_id = o.id;';

/** Products that purchase order lines reference. */
export const PRODUCTS_ON_LINES: DeleteRestriction = {
  table: 'products',
  what: 'product',
  referencing: 'purchase_order_lines',
  column: 'product_id',
  by: 'purchase order lines',
};

export class PriceHistoryFromLines1764230700000 implements MigrationInterface {
  name = 'PriceHistoryFromLines1764230700000';

  async up(q: QueryRunner): Promise<void> {
    // Imports were the only source of prices, and each of their rows has its line: nothing is lost.
    await q.query(`DROP TABLE ingestion.prices`);
    await q.query(
      `ALTER TABLE ingestion.purchase_order_lines ADD COLUMN price_excluded boolean NOT NULL DEFAULT false`,
    );
    await q.query(PRICE_HISTORY_VIEW);

    await q.query(`
      ALTER TABLE ingestion.purchase_order_lines
        DROP CONSTRAINT purchase_order_lines_purchase_order_id_fkey,
        DROP CONSTRAINT purchase_order_lines_product_id_fkey`);
    // Locks every referenced row (as a foreign key does) and counts them: fewer locked than named means
    // one is missing (or was deleted meanwhile), and only then is it looked for, for the message.
    const requireAll = (column: string, table: string, what: string) => `
        SELECT count(*) INTO named FROM (SELECT DISTINCT ${column} FROM new_lines) d;
        SELECT count(*) INTO locked FROM (SELECT 1 FROM ingestion.${table} x WHERE x.id IN (SELECT ${column} FROM new_lines) FOR KEY SHARE) l;
        IF locked < named THEN
          SELECT n.${column} INTO missing FROM new_lines n WHERE NOT EXISTS (SELECT 1 FROM ingestion.${table} x WHERE x.id = n.${column}) LIMIT 1;
          RAISE foreign_key_violation USING
            MESSAGE = format('purchase_order_lines references ${what} %s, which does not exist', missing),
            CONSTRAINT = 'purchase_order_lines_${column}_fkey', TABLE = 'purchase_order_lines', SCHEMA = 'ingestion';
        END IF;`;
    await createStatementTrigger(
      q,
      'purchase_order_lines_check_references',
      'purchase_order_lines',
      ['INSERT', 'UPDATE'],
      'new_lines',
      `
      DECLARE
        named bigint;
        locked bigint;
        missing bigint;
      BEGIN
        ${requireAll('purchase_order_id', 'purchase_orders', 'purchase order')}
        ${requireAll('product_id', 'products', 'product')}
        RETURN NULL;
      END`,
    );
    await createStatementTrigger(
      q,
      'purchase_orders_delete_lines',
      'purchase_orders',
      ['DELETE'],
      'old_orders',
      `
      BEGIN
        ${DELETE_LINES_OF_OLD_ORDERS}
        RETURN NULL;
      END`,
    );
    await createStatementTrigger(
      q,
      'products_keep_referenced',
      'products',
      ['DELETE'],
      'old_products',
      deleteRestrictionBody(PRODUCTS_ON_LINES),
    );
    // Ids are identities and never change; an update of one would bypass the checks above.
    await q.query(`
      CREATE FUNCTION ingestion.keep_id() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE feature_not_supported USING MESSAGE = format('%s.id cannot change', TG_TABLE_NAME);
      END $$`);
    for (const table of ['products', 'purchase_orders']) {
      await q.query(`
        CREATE TRIGGER ${table}_keep_id BEFORE UPDATE OF id ON ingestion.${table}
        FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION ingestion.keep_id()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await createPricesTable(q);
    await q.query(`
      INSERT INTO ingestion.prices (tenant_id, product_id, supplier_id, unit_price, currency, observed_on, source, upload_id, created_at)
      SELECT tenant_id, product_id, supplier_id, unit_price, currency, observed_on, source, upload_id, created_at FROM ingestion.price_history`);
    await q.query(`DROP VIEW ingestion.price_history`);
    await q.query(`ALTER TABLE ingestion.purchase_order_lines DROP COLUMN price_excluded`);
    // Dropping a function drops its triggers with it.
    for (const fn of [
      'keep_id',
      'products_keep_referenced',
      'purchase_orders_delete_lines',
      'purchase_order_lines_check_references',
    ]) {
      await q.query(`DROP FUNCTION ingestion.${fn}() CASCADE`);
    }
    await q.query(`
      ALTER TABLE ingestion.purchase_order_lines
        ADD CONSTRAINT purchase_order_lines_purchase_order_id_fkey FOREIGN KEY (purchase_order_id) REFERENCES ingestion.purchase_orders (id) ON DELETE CASCADE,
        ADD CONSTRAINT purchase_order_lines_product_id_fkey FOREIGN KEY (product_id) REFERENCES ingestion.products (id)`);
  }
}
