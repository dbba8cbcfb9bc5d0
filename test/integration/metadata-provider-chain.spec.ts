// The metadata provider chain (OpenAI, then Gemini, then the local engine) against local fakes of both APIs: no network.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { loadEnv, MetricsService } from '@torque/platform';
import {
  MetadataGenerationAbortedError,
  MetadataGenerationError,
} from '../../apps/indexer-service/src/metadata/engine/generation-errors.js';
import { MetadataEngineEnv } from '../../apps/indexer-service/src/metadata/engine/metadata-engine-env.js';
import { MetadataEngineMetrics } from '../../apps/indexer-service/src/metadata/engine/metadata-engine-metrics.js';
import { createMetadataGenerator } from '../../apps/indexer-service/src/metadata/engine/metadata-generator-factory.js';
import { FakeGeminiServer, FakeOpenAiChatServer, type ModelAnswer } from './metadata-ai-servers.js';

const INPUT = {
  title: 'Ceramic Brake Pads',
  content:
    'Ceramic brake pads with a low-dust compound for quiet stops. The pads fit the front axle of 2015-2020 Ford ' +
    'F-150 trucks. Each set includes stainless steel shims and the hardware kit.',
};

describe('MetadataProviderChain', () => {
  const openai = new FakeOpenAiChatServer();
  const gemini = new FakeGeminiServer();
  const waits: number[] = [];
  const logs: string[] = [];
  let clock = 1_000_000;

  const chain = (settings: NodeJS.ProcessEnv = {}, realSleep = false) => {
    const metrics = new MetadataEngineMetrics(new MetricsService());
    const env = loadEnv(MetadataEngineEnv, {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: openai.baseUrl,
      GEMINI_API_KEY: 'gm-test',
      GEMINI_BASE_URL: gemini.origin,
      METADATA_PROVIDER_TIMEOUT_MS: '2000',
      METADATA_PROVIDER_RETRIES: '2',
      METADATA_RETRY_BASE_MS: '100',
      METADATA_RETRY_MAX_MS: '2000',
      METADATA_BREAKER_FAILURES: '5',
      METADATA_BREAKER_COOLDOWN_MS: '10000',
      ...settings,
    });
    const generator = createMetadataGenerator(env, {
      metrics,
      logger: { warn: (m) => void logs.push(m), log: (m) => void logs.push(m) },
      random: () => 0.5,
      now: () => clock,
      // records the backoff instead of sleeping it, unless the test needs the real wait
      ...(realSleep ? {} : { sleep: async (ms: number) => void waits.push(ms) }),
    });
    return { generator, metrics };
  };

  const counter = async (metrics: MetadataEngineMetrics, name: 'failures' | 'tokens' | 'costUsd') =>
    Object.fromEntries((await metrics[name].get()).values.map((v) => [Object.values(v.labels).join('/'), v.value]));

  const script = (server: FakeOpenAiChatServer | FakeGeminiServer, answer: ModelAnswer, times: number) => {
    server.script = new Array<ModelAnswer>(times).fill(answer);
  };

  beforeAll(async () => {
    await openai.start();
    await gemini.start();
  });
  afterAll(async () => {
    await openai.stop();
    await gemini.stop();
  });
  beforeEach(() => {
    openai.reset();
    gemini.reset();
    waits.length = 0;
    logs.length = 0;
    clock = 1_000_000;
  });

  it('takes the primary (OpenAI) answer, normalized, with its tokens and estimated cost', async () => {
    const { generator, metrics } = chain();
    const result = await generator.generate(INPUT);
    expect(result).toEqual({
      summary: 'Ceramic brake pads with a low-dust compound.',
      tags: ['brake pads', 'ceramic', 'low dust'],
      provider: 'openai',
      model: 'gpt-4o-mini-2024-07-18',
      tokens: { prompt: 120, completion: 30 },
    });
    expect(openai.requests).toHaveLength(1);
    expect(gemini.requests).toHaveLength(0);
    const request = openai.requests[0];
    expect(request.headers.authorization).toBe('Bearer sk-test');
    expect(request.body).toMatchObject({
      model: 'gpt-4o-mini',
      temperature: 0,
      response_format: { type: 'json_schema', json_schema: { name: 'document_metadata', strict: true } },
    });
    const messages = request.body.messages as Array<{ role: string; content: string }>;
    expect(JSON.parse(messages[1].content)).toEqual(INPUT);
    expect(await counter(metrics, 'tokens')).toEqual({ 'openai/prompt': 120, 'openai/completion': 30 });
    expect((await counter(metrics, 'costUsd'))['openai']).toBeCloseTo((120 * 0.15 + 30 * 0.6) / 1e6, 12);
    expect(await counter(metrics, 'failures')).toEqual({});
  });

  it.each<[ModelAnswer, string, number]>([
    ['http-500', 'server_error', 3],
    ['http-503', 'server_error', 3],
    ['http-429', 'rate_limited', 3],
    ['reset', 'network', 3],
    ['not-json', 'invalid_output', 1],
    ['http-401', 'client_error', 1],
  ])('falls through to Gemini when OpenAI answers %s (%s, %d attempts)', async (answer, errorType, attempts) => {
    script(openai, answer, 10);
    const { generator, metrics } = chain();
    const result = await generator.generate(INPUT);
    expect(result.provider).toBe('gemini');
    expect(result.model).toBe('gemini-2.5-flash');
    expect(result.tokens).toEqual({ prompt: 120, completion: 35 });
    expect(openai.requests).toHaveLength(attempts);
    expect(gemini.requests).toHaveLength(1);
    expect(waits).toEqual(attempts === 3 ? [75, 150] : []);
    expect(await counter(metrics, 'failures')).toEqual({ [`openai/${errorType}`]: attempts });
    expect(logs.filter((l) => l.startsWith(`openai attempt`) && l.includes(`(${errorType})`))).toHaveLength(attempts);
    const request = gemini.requests[0];
    expect(request.headers['x-goog-api-key']).toBe('gm-test');
    expect(request.body).toMatchObject({
      generationConfig: { responseMimeType: 'application/json', responseSchema: { type: 'OBJECT' } },
    });
  });

  it('falls through on a timeout, after the deadline of each attempt', async () => {
    script(openai, 'hang', 10);
    const { generator, metrics } = chain({ METADATA_PROVIDER_TIMEOUT_MS: '200', METADATA_PROVIDER_RETRIES: '1' });
    const started = Date.now();
    const result = await generator.generate(INPUT);
    const elapsed = Date.now() - started;
    expect(result.provider).toBe('gemini');
    expect(openai.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(1500);
    expect(await counter(metrics, 'failures')).toEqual({ 'openai/timeout': 2 });
  });

  it('retries after the Retry-After a 429 asks for, and keeps the primary', async () => {
    openai.script = ['http-429'];
    openai.retryAfter = '1';
    const { generator, metrics } = chain();
    const result = await generator.generate(INPUT);
    expect(result.provider).toBe('openai');
    expect(openai.requests).toHaveLength(2);
    expect(waits).toEqual([1000]);
    expect(await counter(metrics, 'failures')).toEqual({ 'openai/rate_limited': 1 });
  });

  it('waits the real Retry-After between the attempts', async () => {
    openai.script = ['http-429'];
    openai.retryAfter = '0.3';
    const { generator } = chain({}, true);
    expect((await generator.generate(INPUT)).provider).toBe('openai');
    expect(openai.requests[1].at - openai.requests[0].at).toBeGreaterThanOrEqual(290);
  });

  it('leaves a provider whose Retry-After is past METADATA_RETRY_MAX_MS to the next one at once', async () => {
    script(openai, 'http-429', 10);
    openai.retryAfter = '60';
    const { generator } = chain();
    const result = await generator.generate(INPUT);
    expect(result.provider).toBe('gemini');
    expect(openai.requests).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(logs.some((l) => l.includes('Retry-After 60 s is past the longest wait'))).toBe(true);
  });

  it.each<ModelAnswer>([
    'content-not-json',
    'summary-too-long',
    'tags-not-strings',
    'missing-tags',
    'too-few-tags',
    'refusal',
  ])('counts an answer with %s as invalid output, without retrying, and falls through', async (answer) => {
    openai.script = [answer];
    const { generator, metrics } = chain();
    const result = await generator.generate(INPUT);
    expect(result.provider).toBe('gemini');
    expect(openai.requests).toHaveLength(1);
    expect(await counter(metrics, 'failures')).toEqual({ 'openai/invalid_output': 1 });
    // the unusable answer's tokens were billed, so they are counted
    expect((await counter(metrics, 'tokens'))['openai/prompt']).toBe(120);
  });

  it('falls through Gemini invalid output to the local engine', async () => {
    script(openai, 'http-500', 10);
    gemini.script = ['summary-too-long'];
    const { generator, metrics } = chain({ METADATA_PROVIDER_RETRIES: '0' });
    const result = await generator.generate(INPUT);
    expect(result.provider).toBe('local');
    expect(await counter(metrics, 'failures')).toEqual({ 'openai/server_error': 1, 'gemini/invalid_output': 1 });
    expect(await counter(metrics, 'tokens')).toEqual({ 'gemini/prompt': 120, 'gemini/completion': 35 });
  });

  it('answers with the local engine when both hosted providers are down', async () => {
    script(openai, 'http-500', 10);
    script(gemini, 'http-503', 10);
    const { generator, metrics } = chain();
    const result = await generator.generate(INPUT);
    expect(result).toMatchObject({ provider: 'local', model: 'wink-textrank-1', tokens: { prompt: 0, completion: 0 } });
    expect(INPUT.content).toContain(result.summary.split('. ')[0]);
    expect(result.tags.length).toBeGreaterThanOrEqual(3);
    expect(openai.requests).toHaveLength(3);
    expect(gemini.requests).toHaveLength(3);
    expect(await counter(metrics, 'failures')).toEqual({ 'openai/server_error': 3, 'gemini/server_error': 3 });
  });

  it('throws an error naming each provider failure when every provider failed', async () => {
    script(openai, 'http-500', 10);
    script(gemini, 'http-401', 10);
    const { generator } = chain({ METADATA_PROVIDERS: 'openai,gemini' });
    const err = (await generator.generate(INPUT).catch((e) => e)) as MetadataGenerationError;
    expect(err).toBeInstanceOf(MetadataGenerationError);
    expect(err.message).toMatch(/openai server_error after 3 attempts: openai: HTTP 500/);
    expect(err.message).toMatch(/gemini client_error after 1 attempt: gemini: HTTP 401/);
    expect(err.failures.map((f) => [f.provider, f.errorType])).toEqual([
      ['openai', 'server_error'],
      ['gemini', 'client_error'],
    ]);
    expect(err.retryable).toBe(true);
  });

  it('says a text too short for the local engine is not retryable', async () => {
    const { generator, metrics } = chain({ OPENAI_API_KEY: '', GEMINI_API_KEY: '' });
    expect(generator.providers).toEqual(['local']);
    const err = (await generator
      .generate({ title: '', content: 'Brake pads' })
      .catch((e) => e)) as MetadataGenerationError;
    expect(err).toBeInstanceOf(MetadataGenerationError);
    expect(err.failures).toEqual([expect.objectContaining({ provider: 'local', errorType: 'insufficient_content' })]);
    expect(err.retryable).toBe(false);
    expect(await counter(metrics, 'failures')).toEqual({ 'local/insufficient_content': 1 });
  });

  it('opens the circuit after consecutive failures, skips the dead provider, then lets one trial through', async () => {
    script(openai, 'http-500', 100);
    const { generator, metrics } = chain({ METADATA_BREAKER_FAILURES: '2', METADATA_PROVIDER_RETRIES: '0' });
    for (let i = 0; i < 2; i++) expect((await generator.generate(INPUT)).provider).toBe('gemini');
    expect(openai.requests).toHaveLength(2);
    expect(generator.circuitState('openai')).toBe('open');
    for (let i = 0; i < 5; i++) expect((await generator.generate(INPUT)).provider).toBe('gemini');
    expect(openai.requests).toHaveLength(2); // skipped: no call while the circuit is open
    expect(await counter(metrics, 'failures')).toEqual({ 'openai/server_error': 2, 'openai/circuit_open': 5 });
    expect(logs.some((l) => l.includes('openai circuit opened after 2 failed generations'))).toBe(true);

    clock += 10_000; // the cooldown passed: one trial call, which fails and opens the circuit again
    expect((await generator.generate(INPUT)).provider).toBe('gemini');
    expect(openai.requests).toHaveLength(3);
    expect(generator.circuitState('openai')).toBe('open');
    await generator.generate(INPUT);
    expect(openai.requests).toHaveLength(3);

    clock += 10_000;
    openai.script = []; // OpenAI is back: the trial succeeds and closes the circuit
    expect((await generator.generate(INPUT)).provider).toBe('openai');
    expect(generator.circuitState('openai')).toBe('closed');
    expect((await generator.generate(INPUT)).provider).toBe('openai');
    expect(openai.requests).toHaveLength(5);
  });

  it('skips a dead provider quickly once its circuit is open', async () => {
    script(openai, 'hang', 100);
    const { generator } = chain({
      METADATA_BREAKER_FAILURES: '1',
      METADATA_PROVIDER_RETRIES: '0',
      METADATA_PROVIDER_TIMEOUT_MS: '300',
    });
    await generator.generate(INPUT);
    const started = Date.now();
    for (let i = 0; i < 10; i++) expect((await generator.generate(INPUT)).provider).toBe('gemini');
    expect(Date.now() - started).toBeLessThan(1000); // 10 timeouts would be 3 s
    expect(openai.requests).toHaveLength(1);
  });

  it('stops at once when the caller aborts during a call, trying nothing else', async () => {
    script(openai, 'hang', 10);
    const { generator, metrics } = chain({ METADATA_PROVIDER_TIMEOUT_MS: '10000' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('job cancelled')), 100);
    const started = Date.now();
    const err = (await generator.generate(INPUT, controller.signal).catch((e) => e)) as MetadataGenerationAbortedError;
    expect(err).toBeInstanceOf(MetadataGenerationAbortedError);
    expect(err.name).toBe('AbortError');
    expect(err.provider).toBe('openai');
    expect((err.cause as Error).message).toBe('job cancelled');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(openai.requests).toHaveLength(1);
    expect(gemini.requests).toHaveLength(0);
    expect(await counter(metrics, 'failures')).toEqual({ 'openai/aborted': 1 });
    expect(generator.circuitState('openai')).toBe('closed');
  });

  it('stops at once when the caller aborts during a backoff', async () => {
    script(openai, 'http-500', 10);
    const { generator } = chain({ METADATA_RETRY_BASE_MS: '5000', METADATA_RETRY_MAX_MS: '10000' }, true);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    await expect(generator.generate(INPUT, controller.signal)).rejects.toBeInstanceOf(MetadataGenerationAbortedError);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(openai.requests).toHaveLength(1);
    expect(gemini.requests).toHaveLength(0);
  });

  it('calls nothing with a signal already aborted', async () => {
    const { generator } = chain();
    await expect(generator.generate(INPUT, AbortSignal.abort())).rejects.toBeInstanceOf(MetadataGenerationAbortedError);
    expect(openai.requests).toHaveLength(0);
  });

  it('leaves out a hosted provider whose key is unset', async () => {
    expect(chain({ OPENAI_API_KEY: '' }).generator.providers).toEqual(['gemini', 'local']);
    expect(chain({ GEMINI_API_KEY: '' }).generator.providers).toEqual(['openai', 'local']);
    expect(chain({ METADATA_PROVIDERS: 'local, gemini' }).generator.providers).toEqual(['local', 'gemini']);
    const { generator } = chain({ OPENAI_API_KEY: '' });
    expect((await generator.generate(INPUT)).provider).toBe('gemini');
    expect(openai.requests).toHaveLength(0);
  });
});
