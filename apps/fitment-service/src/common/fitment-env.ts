import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const FITMENT_PROVIDERS = ['local', 'openai'] as const;
export type FitmentProviderName = (typeof FITMENT_PROVIDERS)[number];

/**
 * Settings of the fitment service on top of ServiceEnv, read once at boot (loadEnv): a bad value
 * stops the process with a message naming the variable.
 */
export class FitmentEnv {
  /** `local`: the local engine alone; `openai`: the local engine's candidates checked by an OpenAI-compatible chat model. */
  @IsIn(FITMENT_PROVIDERS)
  FITMENT_PROVIDER: FitmentProviderName = 'local';

  /** Base URL of the chat-completions API (`/chat/completions` is appended): OpenAI, Ollama (`http://host:11434/v1`), vLLM ... */
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  OPENAI_BASE_URL = 'https://api.openai.com/v1';

  /** Sent as a Bearer token when set; local servers usually need none. */
  @IsOptional()
  @IsString()
  OPENAI_API_KEY?: string;

  @IsString()
  OPENAI_MODEL = 'gpt-4o-mini';

  /** Deadline of one chat request; past it the local engine's result stands. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  OPENAI_TIMEOUT_MS = 20_000;

  /**
   * How long a running generation waits out an unreachable catalog (broker or ingestion down) before its attempt
   * fails; within it the job retries with backoff instead of spending Bull's attempts.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  FITMENT_CATALOG_WAIT_MS = 120_000;

  /** Chat requests one job keeps in flight at once. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  FITMENT_PROVIDER_CONCURRENCY = 4;

  /** Exports of at most this many approved fitments are built within the request; larger ones run as a job. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  FITMENT_EXPORT_INLINE_MAX = 5000;
}

export const FITMENT_ENV = Symbol('FITMENT_ENV');
