import { describe, expect, it } from '@jest/globals';
import { loadEnv } from '@torque/platform';
import { MediaEnv, mediaRoutes } from './media-env.js';

describe('MediaEnv', () => {
  it('defaults to the seed: results kept an hour, 10 MiB and 4096² images, no provider', () => {
    const env = loadEnv(MediaEnv, {});
    expect(env).toMatchObject({
      MEDIA_RESULT_TTL_SECONDS: 3600,
      MEDIA_MAX_IMAGE_BYTES: 10 * 1024 * 1024,
      MEDIA_MAX_PIXELS: 4096 * 4096,
      MEDIA_ENGINE_EAGER: true,
    });
    expect(env.MEDIA_GENERATION_PROVIDER).toBeUndefined();
  });

  it('routes by the seed unless MEDIA_QUEUE_ROUTES says otherwise', () => {
    expect(mediaRoutes(loadEnv(MediaEnv, {}))).toEqual({
      image_generation: 'gpu',
      face_swap: 'gpu',
      style_transfer: 'gpu',
      background_removal: 'cpu',
      object_removal: 'cpu',
    });
    const env = loadEnv(MediaEnv, { MEDIA_QUEUE_ROUTES: 'background_removal=gpu, style_transfer = cpu' });
    expect(mediaRoutes(env)).toMatchObject({ background_removal: 'gpu', style_transfer: 'cpu', face_swap: 'gpu' });
  });

  it.each([
    ['MEDIA_QUEUE_ROUTES', 'background_removal=tpu'],
    ['MEDIA_QUEUE_ROUTES', 'background_removal'],
    ['MEDIA_RESULT_TTL_SECONDS', '0'],
    ['MEDIA_ENGINE_EAGER', 'yes'],
    ['MEDIA_GENERATION_PROVIDER', 'midjourney'],
    ['MEDIA_WEBHOOK_SECRET', 'short'],
    ['MEDIA_GENERATION_BASE_URL', 'ftp://x'],
  ])('refuses %s=%s naming it', (name, value) => {
    expect(() => loadEnv(MediaEnv, { [name]: value })).toThrow(name);
  });

  it('refuses a route of an unknown task type', () => {
    expect(() => mediaRoutes(loadEnv(MediaEnv, { MEDIA_QUEUE_ROUTES: 'upscale=gpu' }))).toThrow(/upscale/);
  });
});
