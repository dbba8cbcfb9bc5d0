import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/**
 * Settings of the metadata engine (issue 13, seed 003), read once at boot (MetadataEngineModule.forRoot, loadEnv):
 * a bad value stops the process with a message naming the variable. With no key set, metadata comes from the
 * local engine alone (no network). OPENAI_API_KEY is the same variable the assistant and the embeddings read;
 * OPENAI_BASE_URL has the meaning it has in the fitment service.
 */
export class MetadataEngineEnv {
  /**
   * Providers in the order they are tried, comma-separated, of `openai`, `gemini`, `local`. A hosted one is used
   * only when its key is set; leave `local` out to fail instead of falling back to the local engine.
   */
  @Matches(/^\s*(openai|gemini|local)\s*(,\s*(openai|gemini|local)\s*)*$/, {
    message: 'must be a comma-separated list of openai, gemini, local',
  })
  METADATA_PROVIDERS = 'openai,gemini,local';

  /** Bearer token of the OpenAI-compatible API; unset, the OpenAI provider is left out. */
  @IsOptional()
  @IsString()
  OPENAI_API_KEY?: string;

  /** Base URL of the chat-completions API (`/chat/completions` is appended): OpenAI, vLLM, Ollama ... */
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  OPENAI_BASE_URL = 'https://api.openai.com/v1';

  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  METADATA_OPENAI_MODEL = 'gpt-4o-mini';

  /** Key of the Gemini API (sent as `x-goog-api-key`); unset, the Gemini provider is left out. */
  @IsOptional()
  @IsString()
  GEMINI_API_KEY?: string;

  /** Origin of the Gemini API (`/v1beta/models/{model}:generateContent` is appended). */
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com';

  @IsString()
  @Matches(/^[\w.-]+$/, { message: 'must be a model name (letters, digits, . _ -)' })
  METADATA_GEMINI_MODEL = 'gemini-2.5-flash';

  /** Deadline of one attempt of a hosted provider. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(300_000)
  METADATA_PROVIDER_TIMEOUT_MS = 20_000;

  /** Attempts after the first on 429, 5xx, timeouts and connection errors, per hosted provider. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  METADATA_PROVIDER_RETRIES = 2;

  /** First retry delay; it doubles each retry up to METADATA_RETRY_MAX_MS, half of it random. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60_000)
  METADATA_RETRY_BASE_MS = 500;

  /** Longest retry delay, and the longest Retry-After waited for (asked for more, the next provider answers). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(300_000)
  METADATA_RETRY_MAX_MS = 10_000;

  /** Consecutive failed generations of a provider that open its circuit (it is skipped for the cooldown). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  METADATA_BREAKER_FAILURES = 5;

  /** How long an open circuit skips its provider before one trial call. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(86_400_000)
  METADATA_BREAKER_COOLDOWN_MS = 60_000;

  /** Characters of a document's content sent to a provider (truncateMetadataContent); the seed's 4000. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(200_000)
  METADATA_MAX_CONTENT_CHARS = 4000;

  /** USD per million prompt and completion tokens of METADATA_OPENAI_MODEL (defaults: gpt-4o-mini's list price). */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  METADATA_OPENAI_PROMPT_USD_PER_1M = 0.15;

  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  METADATA_OPENAI_COMPLETION_USD_PER_1M = 0.6;

  /** USD per million prompt and completion tokens of METADATA_GEMINI_MODEL (defaults: gemini-2.5-flash's). */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  METADATA_GEMINI_PROMPT_USD_PER_1M = 0.3;

  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  METADATA_GEMINI_COMPLETION_USD_PER_1M = 2.5;
}

export const METADATA_ENGINE_ENV = Symbol('METADATA_ENGINE_ENV');

/**
 * `content` cut to at most `maxChars` characters (METADATA_MAX_CONTENT_CHARS) for a provider: at the last
 * whitespace of its final fifth when there is one (no half word), never inside a surrogate pair, trailing space
 * dropped. Shorter content is returned as it is.
 */
export function truncateMetadataContent(content: string, maxChars: number): string {
  if (content.length <= maxChars) return content;
  let cut = content.slice(0, maxChars);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  const space = cut.search(/\s\S*$/);
  if (!/\s/.test(content[cut.length]) && space >= maxChars * 0.8) cut = cut.slice(0, space);
  return cut.trimEnd();
}
