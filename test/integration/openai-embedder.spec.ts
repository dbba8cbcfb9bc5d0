// OpenAiEmbedder against a local fake of the embeddings API: no network.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  EmbeddingsProviderError,
  OpenAiEmbedder,
  type OpenAiEmbedderOptions,
} from '../../apps/indexer-service/src/embeddings/openai-embedder.js';
import { dot, l2Normalize } from '../../apps/indexer-service/src/embeddings/vectors.js';
import { FakeEmbeddingsServer } from './openai-embeddings-server.js';

describe('OpenAiEmbedder', () => {
  const server = new FakeEmbeddingsServer(8);
  const waits: number[] = [];

  const embedder = (opts: Partial<OpenAiEmbedderOptions> = {}) =>
    new OpenAiEmbedder({
      baseUrl: `${server.baseUrl}/`,
      apiKey: 'sk-test',
      model: 'text-embedding-3-small',
      dimensions: 8,
      batchSize: 2,
      timeoutMs: 2000,
      maxRetries: 3,
      retryBaseMs: 100,
      retryMaxMs: 1000,
      random: () => 0.5,
      // records the backoff instead of sleeping it
      sleep: async (ms) => void waits.push(ms),
      ...opts,
    });

  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });
  beforeEach(() => {
    server.script = [];
    server.retryAfterSeconds = null;
    server.requests.length = 0;
    waits.length = 0;
  });

  it('embeds in batches, in input order, unit length, with the key and model sent', async () => {
    const texts = ['brake pad', 'oil filter', 'spark plug'];
    const vectors = await embedder().embed(texts);
    expect(vectors).toHaveLength(3);
    texts.forEach((text, i) => {
      expect(dot(vectors[i], vectors[i])).toBeCloseTo(1, 5);
      expect(dot(vectors[i], l2Normalize(server.vectorOf(text)))).toBeCloseTo(1, 5);
    });
    expect(server.requests.map((r) => r.body.input)).toEqual([['brake pad', 'oil filter'], ['spark plug']]);
    expect(server.requests[0]).toMatchObject({
      authorization: 'Bearer sk-test',
      body: { model: 'text-embedding-3-small', encoding_format: 'float' },
    });
    expect(embedder().model).toBe('openai:text-embedding-3-small:8');
  });

  it('sends no authorization header without a key', async () => {
    await embedder({ apiKey: undefined }).embed(['x']);
    expect(server.requests[0].authorization).toBeUndefined();
  });

  it('retries a 429 after a backoff and succeeds', async () => {
    server.script = ['http-429'];
    const [v] = await embedder().embed(['brake pad']);
    expect(dot(v, l2Normalize(server.vectorOf('brake pad')))).toBeCloseTo(1, 5);
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([75]); // 100 ms capped delay: half plus 0.5 of the other half
  });

  it('waits as long as Retry-After says, up to the cap', async () => {
    server.script = ['http-429', 'http-429'];
    server.retryAfterSeconds = 0.3;
    await embedder().embed(['x']);
    expect(waits).toEqual([300, 300]);
    server.script = ['http-429'];
    server.retryAfterSeconds = 60;
    waits.length = 0;
    await embedder().embed(['x']);
    expect(waits).toEqual([1000]);
  });

  it('gives up after the retries on 500s, saying how many attempts it made', async () => {
    server.script = ['http-500', 'http-500', 'http-500', 'http-500', 'http-500'];
    const err = await embedder()
      .embed(['x'])
      .catch((e) => e);
    expect(err).toBeInstanceOf(EmbeddingsProviderError);
    expect(err.message).toMatch(/HTTP 500 .*upstream overloaded.*\(after 4 attempts\)/);
    expect(server.requests).toHaveLength(4);
    // exponential: 100, 200, 400 ms caps
    expect(waits).toEqual([75, 150, 300]);
  });

  it('does not retry a 400, whose answer would not change', async () => {
    server.script = ['http-400'];
    await expect(embedder().embed(['x'])).rejects.toThrow(/HTTP 400 .*input too long/);
    expect(server.requests).toHaveLength(1);
  });

  it('ends a request that gets no answer at its deadline, and retries it', async () => {
    server.script = ['hang', 'hang'];
    const started = Date.now();
    await expect(embedder({ timeoutMs: 200, maxRetries: 1 }).embed(['x'])).rejects.toThrow(
      /no answer within 200 ms \(after 2 attempts\)/,
    );
    expect(Date.now() - started).toBeLessThan(1500);
    server.script = ['hang'];
    server.requests.length = 0;
    await expect(embedder({ timeoutMs: 200, maxRetries: 1 }).embed(['x'])).resolves.toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ['not-json', /the answer is not JSON/],
    ['no-data', /the answer has no data array/],
    ['short', /embedding \d has 7 dimensions, not the 8 configured \(EMBEDDINGS_DIMENSIONS\)/],
  ] as const)('refuses a malformed answer (%s) with a clear error, without retrying', async (answer, reason) => {
    server.script = [answer];
    await expect(embedder().embed(['a', 'b'])).rejects.toThrow(reason);
    expect(server.requests).toHaveLength(1);
  });

  it('reports a server that is not there as a connection failure after the retries', async () => {
    const gone = new FakeEmbeddingsServer();
    await gone.start();
    const baseUrl = gone.baseUrl;
    await gone.stop();
    await expect(embedder({ baseUrl, maxRetries: 1 }).embed(['x'])).rejects.toThrow(
      /request to .*\/embeddings failed: .*\(after 2 attempts\)/,
    );
  });
});
