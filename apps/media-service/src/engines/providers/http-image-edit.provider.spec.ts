import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { FakeImageProviders, startFakeImageProviders } from '../../../../../test/support/fake-image-providers.js';
import { EDIT_TASK_TYPES, HttpImageEditProvider, type HttpImageEditOptions } from './http-image-edit.provider.js';
import { expectCleanPng, expectProgressDone, recordingContext, rejection } from './provider-test-kit.js';

let fake: FakeImageProviders;
beforeAll(async () => {
  fake = await startFakeImageProviders();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => fake.reset());

const provider = (options: Partial<HttpImageEditOptions> = {}) =>
  new HttpImageEditProvider({ taskType: 'background_removal', baseUrl: fake.origin, retryBaseMs: 5, ...options });

const png = (width: number, height: number, grey = 100) =>
  sharp({ create: { width, height, channels: 3, background: { r: grey, g: grey, b: grey } } })
    .png()
    .toBuffer();

describe('HttpImageEditProvider', () => {
  it.each(EDIT_TASK_TYPES)('%s: POSTs the contract to /v1/{task_type} and returns a clean PNG', async (taskType) => {
    const image = await png(80, 60);
    const images = {
      image,
      ...(taskType === 'face_swap' ? { target_image: await png(50, 40) } : {}),
      ...(taskType === 'object_removal' ? { mask: await png(80, 60, 255) } : {}),
      ...(taskType === 'style_transfer' ? { style_image: await png(30, 30, 200) } : {}),
    };
    const ctx = recordingContext();
    const out = await provider({ taskType, apiKey: 'edit-key' }).run(
      { prompt: 'keep the logo', images, parameters: { strength: 0.8 } },
      ctx,
    );
    const sent = fake.last('edit');
    expect(sent.path).toBe(`/v1/${taskType}`);
    expect(sent.headers.authorization).toBe('Bearer edit-key');
    expect(Object.keys(sent.body).sort()).toEqual(['parameters', 'prompt', ...Object.keys(images)].sort());
    expect(sent.body.parameters).toEqual({ strength: 0.8 });
    expect(sent.body.prompt).toBe('keep the logo');
    for (const [field, bytes] of Object.entries(images)) {
      const decoded = await sharp(Buffer.from(sent.body[field], 'base64')).metadata();
      const original = await sharp(bytes).metadata();
      expect([decoded.format, decoded.width, decoded.height]).toEqual(['png', original.width, original.height]);
    }
    // the fake answers an image of the input's size (the target's for face_swap)
    const [width, height] = taskType === 'face_swap' ? [50, 40] : [80, 60];
    expect(out).toMatchObject({ engine: 'provider:http', width, height });
    expect(out.metadata).toMatchObject({
      provider_metadata: { task_type: taskType, images: Object.keys(images) },
      attempts: 1,
    });
    await expectCleanPng(out.png, width, height);
    expectProgressDone(ctx);
  });

  it('sends inputs with EXIF orientation applied and their metadata removed', async () => {
    const image = await sharp({ create: { width: 60, height: 20, channels: 3, background: '#336699' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Artist: 'someone', Copyright: 'private' } })
      .toBuffer();
    await provider().run({ images: { image }, parameters: {} }, recordingContext());
    const sent = Buffer.from(fake.last('edit').body.image, 'base64');
    const meta = await sharp(sent).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 20, height: 60 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(fake.last('edit').body).not.toHaveProperty('prompt');
  });

  it('refuses missing, non-image, GIF and oversized inputs with invalid_input on their field', async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    const cases: Array<[HttpImageEditOptions['taskType'], Record<string, Buffer>, string, number?]> = [
      ['background_removal', {}, 'image'],
      ['background_removal', { image: Buffer.from('not an image') }, 'image'],
      ['background_removal', { image: gif }, 'image'],
      ['face_swap', { image: await png(10, 10) }, 'target_image'],
      ['object_removal', { image: await png(10, 10) }, 'mask'],
      ['object_removal', { image: await png(10, 10), mask: await png(12, 10) }, 'mask'],
      ['background_removal', { image: await png(40, 30) }, 'image', 1000],
    ];
    for (const [taskType, images, field, maxPixels] of cases) {
      const err = await rejection(
        provider({ taskType, maxPixels }).run({ images, parameters: {} }, recordingContext()),
      );
      expect(err).toMatchObject({ code: 'invalid_input', field });
    }
    expect(fake.requestsTo('edit')).toHaveLength(0);
  });

  it('retries a 429 honouring Retry-After, then succeeds', async () => {
    fake.failNext('edit', 2, 429, '0');
    const out = await provider().run({ images: { image: await png(8, 8) }, parameters: {} }, recordingContext());
    expect(fake.requestsTo('edit')).toHaveLength(3);
    expect(out.metadata.attempts).toBe(3);
  });

  it('does not retry a 400 and names the provider and task type', async () => {
    fake.answerNext('edit', 400, { error: 'no face found in image' });
    const err = await rejection(
      provider({ taskType: 'face_swap', name: 'swapper' }).run(
        { images: { image: await png(8, 8), target_image: await png(8, 8) }, parameters: {} },
        recordingContext(),
      ),
    );
    expect(err).toMatchObject({ code: 'provider_failed', retryable: false });
    expect(err.message).toBe('swapper face_swap: HTTP 400 from POST /v1/face_swap: no face found in image');
    expect(fake.requestsTo('edit')).toHaveLength(1);
  });

  it.each([
    ['no image', { metadata: {} }],
    ['a non-image', { image: Buffer.from('definitely not a png').toString('base64') }],
    ['not JSON', 'OK'],
  ])('fails a garbage answer (%s) with provider_failed', async (_what, body) => {
    fake.answerNext('edit', 200, body);
    const err = await rejection(
      provider().run({ images: { image: await png(8, 8) }, parameters: {} }, recordingContext()),
    );
    expect(err).toMatchObject({ code: 'provider_failed', retryable: false });
  });

  it('accepts a data: URL answer', async () => {
    const image = await png(9, 7);
    fake.answerNext('edit', 200, { image: `data:image/png;base64,${image.toString('base64')}` });
    const out = await provider().run({ images: { image: await png(8, 8) }, parameters: {} }, recordingContext());
    expect([out.width, out.height]).toEqual([9, 7]);
  });

  it('times out as retryable and aborts quickly with an AbortError', async () => {
    fake.hangNext('edit', 2);
    const image = await png(8, 8);
    const timedOut = await rejection(
      provider({ timeoutMs: 100 }).run({ images: { image }, parameters: {} }, recordingContext()),
    );
    expect(timedOut).toMatchObject({ code: 'provider_failed', retryable: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const aborted = await rejection(
      provider().run({ images: { image }, parameters: {} }, recordingContext(controller.signal)),
    );
    expect(aborted.name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(2000);
    await fake.waitFor(() => fake.requestsTo('edit').every((r) => r.clientClosed));
  });

  it('refuses a task type that is not an editing one', () => {
    expect(() => provider({ taskType: 'image_generation' as never })).toThrow(RangeError);
  });
});
