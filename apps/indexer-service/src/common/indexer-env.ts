import { Type } from 'class-transformer';
import { MAX_ASSISTANT_CHAT_TIMEOUT_MS } from '@torque/contracts';
import { IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/**
 * Settings of the indexer service on top of ServiceEnv, read once at boot (IndexerModule.forRoot, loadEnv): a bad
 * value stops the process with a message naming the variable.
 *
 * Freshness (see README, "Search index"): change events of a tenant are collected as pending changes, one per
 * product (keep-latest), and taken by light batch jobs. A batch opened while the tenant is quiet starts after
 * INDEX_QUIET_DELAY_MS, so a single change is searchable well within 2 s. When the previous batch took at least
 * INDEX_BURST_MIN_CHANGES changes and started less than INDEX_DEBOUNCE_MS ago, the tenant is in a burst: the new
 * batch starts INDEX_DEBOUNCE_MS after the previous one started, never more than INDEX_MAX_WAIT_MS after its own
 * first change, and takes everything that arrived meanwhile.
 */
export class IndexerEnv {
  /** Delay of a batch opened while the tenant is quiet (no burst). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  INDEX_QUIET_DELAY_MS = 100;

  /** The debounce window of bursts: batches of a tenant in a burst start at most once per window. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  INDEX_DEBOUNCE_MS = 30_000;

  /** The longest a change waits in an open batch before the batch starts. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  INDEX_MAX_WAIT_MS = 30_000;

  /** A batch that took at least this many changes puts its tenant in a burst (the next batch is debounced). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  INDEX_BURST_MIN_CHANGES = 100;

  /**
   * An event of at most this many products that arrives while its tenant is in a burst gets an express job of its
   * own (after INDEX_QUIET_DELAY_MS) instead of waiting for the burst's debounced batch: a product edited by hand
   * during an import is searchable within the freshness target. 0 turns express jobs off.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  INDEX_EXPRESS_MAX_CHANGES = 10;

  /**
   * Weight of the semantic ranking against the lexical one (weight 1) in the reciprocal rank fusion of hybrid
   * searches; part-number matches stay first whatever it is (tuned on bench:search's labelled queries).
   */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10)
  SEARCH_SEMANTIC_WEIGHT = 0.5;

  /** Products read and written per step of an update, rebuild or audit (at most 1000, the catalog's page). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  INDEX_BATCH_SIZE = 500;

  /** Attempts of each index job before it fails, and the fixed delay between them. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  INDEX_JOB_ATTEMPTS = 3;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  INDEX_RETRY_DELAY_MS = 60_000;

  /** Cron of the nightly refresh (a rebuild then an audit of each tenant; Bull repeatable job, one schedule). */
  @Matches(/^(\S+\s+){4}\S+$/, { message: 'must be a 5-field cron expression' })
  INDEX_REFRESH_CRON = '0 3 * * *';

  /** The nightly refresh skips the rebuild of a tenant whose index was rebuilt less than this many hours ago. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(24 * 365)
  INDEX_REFRESH_SKIP_HOURS = 6;

  /** How often batches whose job never got queued (a crash between commit and submit) are looked for. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  INDEX_SWEEP_MS = 5000;

  /**
   * Base URL of the assistant's OpenAI-compatible chat-completions API (`/chat/completions` is appended):
   * OpenAI, Ollama (`http://host:11434/v1`), vLLM ... Unset: answers are retrieval only (`mode: retrieval`).
   */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  ASSISTANT_CHAT_BASE_URL?: string;

  /** Bearer token of the chat API; OPENAI_API_KEY when unset; local servers usually need none. */
  @IsOptional()
  @IsString()
  ASSISTANT_CHAT_API_KEY?: string;

  /** Read only as the chat API's token when ASSISTANT_CHAT_API_KEY is unset (EmbeddingsEnv reads it too). */
  @IsOptional()
  @IsString()
  OPENAI_API_KEY?: string;

  /** Chat model of the assistant's answers. */
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  ASSISTANT_CHAT_MODEL = 'gpt-4o-mini';

  /**
   * Deadline of the chat model's answer, retries included; past it the answer is retrieval only. At most
   * MAX_ASSISTANT_CHAT_TIMEOUT_MS, so the gateway's deadline of the call (ASSISTANT_RPC_TIMEOUT_MS) is never hit.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(MAX_ASSISTANT_CHAT_TIMEOUT_MS)
  ASSISTANT_CHAT_TIMEOUT_MS = 15_000;

  /** Attempts after the first on 429, 5xx and connection errors (not after a timeout). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5)
  ASSISTANT_CHAT_MAX_RETRIES = 1;

  /** Characters of each retrieved product's text sent to the chat model (name, description, attributes). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(20_000)
  ASSISTANT_CHAT_PRODUCT_CHARS = 1500;

  /**
   * How long a process reuses a tenant's known vehicles (those of approved fitments in the active index, read
   * for the vehicles questions name) before reading them again (0: every question reads them).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  ASSISTANT_VEHICLES_CACHE_MS = 60_000;
}

export const INDEXER_ENV = Symbol('INDEXER_ENV');
