import type { TokenUsage } from './metadata-generator.js';

/**
 * What went wrong with one attempt of a provider, the `error_type` label of
 * project_meta_generation_failures_total: `timeout` (no answer within METADATA_PROVIDER_TIMEOUT_MS), `rate_limited`
 * (429), `server_error` (5xx), `client_error` (another 4xx: a bad key, a bad model), `network` (no HTTP answer),
 * `invalid_output` (an answer that is not the schema's), `aborted` (the caller cancelled), `circuit_open` (skipped
 * by the breaker, not called), `insufficient_content` (the local engine found fewer than 3 keyphrases), `internal`
 * (any other error: a bug, not retried).
 */
export const METADATA_ERROR_TYPES = [
  'timeout',
  'rate_limited',
  'server_error',
  'client_error',
  'network',
  'invalid_output',
  'aborted',
  'circuit_open',
  'insufficient_content',
  'internal',
] as const;
export type MetadataErrorType = (typeof METADATA_ERROR_TYPES)[number];

/** The error types another attempt of the same provider may cure. */
const RETRYABLE: ReadonlySet<MetadataErrorType> = new Set(['timeout', 'rate_limited', 'server_error', 'network']);

/** A failed attempt of one provider, classified. */
export class MetadataProviderError extends Error {
  override name = 'MetadataProviderError';

  constructor(
    readonly errorType: MetadataErrorType,
    message: string,
    readonly details: {
      status?: number;
      /** How long the server asked to wait before the next request (Retry-After). */
      retryAfterMs?: number;
      /** Tokens the answer reported, also when it was unusable: they were billed. */
      tokens?: TokenUsage;
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.errorType);
  }
}

/** The error type of an HTTP status that is not a success. */
export function errorTypeOfStatus(status: number): MetadataErrorType {
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server_error';
  return 'client_error';
}

/** A Retry-After header in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The local engine's refusal of a text with too little in it (say, two words): fewer than MIN_TAGS keyphrases. */
export class InsufficientContentError extends MetadataProviderError {
  override name = 'InsufficientContentError';

  constructor(message: string) {
    super('insufficient_content', message);
  }
}
