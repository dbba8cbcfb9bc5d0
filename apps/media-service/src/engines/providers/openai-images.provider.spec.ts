import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { FakeImageProviders, startFakeImageProviders } from '../../../../../test/support/fake-image-providers.js';
import { MediaEngineError } from '../media-engine.js';
import {
  nearestSize,
  OpenAiImagesProvider,
  supportedSizes,
  type OpenAiImagesOptions,
} from './openai-images.provider.js';
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

const provider = (options: OpenAiImagesOptions = {}) =>
  new OpenAiImagesProvider({ baseUrl: fake.openAiBaseUrl, apiKey: 'sk-test', retryBaseMs: 5, ...options });

describe('OpenAiImagesProvider', () => {
  it('POSTs the refined prompt, one image and a supported size with the Bearer key, and returns a clean PNG', async () => {
    const ctx = recordingContext();
    const out = await provider().run(
      {
        prompt: 'ceramic brake pad  set',
        images: {},
        parameters: { width: 1536, height: 1024, negative_prompt: 'rust' },
      },
      ctx,
    );
    const sent = fake.last('openai');
    expect(sent.headers.authorization).toBe('Bearer sk-test');
    expect(sent.headers['content-type']).toBe('application/json');
    const refined = refinePrompt('ceramic brake pad  set', { negative_prompt: 'rust' });
    expect(sent.body).toEqual({
      model: 'gpt-image-1',
      prompt: `${refined.refined}. Avoid: ${refined.negative}.`,
      n: 1,
      size: '1536x1024',
    });
    // gpt-image models refuse response_format (they always answer base64)
    expect(sent.body).not.toHaveProperty('response_format');
    expect(out.refined_prompt).toBe(sent.body.prompt);
    expect(out.refined_prompt!.startsWith('ceramic brake pad set, ')).toBe(true);
    expect(out).toMatchObject({ engine: 'provider:openai', width: 1536, height: 1024 });
    expect(out.metadata).toMatchObject({
      model: 'gpt-image-1',
      size: '1536x1024',
      attempts: 1,
      category: 'automotive_part',
    });
    await expectCleanPng(out.png, 1536, 1024);
    expectProgressDone(ctx);
  });

  it('asks dall-e models for b64_json, and maps an unsupported size to the nearest supported one', async () => {
    const out = await provider({ model: 'dall-e-2' }).run(
      { prompt: 'a spark plug', images: {}, parameters: { width: 500, height: 480 } },
      recordingContext(),
    );
    expect(fake.last('openai').body).toMatchObject({ model: 'dall-e-2', size: '512x512', response_format: 'b64_json' });
    expect(out.metadata).toMatchObject({ requested_size: '500x480', size: '512x512' });
    expect([out.width, out.height]).toEqual([512, 512]);
  });

  it('refuses an unsupported size with invalid_input on parameters.width when sizePolicy is refuse', async () => {
    const err = await rejection(
      provider({ sizePolicy: 'refuse' }).run(
        { prompt: 'a rotor', images: {}, parameters: { width: 640, height: 480 } },
        recordingContext(),
      ),
    );
    expect(err).toBeInstanceOf(MediaEngineError);
    expect(err).toMatchObject({ code: 'invalid_input', field: 'parameters.width' });
    expect(err.message).toContain('1024x1536');
    expect(fake.requestsTo('openai')).toHaveLength(0);
  });

  it('sends any size to a model it does not know (an OpenAI-compatible server)', async () => {
    const out = await provider({ model: 'flux-schnell' }).run(
      { prompt: 'a rotor', images: {}, parameters: { width: 320, height: 200 } },
      recordingContext(),
    );
    expect(fake.last('openai').body.size).toBe('320x200');
    expect([out.width, out.height]).toEqual([320, 200]);
  });

  it('re-encodes a WebP answer as PNG without its EXIF', async () => {
    fake.imageFormat = 'webp';
    const out = await provider({ model: 'dall-e-2' }).run(
      { prompt: 'a rotor', images: {}, parameters: { width: 256, height: 256 } },
      recordingContext(),
    );
    await expectCleanPng(out.png, 256, 256);
  });

  it('retries a 503 then succeeds, reporting the retry as progress', async () => {
    fake.failNext('openai', 2, 503);
    const ctx = recordingContext();
    const out = await provider().run({ prompt: 'a rotor', images: {}, parameters: {} }, ctx);
    expect(fake.requestsTo('openai')).toHaveLength(3);
    expect(out.metadata.attempts).toBe(3);
    expect(ctx.steps.filter(([, m]) => m.startsWith('Retrying'))).toHaveLength(2);
  });

  it('does not retry a 400 and says what the API said', async () => {
    fake.answerNext('openai', 400, { error: { message: 'Your request was rejected by the safety system' } });
    const err = await rejection(provider().run({ prompt: 'a rotor', images: {}, parameters: {} }, recordingContext()));
    expect(err).toMatchObject({ code: 'provider_failed', retryable: false });
    expect(err.message).toBe(
      'openai: HTTP 400 from POST /v1/images/generations: Your request was rejected by the safety system',
    );
    expect(fake.requestsTo('openai')).toHaveLength(1);
  });

  it.each([
    ['no data', { created: 1, data: [] }],
    ['no b64_json', { data: [{ url: 'https://example.invalid/x.png' }] }],
    ['base64 that is not an image', { data: [{ b64_json: Buffer.from('hello, not a png').toString('base64') }] }],
    ['not base64', { data: [{ b64_json: '%%% not base64 %%%' }] }],
  ])('fails a garbage answer (%s) with provider_failed', async (_what, body) => {
    fake.answerNext('openai', 200, body);
    const err = await rejection(provider().run({ prompt: 'a rotor', images: {}, parameters: {} }, recordingContext()));
    expect(err).toMatchObject({ code: 'provider_failed', retryable: false });
    expect(err.message).toMatch(/^openai: /);
  });

  it('fails a hung request at timeoutMs as retryable, and aborts quickly with an AbortError', async () => {
    fake.hangNext('openai', 2);
    const timeout = await rejection(
      provider({ timeoutMs: 100 }).run({ prompt: 'a rotor', images: {}, parameters: {} }, recordingContext()),
    );
    expect(timeout).toMatchObject({ code: 'provider_failed', retryable: true });

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const aborted = await rejection(
      provider().run({ prompt: 'a rotor', images: {}, parameters: {} }, recordingContext(controller.signal)),
    );
    expect(aborted.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fake.requestsTo('openai')).toHaveLength(2);
  });

  it('refuses bad parameters before sending anything', async () => {
    for (const [parameters, field] of [
      [{ width: 32 }, 'parameters.width'],
      [{ height: 4096 }, 'parameters.height'],
      [{ width: 512.5 }, 'parameters.width'],
      [{ style: 'cubist' }, 'parameters.style'],
      [{ seed: -1 }, 'parameters.seed'],
    ] as const) {
      const err = await rejection(provider().run({ prompt: 'a rotor', images: {}, parameters }, recordingContext()));
      expect(err).toMatchObject({ code: 'invalid_input', field });
    }
    const noPrompt = await rejection(provider().run({ images: {}, parameters: {} }, recordingContext()));
    expect(noPrompt).toMatchObject({ code: 'invalid_input', field: 'prompt' });
    expect(fake.requestsTo('openai')).toHaveLength(0);
  });

  it('lists steps, seed and guidance as ignored: the images API has none', async () => {
    const out = await provider().run(
      { prompt: 'a rotor', images: {}, parameters: { steps: 30, seed: 7, guidance: 5 } },
      recordingContext(),
    );
    expect(out.metadata.ignored_parameters).toEqual(['steps', 'seed', 'guidance']);
    expect(Object.keys(fake.last('openai').body).sort()).toEqual(['model', 'n', 'prompt', 'size']);
  });

  it('makes an image whose pixels are the provider’s', async () => {
    const out = await provider({ model: 'dall-e-2' }).run(
      { prompt: 'a rotor', images: {}, parameters: { width: 256, height: 256 } },
      recordingContext(),
    );
    const expected = await sharp(await fake.image(256, 256, 1))
      .raw()
      .toBuffer();
    const got = await sharp(out.png).removeAlpha().raw().toBuffer();
    expect(got.length).toBe(256 * 256 * 3);
    expect(got.equals(expected)).toBe(true);
  });
});

describe('nearestSize', () => {
  it('picks the closest aspect ratio, then the closest area', () => {
    const sizes = supportedSizes('gpt-image-1')!;
    expect(nearestSize(512, 512, sizes)).toBe('1024x1024');
    expect(nearestSize(2048, 1024, sizes)).toBe('1536x1024');
    expect(nearestSize(600, 1000, sizes)).toBe('1024x1536');
    expect(nearestSize(300, 300, supportedSizes('dall-e-2')!)).toBe('256x256');
    expect(nearestSize(1920, 1080, supportedSizes('dall-e-3')!)).toBe('1792x1024');
  });
});
