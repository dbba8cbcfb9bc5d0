import type { MetadataProviderName } from './metadata-provider.js';
import type { MetadataErrorType } from './provider-error.js';

/** How one provider failed a generation: its last attempt's error type and message, and the attempts it made. */
export interface ProviderFailure {
  provider: MetadataProviderName;
  errorType: MetadataErrorType;
  message: string;
  /** HTTP calls made (0 when the circuit was open). */
  attempts: number;
}

/** Error types that may pass: a later generation could succeed where this one failed. */
const TRANSIENT: ReadonlySet<MetadataErrorType> = new Set([
  'timeout',
  'rate_limited',
  'server_error',
  'network',
  'circuit_open',
]);

/** Every provider of the chain failed; the message names each failure. */
export class MetadataGenerationError extends Error {
  override name = 'MetadataGenerationError';

  constructor(readonly failures: readonly ProviderFailure[]) {
    super(
      failures.length === 0
        ? 'no metadata provider is configured'
        : `every metadata provider failed: ${failures
            .map(
              (f) =>
                `${f.provider} ${f.errorType} after ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}: ${f.message}`,
            )
            .join('; ')}`,
    );
  }

  /** Whether another try later could succeed: some failure was transient (not just invalid output or a short text). */
  get retryable(): boolean {
    return this.failures.some((f) => TRANSIENT.has(f.errorType));
  }
}

/** The caller's signal aborted the generation; nothing else was tried after it. */
export class MetadataGenerationAbortedError extends Error {
  override name = 'AbortError';

  constructor(
    readonly provider: MetadataProviderName | null,
    cause: unknown,
  ) {
    super(`metadata generation aborted${provider ? ` during ${provider}` : ''}`, { cause });
  }
}
