import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JobContext, MaintenanceStep } from '@torque/platform';
import { DataSource } from 'typeorm';
import { INGESTION_ENV, type IngestionEnv } from '../ingestion-env.js';
import { LOCK_NOT_AVAILABLE, sqlState } from './pg-errors.js';

/**
 * Nightly: merges the partitions of purchase order lines that large imports added (see
 * LinesPartitionedByOrder1764230800000), oldest first, each merge in a transaction of its own, until
 * no two neighbouring partitions under a quarter of IMPORT_BLOCKS_MERGE_MAX_LINES fit in it together.
 * A merge locks the lines (readers and writers wait for it); when it cannot have them within
 * IMPORT_BLOCKS_MERGE_LOCK_TIMEOUT_MS (an import is loading a block, a long query runs) it leaves
 * the rest to the next night.
 */
@Injectable()
export class LineBlocksMerge implements MaintenanceStep {
  readonly description = 'Merging the partitions of purchase order lines that large imports added';
  private readonly logger = new Logger(LineBlocksMerge.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(INGESTION_ENV) private readonly env: IngestionEnv,
  ) {}

  async run(ctx: JobContext): Promise<void> {
    if (this.env.IMPORT_BLOCKS_MERGE_MAX_LINES === 0) return;
    for (;;) {
      ctx.throwIfCancelled();
      let merged: { partition: string; merged: number; lines: string }[];
      try {
        merged = await this.dataSource.transaction(async (m) => {
          await m.query(`SELECT set_config('lock_timeout', $1, true)`, [
            `${this.env.IMPORT_BLOCKS_MERGE_LOCK_TIMEOUT_MS}ms`,
          ]);
          return m.query(`SELECT * FROM compact_lines_blocks($1)`, [this.env.IMPORT_BLOCKS_MERGE_MAX_LINES]);
        });
      } catch (err) {
        if (sqlState(err) !== LOCK_NOT_AVAILABLE) throw err;
        this.logger.warn(
          `partitions of purchase order lines are busy: merging them is left to the next run (${(err as Error).message})`,
        );
        ctx.count('line_partition_merges_deferred');
        return;
      }
      if (!merged.length) return;
      const [{ partition, merged: partitions, lines }] = merged;
      this.logger.log(`merged ${partitions} partitions of purchase order lines into ${partition} (${lines} lines)`);
      ctx.count('line_partitions_merged', partitions);
    }
  }
}
