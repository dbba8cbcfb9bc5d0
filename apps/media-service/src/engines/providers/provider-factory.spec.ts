import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeImageProviders, startFakeImageProviders } from '../../../../../test/support/fake-image-providers.js';
import { Automatic1111Provider } from './automatic1111.provider.js';
import { ComfyUiProvider } from './comfyui.provider.js';
import { EDIT_TASK_TYPES, HttpImageEditProvider } from './http-image-edit.provider.js';
import { OpenAiImagesProvider } from './openai-images.provider.js';
import {
  createEditProvider,
  createGenerationProvider,
  MEDIA_PROVIDER_ENV,
  ProviderSettingsError,
  type MediaProviderSettings,
} from './provider-factory.js';
import { recordingContext, rejection } from './provider-test-kit.js';

let fake: FakeImageProviders;
beforeAll(async () => {
  fake = await startFakeImageProviders();
});
afterAll(async () => {
  await fake.stop();
});

function settingsError(fn: () => unknown): ProviderSettingsError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ProviderSettingsError);
    return err as ProviderSettingsError;
  }
  throw new Error('expected a ProviderSettingsError');
}

describe('createGenerationProvider', () => {
  it('is null when no provider is configured: image_generation has no local engine', () => {
    expect(createGenerationProvider({})).toBeNull();
    expect(createGenerationProvider({ generationBaseUrl: fake.origin })).toBeNull();
  });

  it('builds each configured provider, wired to the settings', async () => {
    const openai = createGenerationProvider({
      generationProvider: 'openai',
      generationBaseUrl: fake.openAiBaseUrl,
      generationApiKey: 'sk-x',
      generationModel: 'dall-e-3',
      retries: 0,
    });
    expect(openai).toBeInstanceOf(OpenAiImagesProvider);
    expect(openai).toMatchObject({ taskType: 'image_generation', name: 'provider:openai', model: 'dall-e-3' });
    fake.failNext('openai', 1, 503);
    // retries: 0 reaches the HTTP client: the first 503 is final
    const err = await rejection(openai!.run({ prompt: 'a rotor', images: {}, parameters: {} }, recordingContext()));
    expect(err).toMatchObject({ code: 'provider_failed', retryable: true });
    const out = await openai!.run({ prompt: 'a rotor', images: {}, parameters: {} }, recordingContext());
    expect(fake.last('openai').headers.authorization).toBe('Bearer sk-x');
    expect(fake.last('openai').body).toMatchObject({ model: 'dall-e-3', size: '1024x1024' });
    expect(out.engine).toBe('provider:openai');

    const a1111 = createGenerationProvider({ generationProvider: 'automatic1111', generationBaseUrl: fake.origin });
    expect(a1111).toBeInstanceOf(Automatic1111Provider);
    const comfy = createGenerationProvider({ generationProvider: 'comfyui', generationBaseUrl: fake.origin });
    expect(comfy).toBeInstanceOf(ComfyUiProvider);
  });

  it('names the variable that is missing or wrong', () => {
    expect(settingsError(() => createGenerationProvider({ generationProvider: 'openai' })).message).toBe(
      'MEDIA_GENERATION_API_KEY must be set for the openai provider',
    );
    expect(settingsError(() => createGenerationProvider({ generationProvider: 'comfyui' })).message).toBe(
      'MEDIA_GENERATION_BASE_URL must be set for the comfyui provider',
    );
    const bad: Array<[MediaProviderSettings, string]> = [
      [{ generationProvider: 'midjourney' as never }, MEDIA_PROVIDER_ENV.generationProvider],
      [{ generationProvider: 'automatic1111', generationBaseUrl: 'ftp://host' }, MEDIA_PROVIDER_ENV.generationBaseUrl],
      [{ generationProvider: 'automatic1111', generationBaseUrl: 'not a url' }, MEDIA_PROVIDER_ENV.generationBaseUrl],
      [{ generationProvider: 'comfyui', generationBaseUrl: fake.origin, timeoutMs: 0 }, MEDIA_PROVIDER_ENV.timeoutMs],
      [{ generationProvider: 'comfyui', generationBaseUrl: fake.origin, retries: 11 }, MEDIA_PROVIDER_ENV.retries],
    ];
    for (const [settings, variable] of bad) {
      expect(settingsError(() => createGenerationProvider(settings)).message.startsWith(variable)).toBe(true);
    }
  });
});

describe('createEditProvider', () => {
  it('is null for a task type without a provider URL, and the provider of that task type otherwise', async () => {
    const settings: MediaProviderSettings = {
      edit: { object_removal: { url: fake.origin, apiKey: 'k' } },
    };
    for (const taskType of EDIT_TASK_TYPES) {
      const engine = createEditProvider(taskType, settings);
      if (taskType === 'object_removal') {
        expect(engine).toBeInstanceOf(HttpImageEditProvider);
        expect(engine).toMatchObject({ taskType, name: 'provider:http' });
      } else {
        expect(engine).toBeNull();
      }
    }
  });

  it('refuses image_generation and a bad URL, naming the variable', () => {
    expect(() => createEditProvider('image_generation', {})).toThrow(ProviderSettingsError);
    const err = settingsError(() =>
      createEditProvider('face_swap', { edit: { face_swap: { url: 'localhost:9000' } } }),
    );
    expect(err.message.startsWith('MEDIA_FACE_SWAP_PROVIDER_URL must be an http or https URL')).toBe(true);
    expect(MEDIA_PROVIDER_ENV.editApiKey('background_removal')).toBe('MEDIA_BACKGROUND_REMOVAL_PROVIDER_API_KEY');
  });
});
