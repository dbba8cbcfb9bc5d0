import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeImageProviders, startFakeImageProviders } from '../../../../../test/support/fake-image-providers.js';
import { Automatic1111Provider, type Automatic1111Options } from './automatic1111.provider.js';
import { refinePrompt } from './prompt-refiner.js';
import { expectCleanPng, expectProgressDone, recordingContext, rejection } from './provider-test-kit.js';

let fake: FakeImageProviders;
beforeAll(async () => {
  fake = await startFakeImageProviders();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => fake.reset());

const provider = (options: Partial<Automatic1111Options> = {}) =>
  new Automatic1111Provider({ baseUrl: `${fake.origin}/`, retryBaseMs: 5, ...options });

describe('Automatic1111Provider', () => {
  it('POSTs txt2img with the refined and negative prompts and the parameters, and returns a clean PNG', async () => {
    const parameters = {
      width: 640,
      height: 384,
      steps: 30,
      seed: 42,
      guidance: 6.5,
      style: '3d',
      negative_prompt: 'dust',
    };
    const ctx = recordingContext();
    const out = await provider({ model: 'sdxl_base_1.0', sampler: 'DPM++ 2M' }).run(
      { prompt: 'an alternator', images: {}, parameters },
      ctx,
    );
    const sent = fake.last('automatic1111');
    const refined = refinePrompt('an alternator', parameters);
    expect(sent.path).toBe('/sdapi/v1/txt2img');
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body).toEqual({
      prompt: refined.refined,
      negative_prompt: refined.negative,
      width: 640,
      height: 384,
      steps: 30,
      cfg_scale: 6.5,
      seed: 42,
      batch_size: 1,
      n_iter: 1,
      sampler_name: 'DPM++ 2M',
      override_settings: { sd_model_checkpoint: 'sdxl_base_1.0' },
    });
    expect(out.refined_prompt).toBe(refined.refined);
    expect(out).toMatchObject({ engine: 'provider:automatic1111', width: 640, height: 384 });
    expect(out.metadata).toMatchObject({
      seed: 42,
      steps: 30,
      guidance: 6.5,
      size: '640x384',
      negative_prompt: refined.negative,
    });
    await expectCleanPng(out.png, 640, 384);
    expectProgressDone(ctx);
  });

  it('rounds sizes to a multiple of 8, lets the UI pick the seed and reads it back from info', async () => {
    const out = await provider().run(
      { prompt: 'a wheel bearing', images: {}, parameters: { width: 301, height: 199 } },
      recordingContext(),
    );
    const sent = fake.last('automatic1111').body;
    expect(sent).toMatchObject({ width: 304, height: 200, seed: -1, steps: 25, cfg_scale: 7 });
    expect(sent).not.toHaveProperty('override_settings');
    expect(out.metadata).toMatchObject({ seed: 1234, requested_size: '301x199', size: '304x200' });
    expect([out.width, out.height]).toEqual([304, 200]);
  });

  it('sends user:password as Basic auth (--api-auth) and a token as Bearer', async () => {
    await provider({ apiKey: 'torque:s3cret' }).run(
      { prompt: 'a piston', images: {}, parameters: {} },
      recordingContext(),
    );
    expect(fake.last('automatic1111').headers.authorization).toBe(
      `Basic ${Buffer.from('torque:s3cret').toString('base64')}`,
    );
    await provider({ apiKey: 'tok' }).run({ prompt: 'a piston', images: {}, parameters: {} }, recordingContext());
    expect(fake.last('automatic1111').headers.authorization).toBe('Bearer tok');
  });

  it('retries a 503 with Retry-After, then succeeds', async () => {
    fake.failNext('automatic1111', 1, 503, '0');
    const out = await provider().run({ prompt: 'a piston', images: {}, parameters: {} }, recordingContext());
    expect(fake.requestsTo('automatic1111')).toHaveLength(2);
    expect(out.metadata.attempts).toBe(2);
  });

  it('does not retry a 422 (A1111’s validation error)', async () => {
    fake.answerNext('automatic1111', 422, {
      detail: [{ loc: ['body', 'width'], msg: 'value is not a valid integer' }],
    });
    const err = await rejection(provider().run({ prompt: 'a piston', images: {}, parameters: {} }, recordingContext()));
    expect(err).toMatchObject({ code: 'provider_failed', retryable: false });
    expect(err.message).toContain('automatic1111: HTTP 422 from POST /sdapi/v1/txt2img: ');
    expect(err.message).toContain('value is not a valid integer');
    expect(fake.requestsTo('automatic1111')).toHaveLength(1);
  });

  it.each([
    ['no images', { images: [] }],
    ['a non-image', { images: [Buffer.from('GIF89a nonsense').toString('base64')] }],
    ['not JSON', 'Internal error page'],
  ])('fails a garbage answer (%s) with provider_failed', async (_what, body) => {
    fake.answerNext('automatic1111', 200, body);
    const err = await rejection(provider().run({ prompt: 'a piston', images: {}, parameters: {} }, recordingContext()));
    expect(err).toMatchObject({ code: 'provider_failed', retryable: false });
  });

  it('aborts a hung generation quickly with an AbortError, and times one out as retryable', async () => {
    fake.hangNext('automatic1111', 2);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const aborted = await rejection(
      provider().run({ prompt: 'a piston', images: {}, parameters: {} }, recordingContext(controller.signal)),
    );
    expect(aborted.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(2000);
    const timedOut = await rejection(
      provider({ timeoutMs: 100 }).run({ prompt: 'a piston', images: {}, parameters: {} }, recordingContext()),
    );
    expect(timedOut).toMatchObject({ code: 'provider_failed', retryable: true });
    expect(fake.requestsTo('automatic1111')).toHaveLength(2);
  });
});
