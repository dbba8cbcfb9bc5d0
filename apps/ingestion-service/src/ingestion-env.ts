import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

/**
 * Settings of the ingestion service on top of ServiceEnv, read once at boot (IngestionModule.forRoot, loadEnv):
 * a bad value stops the process with a message naming the variable.
 */
export class IngestionEnv {
  /** Bad rows an import skips before it fails (a request may ask for another cap). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  IMPORT_MAX_ERRORS = 1000;

  /** Rows a preview (dry run) reads at most; within the request deadline, so keep it modest. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(1_000_000)
  IMPORT_PREVIEW_MAX_ROWS = 20_000;

  /** How long a preview waits for purchase orders an import is writing before it answers 409 (lock_timeout). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(55_000)
  IMPORT_PREVIEW_LOCK_TIMEOUT_MS = 2000;

  /** Currency of rows that name none. */
  @Matches(/^[A-Z]{3}$/, { message: 'must be a 3-letter ISO 4217 code' })
  IMPORT_DEFAULT_CURRENCY = 'USD';

  /** A price more than this many percent away from the average of its history is an outlier (and a conflict). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  IMPORT_PRICE_OUTLIER_PCT = 50;

  /**
   * An import whose new purchase orders have at least this many lines writes them as a partition of their
   * own, indexes built once, instead of row by row into the shared one.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  IMPORT_BLOCK_MIN_LINES = 100_000;

  /**
   * The nightly clean-up merges partitions of imported lines into partitions of at most this many lines; a
   * partition of a quarter of it or more is left alone. The lines are locked while one merge runs (about 1.5 s
   * per 1,000,000 lines on the reference machine). 0 turns merging off.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  IMPORT_BLOCKS_MERGE_MAX_LINES = 2_000_000;

  /** How long a merge waits for the lines (readers and writers to finish) before leaving it to the next night. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  IMPORT_BLOCKS_MERGE_LOCK_TIMEOUT_MS = 1000;
}

export const INGESTION_ENV = Symbol('INGESTION_ENV');
