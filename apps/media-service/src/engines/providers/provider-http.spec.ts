import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeImageProviders, startFakeImageProviders } from '../../../../../test/support/fake-image-providers.js';
import { MediaEngineError } from '../media-engine.js';
import { excerpt, parseRetryAfter, ProviderHttp, type ProviderHttpOptions } from './provider-http.js';

let fake: FakeImageProviders;
beforeAll(async () => {
  fake = await startFakeImageProviders();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => fake.reset());

const never = new AbortController().signal;

/** A client whose waits are recorded and skipped, so backoff is checked without waiting for it. */
function client(options: ProviderHttpOptions = {}) {
  const waits: number[] = [];
  const http = new ProviderHttp('fakeai', {
    retries: 2,
    timeoutMs: 5000,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  return { http, waits };
}

const generation = () => ({
  method: 'POST' as const,
  url: `${fake.openAiBaseUrl}/images/generations`,
  json: { model: 'm', prompt: 'a rotor', size: '64x64' },
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('ProviderHttp', () => {
  it('retries a 503 with exponential backoff and jitter, then returns the answer', async () => {
    fake.failNext('openai', 2, 503);
    const { http, waits } = client({ retryBaseMs: 100 });
    const retries: number[] = [];
    const { json, attempts } = await http.json(generation(), never, ({ attempt }) => retries.push(attempt));
    expect(attempts).toBe(3);
    expect((json as any).data[0].b64_json).toEqual(expect.any(String));
    expect(fake.requestsTo('openai')).toHaveLength(3);
    // base 100 doubled per retry, times 0.5 + random/2 = 0.75
    expect(waits).toEqual([75, 150]);
    expect(retries).toEqual([2, 3]);
  });

  it('waits what Retry-After says on a 429, capped at maxRetryDelayMs', async () => {
    fake.failNext('openai', 1, 429, '2').failNext('openai', 1, 429, '120');
    const { http, waits } = client({ maxRetryDelayMs: 5000 });
    await http.json(generation(), never);
    expect(waits).toEqual([2000, 5000]);
  });

  it('gives up after the last retry with a retryable provider_failed naming provider, request, status and body', async () => {
    fake.failNext('openai', 3, 503);
    const { http } = client();
    const err = (await failure(http.json(generation(), never))) as MediaEngineError;
    expect(err).toBeInstanceOf(MediaEngineError);
    expect(err.code).toBe('provider_failed');
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('fakeai: HTTP 503 from POST /v1/images/generations: fake 503 number 3');
    expect(err.message).toContain('gave up after 3 attempts');
    expect(fake.requestsTo('openai')).toHaveLength(3);
  });

  it.each([400, 401, 404, 422])('never retries a %i', async (status) => {
    fake.answerNext('openai', status, { error: { message: 'Unknown parameter: response_format' } });
    const { http, waits } = client();
    const err = (await failure(http.json(generation(), never))) as MediaEngineError;
    expect(err).toMatchObject({ code: 'provider_failed', retryable: false });
    expect(err.message).toBe(
      `fakeai: HTTP ${status} from POST /v1/images/generations: Unknown parameter: response_format`,
    );
    expect(fake.requestsTo('openai')).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries when there is no answer at all (connection refused), then fails retryable', async () => {
    const closed = await startFakeImageProviders();
    const url = `${closed.openAiBaseUrl}/images/generations`;
    await closed.stop();
    const { http, waits } = client();
    const err = (await failure(http.json({ ...generation(), url }, never))) as MediaEngineError;
    expect(err).toMatchObject({ code: 'provider_failed', retryable: true });
    expect(err.message).toMatch(/^fakeai: no answer to POST \/v1\/images\/generations: fetch failed \(.*ECONNREFUSED/);
    expect(waits).toHaveLength(2);
  });

  it('fails a request that takes longer than timeoutMs as retryable, without retrying it here', async () => {
    fake.hangNext('openai', 3);
    const { http, waits } = client({ timeoutMs: 150 });
    const err = (await failure(http.json(generation(), never))) as MediaEngineError;
    expect(err).toMatchObject({ code: 'provider_failed', retryable: true });
    expect(err.message).toBe('fakeai: no answer to POST /v1/images/generations within 150 ms');
    expect(fake.requestsTo('openai')).toHaveLength(1);
    expect(waits).toEqual([]);
    await fake.waitFor(() => fake.last('openai').clientClosed);
  });

  it('rejects with an AbortError soon after the task’s signal fires mid-request, and does not retry', async () => {
    fake.hangNext('openai', 3);
    const { http } = client({ timeoutMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const err = await failure(http.json(generation(), controller.signal));
    expect(err.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fake.requestsTo('openai')).toHaveLength(1);
    await fake.waitFor(() => fake.last('openai').clientClosed);
  });

  it('rejects with an AbortError when the signal fires during the backoff wait', async () => {
    fake.failNext('openai', 1, 503, '30');
    const http = new ProviderHttp('fakeai', { retries: 2 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const err = await failure(http.json(generation(), controller.signal));
    expect(err.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fake.requestsTo('openai')).toHaveLength(1);
  });

  it('does not send a request when the signal has already fired', async () => {
    const { http } = client();
    const err = await failure(http.json(generation(), AbortSignal.abort()));
    expect(err.name).toBe('AbortError');
    expect(fake.requestsTo('openai')).toHaveLength(0);
  });

  it('fails a 2xx answer that is not JSON, not retryable', async () => {
    fake.answerNext('openai', 200, '<html>gateway says hi</html>', { 'content-type': 'text/html' });
    const { http } = client();
    const err = (await failure(http.json(generation(), never))) as MediaEngineError;
    expect(err).toMatchObject({ code: 'provider_failed', retryable: false });
    expect(err.message).toContain('is not JSON: <html>gateway says hi</html>');
  });

  it('fails an answer over maxResponseBytes', async () => {
    const { http } = client({ maxResponseBytes: 1000 });
    const err = (await failure(http.json(generation(), never))) as MediaEngineError;
    expect(err).toMatchObject({ code: 'provider_failed', retryable: false });
    expect(err.message).toContain('is over 1000 bytes');
  });

  it('waits for real between attempts when Retry-After says so', async () => {
    fake.failNext('openai', 1, 503, '1');
    const http = new ProviderHttp('fakeai', { retries: 1, retryBaseMs: 1 });
    await http.json(generation(), never);
    const [first, second] = fake.requestsTo('openai');
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
  });

  it('refuses options that cannot work', () => {
    expect(() => new ProviderHttp('x', { retries: -1 })).toThrow(RangeError);
    expect(() => new ProviderHttp('x', { retries: 1.5 })).toThrow(RangeError);
    expect(() => new ProviderHttp('x', { timeoutMs: 0 })).toThrow(RangeError);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('excerpt', () => {
  it('prefers the error message of a JSON body and cuts long text', () => {
    expect(excerpt('{"error":{"message":"Rate limit reached","type":"requests"}}')).toBe('Rate limit reached');
    expect(excerpt('{"detail":"Not Found"}')).toBe('Not Found');
    expect(excerpt('{"error":"CUDA out of memory"}')).toBe('CUDA out of memory');
    expect(excerpt('  bad\n\n  gateway  ')).toBe('bad gateway');
    const long = excerpt('x'.repeat(1000));
    expect(long).toHaveLength(201);
    expect(long.endsWith('…')).toBe(true);
  });
});
