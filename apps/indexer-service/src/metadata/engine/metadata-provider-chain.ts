import { Logger } from '@nestjs/common';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { CircuitBreaker } from './circuit-breaker.js';
import { MetadataGenerationAbortedError, MetadataGenerationError, type ProviderFailure } from './generation-errors.js';
import type { MetadataEngineMetrics } from './metadata-engine-metrics.js';
import type { GeneratedMetadata, MetadataGenerator, MetadataInput, TokenUsage } from './metadata-generator.js';
import { InvalidMetadataError } from './metadata-output.js';
import type { MetadataProvider } from './metadata-provider.js';
import { MetadataProviderError } from './provider-error.js';

/** USD per million tokens of a provider's model. */
export interface TokenPrice {
  promptPerMillion: number;
  completionPerMillion: number;
}

/** How the chain calls one provider. */
export interface ProviderPolicy {
  /** Deadline of one attempt; null for none (the local engine runs in process and cannot be interrupted). */
  timeoutMs: number | null;
  /** Attempts after the first on `timeout`, `rate_limited`, `server_error` and `network` failures. */
  retries: number;
  /** First backoff; it doubles each retry up to retryMaxMs, half of it random (jitter). */
  retryBaseMs: number;
  /** Longest backoff, and the longest Retry-After honoured: a server asking for more is left for the next provider. */
  retryMaxMs: number;
  /** Null for none. */
  breaker: { failures: number; cooldownMs: number } | null;
  price: TokenPrice | null;
}

export interface ChainEntry {
  provider: MetadataProvider;
  policy: ProviderPolicy;
}

/** Where the chain logs each failure (Nest's Logger by default). */
export interface ChainLogger {
  warn(message: string): void;
  log(message: string): void;
}

export interface ChainOptions {
  metrics?: MetadataEngineMetrics | null;
  logger?: ChainLogger;
  /** For tests: the source of jitter, the clock of the breakers and the wait between attempts. */
  random?: () => number;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

class TimedOut extends Error {
  override name = 'TimeoutError';
}

/**
 * The MetadataGenerator of the indexer: providers tried in order (OpenAI, Gemini, then the local engine by
 * default) until one answers metadata that passes the schema. Per provider: a deadline per attempt, retries with
 * exponential backoff and jitter on 429 (Retry-After honoured up to retryMaxMs), 5xx, timeouts and connection
 * errors, none on other 4xx or on invalid output; a circuit breaker that skips the provider for a cooldown after
 * consecutive failed generations, then lets one trial through. Each failed attempt and each skip is logged and
 * counted (project_meta_generation_failures_total); tokens and their estimated cost are counted for every answer
 * that reported them. When every provider failed, a MetadataGenerationError names each failure. The caller's
 * signal ends the attempt in flight, any backoff, and the whole generation at once (MetadataGenerationAbortedError).
 */
export class MetadataProviderChain implements MetadataGenerator {
  private readonly breakers: Array<CircuitBreaker | null>;
  private readonly metrics: MetadataEngineMetrics | null;
  private readonly logger: ChainLogger;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>;

