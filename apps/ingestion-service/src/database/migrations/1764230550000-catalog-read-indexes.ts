import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the catalog's listings: products by name, purchase orders newest first. */
export class CatalogReadIndexes1764230550000 implements MigrationInterface {
  name = 'CatalogReadIndexes1764230550000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX products_tenant_name_idx ON ingestion.products (tenant_id, name, id)`);
    await q.query(
      `CREATE INDEX purchase_orders_tenant_date_idx ON ingestion.purchase_orders (tenant_id, order_date DESC NULLS LAST, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ingestion.purchase_orders_tenant_date_idx, ingestion.products_tenant_name_idx`);
  }
}
