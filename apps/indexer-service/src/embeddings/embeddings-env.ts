import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { MIN_SIMILARITY, SIMILARITY_MARGIN } from './similarity-cut.js';

export const EMBEDDINGS_PROVIDERS = ['local', 'openai', 'none'] as const;
export type EmbeddingsProviderName = (typeof EMBEDDINGS_PROVIDERS)[number];

/**
 * Settings of the indexer's embeddings on top of ServiceEnv, read once at boot (loadEnv): a bad value stops
 * the process with a message naming the variable. The default, `local`, needs no key and no network.
 */
export class EmbeddingsEnv {
  /**
   * `local`: Universal Sentence Encoder Lite in process; `openai`: an OpenAI-compatible `/embeddings` API;
   * `none`: no semantic search (lexical only, no embed job is submitted, no model loaded).
   */
  @IsIn(EMBEDDINGS_PROVIDERS)
  EMBEDDINGS_PROVIDER: EmbeddingsProviderName = 'local';

  /** Model of the `openai` provider (the local provider has one model). Changing it re-embeds every product. */
  @IsString()
  EMBEDDINGS_MODEL = 'text-embedding-3-small';

  /** Length of the `openai` model's vectors; an answer of another length is refused. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(8192)
  EMBEDDINGS_DIMENSIONS = 1536;

  /** Texts per model call (per request for `openai`). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2048)
  EMBEDDINGS_BATCH_SIZE = 64;

  /** Base URL of the embeddings API (`/embeddings` is appended): OpenAI, Ollama (`http://host:11434/v1`), vLLM ... */
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  OPENAI_EMBEDDINGS_BASE_URL = 'https://api.openai.com/v1';

  /** Sent as a Bearer token when set; local servers usually need none. */
  @IsOptional()
  @IsString()
  OPENAI_API_KEY?: string;

  /** Deadline of one embeddings request. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  OPENAI_EMBEDDINGS_TIMEOUT_MS = 30_000;

  /** Attempts after the first on 429, 5xx, timeouts and connection errors, with exponential backoff and jitter. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  OPENAI_EMBEDDINGS_MAX_RETRIES = 3;

  /** First retry delay; it doubles each retry, capped at 30 s. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60_000)
  OPENAI_EMBEDDINGS_RETRY_BASE_MS = 500;

  /** How often a replica's in-memory vectors re-read the rows written since (by another replica or the worker). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  EMBEDDINGS_REFRESH_MS = 1000;

  /**
   * A tenant whose searches stopped this long ago has its vectors dropped from the process's memory (read again
   * on its next search, in about a second per 100,000); 0 keeps every tenant loaded.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 3_600_000)
  EMBEDDINGS_TENANT_IDLE_MS = 1_800_000;

  /**
   * The longest a search waits for the semantic ranking (the query's vector); past it, or when the embedder
   * fails, the search answers lexical only. The query's vector is still cached when it comes.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60_000)
  EMBEDDINGS_QUERY_TIMEOUT_MS = 500;

  /**
   * Least cosine similarity of a semantic hit: every product is somewhat similar to every query, and without a
   * floor the semantic ranking would pad results with the whole catalog (tuned on bench:search's labelled queries).
   */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1)
  @Max(1)
  EMBEDDINGS_MIN_SIMILARITY = MIN_SIMILARITY;

  /** A semantic hit is at most this much less similar to the query than the best one (0-2). */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(2)
  EMBEDDINGS_SIMILARITY_MARGIN = SIMILARITY_MARGIN;
}

export const EMBEDDINGS_ENV = Symbol('EMBEDDINGS_ENV');
