import { embedInBatches, type Embedder } from './embedder.js';
import { l2Normalize } from './vectors.js';

export interface OpenAiEmbedderOptions {
  /** Base URL of the API; `/embeddings` is appended (`https://api.openai.com/v1`, `http://host:11434/v1` ...). */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** Length of the vectors the model answers; an answer of another length is an error. */
  dimensions: number;
  batchSize: number;
  /** Deadline of one HTTP attempt. */
  timeoutMs: number;
  /** Attempts after the first on 429, 5xx, timeouts and connection errors. */
  maxRetries: number;
  /** First backoff; it doubles each retry up to `retryMaxMs`, half of it random (jitter). */
  retryBaseMs: number;
  retryMaxMs: number;
  /** For tests: the source of jitter and the wait. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A failure of the embeddings provider, with what it answered; `retryable` says whether another attempt could help. */
export class EmbeddingsProviderError extends Error {
  constructor(
    message: string,
    readonly retryable = false,
    readonly status?: number,
    /** How long the server asked to wait (Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'EmbeddingsProviderError';
  }
}

/**
 * A client of an OpenAI-compatible `/v1/embeddings` API (OpenAI, Azure-style proxies, Ollama, vLLM, LocalAI):
 * batches of `batchSize` texts, each request retried with exponential backoff and jitter on 429 (honouring
 * Retry-After), 5xx, timeouts and connection errors; any answer not of the expected shape is an error that says so.
 */
export class OpenAiEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  readonly batchSize: number;
  private readonly url: string;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: OpenAiEmbedderOptions) {
    this.model = `openai:${opts.model}:${opts.dimensions}`;
    this.dimensions = opts.dimensions;
    this.batchSize = opts.batchSize;
    this.url = `${opts.baseUrl.replace(/\/+$/, '')}/embeddings`;
    this.random = opts.random ?? Math.random;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    return embedInBatches(texts, this.batchSize, (batch) => this.embedBatch(batch));
  }

  private async embedBatch(batch: string[]): Promise<Float32Array[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.request(batch);
      } catch (err) {
        const retryable = err instanceof EmbeddingsProviderError && err.retryable;
        if (!retryable || attempt >= this.opts.maxRetries) {
          if (retryable) throw new EmbeddingsProviderError(`${err.message} (after ${attempt + 1} attempts)`, false);
          throw err;
        }
        await this.sleep(this.backoffMs(attempt, (err as EmbeddingsProviderError).retryAfterMs));
      }
    }
  }

  /** Half of the capped exponential delay plus a random half of it; a Retry-After of the server wins when longer. */
  backoffMs(attempt: number, retryAfterMs?: number): number {
    const cap = Math.min(this.opts.retryMaxMs, this.opts.retryBaseMs * 2 ** attempt);
    const delay = cap / 2 + this.random() * (cap / 2);
    return retryAfterMs !== undefined ? Math.min(this.opts.retryMaxMs, Math.max(delay, retryAfterMs)) : delay;
  }

  private async request(batch: string[]): Promise<Float32Array[]> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.opts.apiKey) headers.authorization = `Bearer ${this.opts.apiKey}`;
    const deadline = AbortSignal.timeout(this.opts.timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: this.opts.model, input: batch, encoding_format: 'float' }),
        signal: deadline,
      });
      text = await res.text();
    } catch (err) {
      if (deadline.aborted) throw new EmbeddingsProviderError(`no answer within ${this.opts.timeoutMs} ms`, true);
      throw new EmbeddingsProviderError(`request to ${this.url} failed: ${(err as Error).message}`, true);
    }
    if (!res.ok) {
      const retryable = res.status === 429 || res.status === 408 || res.status >= 500;
      const retryAfter = Number(res.headers.get('retry-after') ?? Number.NaN);
      throw new EmbeddingsProviderError(
        `HTTP ${res.status} from ${this.url}${text ? `: ${text.slice(0, 200)}` : ''}`,
        retryable,
        res.status,
        Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined,
      );
    }
    return parseEmbeddings(text, batch.length, this.dimensions);
  }
}

/** Reads an `/embeddings` answer: `{data: [{index, embedding}]}`, one finite vector of `dimensions` per input. */
export function parseEmbeddings(text: string, count: number, dimensions: number): Float32Array[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new EmbeddingsProviderError(`the answer is not JSON: ${(err as Error).message}`);
  }
  const data = (json as { data?: unknown })?.data;
  if (!Array.isArray(data)) throw new EmbeddingsProviderError('the answer has no data array');
  if (data.length !== count)
    throw new EmbeddingsProviderError(`the answer has ${data.length} embeddings for ${count} inputs`);
  const out: Float32Array[] = new Array(count);
  data.forEach((item: { index?: unknown; embedding?: unknown }, position) => {
    const index = item?.index ?? position;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= count || out[index])
      throw new EmbeddingsProviderError(`the answer has a bad or repeated index ${String(index)}`);
    const embedding = item?.embedding;
    if (!Array.isArray(embedding)) throw new EmbeddingsProviderError(`embedding ${index} is not an array of numbers`);
    if (embedding.length !== dimensions)
      throw new EmbeddingsProviderError(
        `embedding ${index} has ${embedding.length} dimensions, not the ${dimensions} configured (EMBEDDINGS_DIMENSIONS)`,
      );
    if (!embedding.every((x) => typeof x === 'number' && Number.isFinite(x)))
      throw new EmbeddingsProviderError(`embedding ${index} is not an array of numbers`);
    out[index] = l2Normalize(embedding);
  });
  return out;
}
