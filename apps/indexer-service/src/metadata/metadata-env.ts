import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

const CRON = /^(\S+\s+){4}\S+$/;

/**
 * Settings of the projects' and products' metadata (seed 003), read once at boot (IndexerModule.forRoot,
 * loadEnv): a bad value stops the process with a message naming the variable. The generator's own settings
 * (providers, keys, models, METADATA_MAX_CONTENT_CHARS) are MetadataEngineEnv's.
 */
export class MetadataEnv {
  /** Generations started per METADATA_RATE_WINDOW_MS, all workers together (Bull's queue limiter; seed: 10/m). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  METADATA_RATE_LIMIT = 10;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  METADATA_RATE_WINDOW_MS = 60_000;

  /** Cron of the nightly run that generates metadata for projects missing it (or whose content changed). */
  @Matches(CRON, { message: 'must be a 5-field cron expression' })
  METADATA_NIGHTLY_CRON = '0 2 * * *';

  /** Projects the nightly run reads and submits at a time. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  METADATA_NIGHTLY_BATCH_SIZE = 10;

  /** Cron of the weekly clean-up of orphaned metadata and that of old drafts. */
  @Matches(CRON, { message: 'must be a 5-field cron expression' })
  METADATA_CLEANUP_CRON = '0 4 * * 0';

  /**
   * A draft not changed for this many days is old: the clean-up removes its generated metadata (not a person's
   * edits) and the nightly run no longer generates it.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36_500)
  METADATA_DRAFT_RETENTION_DAYS = 90;

  /** Attempts of a generation (every provider failed) before it fails, the delay doubling from the next. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  METADATA_JOB_ATTEMPTS = 3;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  METADATA_JOB_RETRY_DELAY_MS = 5000;
}

export const METADATA_ENV = Symbol('METADATA_ENV');
