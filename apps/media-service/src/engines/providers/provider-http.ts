import { EngineAbortedError, MediaEngineError } from '../media-engine.js';

/** How every provider talks HTTP; the provider classes pass these through from their own options. */
export interface ProviderHttpOptions {
  /** Limit of one HTTP request (answer and body), ms. A timeout is not retried here: the task may be retried later. */
  timeoutMs?: number;
  /** Further attempts after a 429, a 5xx or no answer at all; 4xx answers are never retried. */
  retries?: number;
  /** First backoff delay, ms; doubled on each retry, with jitter (half to all of it). */
  retryBaseMs?: number;
  /** The longest wait before a retry, ms, whether from the backoff or from a Retry-After header. */
  maxRetryDelayMs?: number;
  /** The largest answer body read, bytes. */
  maxResponseBytes?: number;
  fetch?: typeof fetch;
  /** Tests: [0, 1) for the jitter, and the wait itself. */
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const DEFAULT_PROVIDER_TIMEOUT_MS = 120_000;
export const DEFAULT_PROVIDER_RETRIES = 2;
const DEFAULT_RETRY_BASE_MS = 500;
const DEFAULT_MAX_RETRY_DELAY_MS = 30_000;
/** A 2048 × 2048 PNG as base64 in JSON is about 20 MB; this leaves room without letting a bad server fill memory. */
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const EXCERPT_CHARS = 200;

export interface ProviderRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON with `content-type: application/json`. */
  json?: unknown;
}

export interface ProviderResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  /** How many attempts it took, 1 when the first answered. */
  attempts: number;
}

/** Called before each retry: what failed and how long the wait is. */
export type RetryListener = (info: { attempt: number; of: number; reason: string; delayMs: number }) => void;

/** A failed attempt that another may cure (429, 5xx, no answer); what the loop catches to decide on a retry. */
class RetryableAttempt extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

/**
 * The one HTTP client of the media providers: each request limited by `timeoutMs` and by the task's signal
 * (AbortSignal.any), retried with exponential backoff and jitter on 429, 5xx and network errors (Retry-After
 * honoured, capped at maxRetryDelayMs), never on another 4xx. Failures are MediaEngineError('provider_failed')
 * naming the provider, the request and the status with an excerpt of the body; the task's abort is an
 * EngineAbortedError (`name === 'AbortError'`), never retried.
 */
