import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The approved fitments of catalog products, by product (the search index reads their vehicles). */
export class ApprovedFitmentsByProduct1764231000000 implements MigrationInterface {
  name = 'ApprovedFitmentsByProduct1764231000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX fitments_approved_product_idx ON fitment.fitments (tenant_id, product_id) WHERE status = 'approved' AND product_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX fitment.fitments_approved_product_idx`);
  }
}