  constructor(
    private readonly entries: readonly ChainEntry[],
    opts: ChainOptions = {},
  ) {
    this.metrics = opts.metrics ?? null;
    this.logger = opts.logger ?? new Logger(MetadataProviderChain.name);
    this.random = opts.random ?? Math.random;
    this.sleep = opts.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal }));
    this.breakers = entries.map(({ policy }) =>
      policy.breaker ? new CircuitBreaker({ ...policy.breaker, now: opts.now }) : null,
    );
  }

  /** The providers in order, by name. */
  get providers(): string[] {
    return this.entries.map((e) => e.provider.name);
  }

  /** The breaker state of a provider (null when it has none). */
  circuitState(provider: string): string | null {
    const i = this.entries.findIndex((e) => e.provider.name === provider);
    return this.breakers[i]?.state ?? null;
  }

  async generate(input: MetadataInput, signal?: AbortSignal): Promise<GeneratedMetadata> {
    const failures: ProviderFailure[] = [];
    for (let i = 0; i < this.entries.length; i++) {
      const { provider } = this.entries[i];
      if (signal?.aborted) throw new MetadataGenerationAbortedError(null, signal.reason);
      const breaker = this.breakers[i];
      if (breaker && !breaker.tryAcquire()) {
        const message = `circuit open, skipped for ${Math.ceil(breaker.retryInMs / 1000)} s more`;
        this.count(provider.name, 'circuit_open');
        this.logger.warn(`${provider.name} ${message}`);
        failures.push({ provider: provider.name, errorType: 'circuit_open', message, attempts: 0 });
        continue;
      }
      try {
        const result = await this.withRetries(this.entries[i], input, signal, failures);
        breaker?.success();
        return result;
      } catch (err) {
        if (err instanceof MetadataGenerationAbortedError) {
          breaker?.release();
          throw err;
        }
        const failure = err as MetadataProviderError;
        if (breaker && failure.errorType !== 'insufficient_content' && breaker.failure())
          this.logger.warn(
            `${provider.name} circuit opened after ${this.entries[i].policy.breaker!.failures} failed generations`,
          );
      }
    }
    throw new MetadataGenerationError(failures);
  }

  private async withRetries(
    entry: ChainEntry,
    input: MetadataInput,
    signal: AbortSignal | undefined,
    failures: ProviderFailure[],
  ): Promise<GeneratedMetadata> {
    const { provider, policy } = entry;
    for (let attempt = 0; ; attempt++) {
      let error: MetadataProviderError;
      try {
        const result = await this.attempt(entry, input, signal);
        this.countTokens(entry, result.tokens);
        return result;
      } catch (err) {
        error = this.classify(err, provider, policy, signal);
      }
      this.count(provider.name, error.errorType);
      if (error.details.tokens) this.countTokens(entry, error.details.tokens);
      const attempts = attempt + 1;
      if (error.errorType === 'aborted') {
        this.logger.log(`${provider.name} attempt ${attempts} aborted by the caller`);
        throw new MetadataGenerationAbortedError(provider.name, signal?.reason);
      }
      const retry = error.retryable && attempt < policy.retries;
      const delay = retry ? this.backoffMs(policy, attempt, error) : null;
      this.logger.warn(
        `${provider.name} attempt ${attempts} of ${policy.retries + 1} failed (${error.errorType}): ${error.message}` +
          (delay !== null
            ? `; retrying in ${Math.round(delay)} ms`
            : retry
              ? `; Retry-After ${Math.round(error.details.retryAfterMs! / 1000)} s is past the longest wait, not retrying`
              : ''),
      );
      if (delay === null) {
        failures.push({ provider: provider.name, errorType: error.errorType, message: error.message, attempts });
        throw error;
      }
      try {
        await this.sleep(delay, signal);
      } catch (err) {
        if (signal?.aborted) {
          this.count(provider.name, 'aborted');
          throw new MetadataGenerationAbortedError(provider.name, signal.reason);
        }
        throw err;
      }
    }
  }

  /** One call of the provider under the policy's deadline and the caller's signal. */
  private async attempt(entry: ChainEntry, input: MetadataInput, signal?: AbortSignal): Promise<GeneratedMetadata> {
    const { provider, policy } = entry;
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    const timer =
      policy.timeoutMs === null
        ? null
        : setTimeout(() => controller.abort(new TimedOut(`no answer within ${policy.timeoutMs} ms`)), policy.timeoutMs);
    try {
      return await provider.generate(input, controller.signal);
    } finally {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** What went wrong, in the chain's terms: the caller's cancel and the deadline first, whatever the provider said. */
  private classify(
    err: unknown,
    provider: MetadataProvider,
    policy: ProviderPolicy,
    signal: AbortSignal | undefined,
  ): MetadataProviderError {
    if (signal?.aborted) return new MetadataProviderError('aborted', `${provider.name}: aborted`, { cause: err });
    if (err instanceof MetadataProviderError && err.errorType !== 'network') return err;
    if (err instanceof TimedOut || (err as Error | undefined)?.cause instanceof TimedOut)
      return new MetadataProviderError('timeout', `${provider.name}: no answer within ${policy.timeoutMs} ms`, {
        cause: err,
      });
    // a fetch ended by the deadline reports the abort as a network error; the reason tells them apart
    if (err instanceof MetadataProviderError) {
      const reason = (err.details.cause as { cause?: unknown } | undefined)?.cause ?? err.details.cause;
      if (reason instanceof TimedOut)
        return new MetadataProviderError('timeout', `${provider.name}: no answer within ${policy.timeoutMs} ms`, {
          cause: err,
        });
      return err;
    }
    if (err instanceof InvalidMetadataError)
      return new MetadataProviderError('invalid_output', `${provider.name}: ${err.message}`, { cause: err });
    return new MetadataProviderError('internal', `${provider.name}: ${(err as Error)?.message ?? String(err)}`, {
      cause: err,
    });
  }

  /** Half of the capped exponential delay plus a random half; a Retry-After wins when longer, null past the cap. */
  private backoffMs(policy: ProviderPolicy, attempt: number, error: MetadataProviderError): number | null {
    const cap = Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** attempt);
    const delay = cap / 2 + this.random() * (cap / 2);
    const asked = error.details.retryAfterMs;
    if (asked === undefined) return delay;
    return asked > policy.retryMaxMs ? null : Math.max(delay, asked);
  }

  private count(provider: string, errorType: string): void {
    this.metrics?.failures.inc({ provider, error_type: errorType });
  }

  private countTokens(entry: ChainEntry, tokens: TokenUsage): void {
    if (!this.metrics || (tokens.prompt === 0 && tokens.completion === 0)) return;
    const provider = entry.provider.name;
    this.metrics.tokens.inc({ provider, kind: 'prompt' }, tokens.prompt);
    this.metrics.tokens.inc({ provider, kind: 'completion' }, tokens.completion);
    const price = entry.policy.price;
    if (price)
      this.metrics.costUsd.inc(
        { provider },
        (tokens.prompt * price.promptPerMillion + tokens.completion * price.completionPerMillion) / 1_000_000,
      );
  }
}
