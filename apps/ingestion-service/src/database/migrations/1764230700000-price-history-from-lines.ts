import type { MigrationInterface, QueryRunner } from 'typeorm';

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
export class PriceHistoryFromLines1764230700000 implements MigrationInterface {
  name = 'PriceHistoryFromLines1764230700000';

  async up(q: QueryRunner): Promise<void> {
    // Imports were the only source of prices, and each of their rows has its line: nothing is lost.
    await q.query(`DROP TABLE ingestion.prices`);
    await q.query(`ALTER TABLE ingestion.purchase_order_lines ADD COLUMN price_excluded boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE VIEW ingestion.price_history AS
      SELECT l.id, l.tenant_id, l.product_id, po.supplier_id, l.unit_price, l.currency,
             coalesce(po.order_date, po.created_at::date) AS observed_on,
             'import'::varchar(20) AS source, l.upload_id, po.created_at, l.purchase_order_id
        FROM ingestion.purchase_order_lines l
        JOIN ingestion.purchase_orders po ON po.id = l.purchase_order_id
       WHERE NOT l.price_excluded`);

    await q.query(`
      ALTER TABLE ingestion.purchase_order_lines
        DROP CONSTRAINT purchase_order_lines_purchase_order_id_fkey,
        DROP CONSTRAINT purchase_order_lines_product_id_fkey`);
    // Locks every referenced row (as a foreign key does) and counts them: fewer locked than named means
    // one is missing (or was deleted meanwhile), and only then is it looked for, for the message.
    await q.query(`
      CREATE FUNCTION ingestion.purchase_order_lines_check_references() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        named bigint;
        locked bigint;
        missing bigint;
      BEGIN
        SELECT count(*) INTO named FROM (SELECT DISTINCT purchase_order_id FROM new_lines) d;
        SELECT count(*) INTO locked FROM (
          SELECT 1 FROM ingestion.purchase_orders po WHERE po.id IN (SELECT purchase_order_id FROM new_lines) FOR KEY SHARE) x;
        IF locked < named THEN
          SELECT n.purchase_order_id INTO missing FROM new_lines n
           WHERE NOT EXISTS (SELECT 1 FROM ingestion.purchase_orders po WHERE po.id = n.purchase_order_id) LIMIT 1;
          RAISE foreign_key_violation USING
            MESSAGE = format('purchase_order_lines references purchase order %s, which does not exist', missing),
            CONSTRAINT = 'purchase_order_lines_purchase_order_id_fkey', TABLE = 'purchase_order_lines', SCHEMA = 'ingestion';
        END IF;
        SELECT count(*) INTO named FROM (SELECT DISTINCT product_id FROM new_lines) d;
        SELECT count(*) INTO locked FROM (
          SELECT 1 FROM ingestion.products p WHERE p.id IN (SELECT product_id FROM new_lines) FOR KEY SHARE) x;
        IF locked < named THEN
          SELECT n.product_id INTO missing FROM new_lines n
           WHERE NOT EXISTS (SELECT 1 FROM ingestion.products p WHERE p.id = n.product_id) LIMIT 1;
          RAISE foreign_key_violation USING
            MESSAGE = format('purchase_order_lines references product %s, which does not exist', missing),
            CONSTRAINT = 'purchase_order_lines_product_id_fkey', TABLE = 'purchase_order_lines', SCHEMA = 'ingestion';
        END IF;
        RETURN NULL;
      END $$`);
    // A trigger with a transition table handles one event, so inserts and updates have one each.
    for (const event of ['INSERT', 'UPDATE']) {
      await q.query(`
        CREATE TRIGGER purchase_order_lines_references_${event.toLowerCase()}
        AFTER ${event} ON ingestion.purchase_order_lines
        REFERENCING NEW TABLE AS new_lines
        FOR EACH STATEMENT EXECUTE FUNCTION ingestion.purchase_order_lines_check_references()`);
    }
    await q.query(`
      CREATE FUNCTION ingestion.purchase_orders_delete_lines() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM ingestion.purchase_order_lines l USING old_orders o WHERE l.purchase_order_id = o.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER purchase_orders_delete_lines AFTER DELETE ON ingestion.purchase_orders
      REFERENCING OLD TABLE AS old_orders
      FOR EACH STATEMENT EXECUTE FUNCTION ingestion.purchase_orders_delete_lines()`);
    await q.query(`
      CREATE FUNCTION ingestion.products_keep_referenced() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        referenced bigint;
      BEGIN
        SELECT l.product_id INTO referenced FROM ingestion.purchase_order_lines l JOIN old_products o ON l.product_id = o.id LIMIT 1;
        IF FOUND THEN
          RAISE foreign_key_violation USING
            MESSAGE = format('product %s is still referenced by purchase order lines', referenced),
            CONSTRAINT = 'purchase_order_lines_product_id_fkey', TABLE = 'purchase_order_lines', SCHEMA = 'ingestion';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER products_keep_referenced AFTER DELETE ON ingestion.products
      REFERENCING OLD TABLE AS old_products
      FOR EACH STATEMENT EXECUTE FUNCTION ingestion.products_keep_referenced()`);
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
    await q.query(`
      CREATE TABLE ingestion.prices (
        id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        tenant_id   varchar(64)   NOT NULL,
        product_id  bigint        NOT NULL REFERENCES ingestion.products (id) ON DELETE CASCADE,
        supplier_id bigint        NOT NULL REFERENCES ingestion.suppliers (id),
        unit_price  numeric(18,4) NOT NULL,
        currency    char(3)       NOT NULL,
        observed_on date          NOT NULL,
        source      varchar(20)   NOT NULL CHECK (source IN ('import','manual')),
        upload_id   uuid,
        created_at  timestamptz   NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX prices_product_supplier_idx ON ingestion.prices (product_id, supplier_id, observed_on DESC)`);
    await q.query(`
      INSERT INTO ingestion.prices (tenant_id, product_id, supplier_id, unit_price, currency, observed_on, source, upload_id, created_at)
      SELECT tenant_id, product_id, supplier_id, unit_price, currency, observed_on, source, upload_id, created_at FROM ingestion.price_history`);
    await q.query(`DROP VIEW ingestion.price_history`);
    await q.query(`ALTER TABLE ingestion.purchase_order_lines DROP COLUMN price_excluded`);
    for (const table of ['products', 'purchase_orders']) await q.query(`DROP TRIGGER ${table}_keep_id ON ingestion.${table}`);
    await q.query(`DROP FUNCTION ingestion.keep_id()`);
    await q.query(`DROP TRIGGER products_keep_referenced ON ingestion.products`);
    await q.query(`DROP FUNCTION ingestion.products_keep_referenced()`);
    await q.query(`DROP TRIGGER purchase_orders_delete_lines ON ingestion.purchase_orders`);
    await q.query(`DROP FUNCTION ingestion.purchase_orders_delete_lines()`);
    for (const event of ['insert', 'update']) await q.query(`DROP TRIGGER purchase_order_lines_references_${event} ON ingestion.purchase_order_lines`);
    await q.query(`DROP FUNCTION ingestion.purchase_order_lines_check_references()`);
    await q.query(`
      ALTER TABLE ingestion.purchase_order_lines
        ADD CONSTRAINT purchase_order_lines_purchase_order_id_fkey FOREIGN KEY (purchase_order_id) REFERENCES ingestion.purchase_orders (id) ON DELETE CASCADE,
        ADD CONSTRAINT purchase_order_lines_product_id_fkey FOREIGN KEY (product_id) REFERENCES ingestion.products (id)`);
  }
}
