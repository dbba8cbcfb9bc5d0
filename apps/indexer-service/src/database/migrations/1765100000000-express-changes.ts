import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pending changes an express job takes (small changes of a tenant in a burst, INDEX_EXPRESS_MAX_CHANGES): flagged,
 * with an index of their own so the express job's claim reads only them, and the tenant's express number.
 */
export class ExpressChanges1765100000000 implements MigrationInterface {
  name = 'ExpressChanges1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indexer.pending_changes ADD COLUMN express boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX pending_changes_express_idx ON indexer.pending_changes (tenant_id, seq) WHERE express`);
    // the key of the tenant's next express job, moved on by each express job as it starts
    await q.query(`ALTER TABLE indexer.change_batches ADD COLUMN express_seq bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indexer.change_batches DROP COLUMN express_seq`);
    await q.query(`DROP INDEX indexer.pending_changes_express_idx`);
    await q.query(`ALTER TABLE indexer.pending_changes DROP COLUMN express`);
  }
}