export class ProviderHttp {
  readonly timeoutMs: number;
  readonly retries: number;
  private readonly retryBaseMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly maxResponseBytes: number;
  private readonly fetch: typeof fetch;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(
    readonly provider: string,
    options: ProviderHttpOptions = {},
  ) {
    this.timeoutMs = positiveInteger('timeoutMs', options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS);
    this.retries = options.retries ?? DEFAULT_PROVIDER_RETRIES;
    if (!Number.isInteger(this.retries) || this.retries < 0 || this.retries > 10) {
      throw new RangeError(`${provider}: retries must be an integer from 0 to 10, got ${options.retries}`);
    }
    this.retryBaseMs = positiveInteger('retryBaseMs', options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS);
    this.maxRetryDelayMs = positiveInteger('maxRetryDelayMs', options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS);
    this.maxResponseBytes = positiveInteger('maxResponseBytes', options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    this.fetch = options.fetch ?? globalThis.fetch;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? abortableSleep;
  }

  /** The answer of a 2xx, after retries; throws provider_failed or EngineAbortedError otherwise. */
  async request(req: ProviderRequest, signal: AbortSignal, onRetry?: RetryListener): Promise<ProviderResponse> {
    const what = `${req.method} ${new URL(req.url).pathname}`;
    const attempts = this.retries + 1;
    for (let attempt = 1; ; attempt++) {
      if (signal.aborted) throw new EngineAbortedError(`${this.provider} request`);
      try {
        const res = await this.attempt(req, what, signal);
        return { ...res, attempts: attempt };
      } catch (err) {
        if (!(err instanceof RetryableAttempt)) throw err;
        if (attempt >= attempts) {
          throw new MediaEngineError(
            'provider_failed',
            `${err.message}${attempts > 1 ? ` (gave up after ${attempts} attempts)` : ''}`,
            { retryable: true, cause: err.cause },
          );
        }
        const delayMs = this.retryDelay(attempt, err.retryAfterMs);
        onRetry?.({ attempt: attempt + 1, of: attempts, reason: err.message, delayMs });
        try {
          await this.sleep(delayMs, signal);
        } catch (sleepErr) {
          if (signal.aborted) throw new EngineAbortedError(`${this.provider} request`);
          throw sleepErr;
        }
      }
    }
  }

  /** `request`, with the answer parsed as JSON; a 2xx answer that is not JSON is provider_failed. */
  async json(
    req: ProviderRequest,
    signal: AbortSignal,
    onRetry?: RetryListener,
  ): Promise<{ json: unknown; attempts: number }> {
    const res = await this.request(req, signal, onRetry);
    const text = res.body.toString('utf8');
    try {
      return { json: JSON.parse(text), attempts: res.attempts };
    } catch (err) {
      throw new MediaEngineError(
        'provider_failed',
        `${this.provider}: the answer to ${req.method} ${new URL(req.url).pathname} is not JSON: ${excerpt(text)}`,
        { retryable: false, cause: err },
      );
    }
  }

  /** The wait before attempt `attempt + 1`: Retry-After when the server gave one, else backoff with jitter. */
  retryDelay(attempt: number, retryAfterMs: number | undefined): number {
    if (retryAfterMs !== undefined) return Math.min(retryAfterMs, this.maxRetryDelayMs);
    const backoff = Math.min(this.retryBaseMs * 2 ** (attempt - 1), this.maxRetryDelayMs);
    return Math.round(backoff * (0.5 + this.random() / 2));
  }

  private async attempt(
    req: ProviderRequest,
    what: string,
    signal: AbortSignal,
  ): Promise<Omit<ProviderResponse, 'attempts'>> {
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const both = AbortSignal.any([signal, deadline]);
    const headers: Record<string, string> = { accept: 'application/json, image/*', ...req.headers };
    if (req.json !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    let body: Buffer;
    try {
      res = await this.fetch(req.url, {
        method: req.method,
        headers,
        body: req.json === undefined ? undefined : JSON.stringify(req.json),
        signal: both,
      });
      body = await readBody(res, this.maxResponseBytes, `${this.provider}: the answer to ${what}`);
    } catch (err) {
      if (signal.aborted) throw new EngineAbortedError(`${this.provider} request`);
      if (deadline.aborted) {
        throw new MediaEngineError(
          'provider_failed',
          `${this.provider}: no answer to ${what} within ${this.timeoutMs} ms`,
          {
            retryable: true,
            cause: err,
          },
        );
      }
      if (err instanceof MediaEngineError) throw err;
      const cause = (err as Error & { cause?: Error }).cause;
      throw new RetryableAttempt(
        `${this.provider}: no answer to ${what}: ${(err as Error).message}${cause?.message ? ` (${cause.message})` : ''}`,
        undefined,
        err,
      );
    }
    if (res.ok) return { status: res.status, headers: res.headers, body };
    const text = excerpt(body.toString('utf8'));
    const message = `${this.provider}: HTTP ${res.status} from ${what}${text ? `: ${text}` : ''}`;
    if (res.status === 429 || res.status >= 500) {
      throw new RetryableAttempt(message, parseRetryAfter(res.headers.get('retry-after')));
    }
    throw new MediaEngineError('provider_failed', message, { retryable: false });
  }
}

/** The body, at most `limit` bytes (a larger one is provider_failed); aborts with the response's signal. */
async function readBody(res: Response, limit: number, what: string): Promise<Buffer> {
  const tooLarge = () =>
    new MediaEngineError('provider_failed', `${what} is over ${limit} bytes`, { retryable: false });
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * A short excerpt of an error body for a message: the `error.message` / `message` / `detail` / `error` of a JSON
 * body when it has one (OpenAI, FastAPI and ComfyUI shapes), else the text, whitespace collapsed.
 */
export function excerpt(text: string): string {
  let picked = text;
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const error = json?.error as Record<string, unknown> | string | undefined;
    const candidate =
      (typeof error === 'object' && error !== null ? error.message : error) ?? json?.message ?? json?.detail;
    if (typeof candidate === 'string' && candidate.trim()) picked = candidate;
  } catch {
    // not JSON: the text itself
  }
  const flat = picked.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

/** A Retry-After header in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Waits `ms`, or rejects at once when `signal` fires. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new EngineAbortedError('wait'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new EngineAbortedError('wait'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
