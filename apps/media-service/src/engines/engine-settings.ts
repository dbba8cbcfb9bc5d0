import type { MediaEnv } from '../common/media-env.js';
import type { MediaProviderSettings } from './providers/provider-factory.js';

/** What the engines are built from: the plain (cloneable) part of MediaEnv that a worker thread receives. */
export type EngineSettings = Pick<
  MediaEnv,
  | 'MEDIA_MAX_PIXELS'
  | 'MEDIA_EXECUTION_PROVIDER'
  | 'MEDIA_BG_MODEL'
  | 'MEDIA_GENERATION_PROVIDER'
  | 'MEDIA_GENERATION_BASE_URL'
  | 'MEDIA_GENERATION_API_KEY'
  | 'MEDIA_GENERATION_MODEL'
  | 'MEDIA_FACE_SWAP_PROVIDER_URL'
  | 'MEDIA_BACKGROUND_REMOVAL_PROVIDER_URL'
  | 'MEDIA_OBJECT_REMOVAL_PROVIDER_URL'
  | 'MEDIA_STYLE_TRANSFER_PROVIDER_URL'
  | 'MEDIA_FACE_SWAP_PROVIDER_API_KEY'
  | 'MEDIA_BACKGROUND_REMOVAL_PROVIDER_API_KEY'
  | 'MEDIA_OBJECT_REMOVAL_PROVIDER_API_KEY'
  | 'MEDIA_STYLE_TRANSFER_PROVIDER_API_KEY'
  | 'MEDIA_PROVIDER_TIMEOUT_MS'
  | 'MEDIA_PROVIDER_RETRIES'
>;

export function engineSettings(env: MediaEnv): EngineSettings {
  return {
    MEDIA_MAX_PIXELS: env.MEDIA_MAX_PIXELS,
    MEDIA_EXECUTION_PROVIDER: env.MEDIA_EXECUTION_PROVIDER,
    MEDIA_BG_MODEL: env.MEDIA_BG_MODEL,
    MEDIA_GENERATION_PROVIDER: env.MEDIA_GENERATION_PROVIDER,
    MEDIA_GENERATION_BASE_URL: env.MEDIA_GENERATION_BASE_URL,
    MEDIA_GENERATION_API_KEY: env.MEDIA_GENERATION_API_KEY,
    MEDIA_GENERATION_MODEL: env.MEDIA_GENERATION_MODEL,
    MEDIA_FACE_SWAP_PROVIDER_URL: env.MEDIA_FACE_SWAP_PROVIDER_URL,
    MEDIA_BACKGROUND_REMOVAL_PROVIDER_URL: env.MEDIA_BACKGROUND_REMOVAL_PROVIDER_URL,
    MEDIA_OBJECT_REMOVAL_PROVIDER_URL: env.MEDIA_OBJECT_REMOVAL_PROVIDER_URL,
    MEDIA_STYLE_TRANSFER_PROVIDER_URL: env.MEDIA_STYLE_TRANSFER_PROVIDER_URL,
    MEDIA_FACE_SWAP_PROVIDER_API_KEY: env.MEDIA_FACE_SWAP_PROVIDER_API_KEY,
    MEDIA_BACKGROUND_REMOVAL_PROVIDER_API_KEY: env.MEDIA_BACKGROUND_REMOVAL_PROVIDER_API_KEY,
    MEDIA_OBJECT_REMOVAL_PROVIDER_API_KEY: env.MEDIA_OBJECT_REMOVAL_PROVIDER_API_KEY,
    MEDIA_STYLE_TRANSFER_PROVIDER_API_KEY: env.MEDIA_STYLE_TRANSFER_PROVIDER_API_KEY,
    MEDIA_PROVIDER_TIMEOUT_MS: env.MEDIA_PROVIDER_TIMEOUT_MS,
    MEDIA_PROVIDER_RETRIES: env.MEDIA_PROVIDER_RETRIES,
  };
}

/** The hosted providers' settings (engines/providers) from these. */
export function providerSettings(s: EngineSettings): MediaProviderSettings {
  return {
    generationProvider: s.MEDIA_GENERATION_PROVIDER,
    generationBaseUrl: s.MEDIA_GENERATION_BASE_URL,
    generationApiKey: s.MEDIA_GENERATION_API_KEY,
    generationModel: s.MEDIA_GENERATION_MODEL,
    timeoutMs: s.MEDIA_PROVIDER_TIMEOUT_MS,
    retries: s.MEDIA_PROVIDER_RETRIES,
    maxPixels: s.MEDIA_MAX_PIXELS,
    edit: {
      face_swap: { url: s.MEDIA_FACE_SWAP_PROVIDER_URL, apiKey: s.MEDIA_FACE_SWAP_PROVIDER_API_KEY },
      background_removal: {
        url: s.MEDIA_BACKGROUND_REMOVAL_PROVIDER_URL,
        apiKey: s.MEDIA_BACKGROUND_REMOVAL_PROVIDER_API_KEY,
      },
      object_removal: { url: s.MEDIA_OBJECT_REMOVAL_PROVIDER_URL, apiKey: s.MEDIA_OBJECT_REMOVAL_PROVIDER_API_KEY },
      style_transfer: { url: s.MEDIA_STYLE_TRANSFER_PROVIDER_URL, apiKey: s.MEDIA_STYLE_TRANSFER_PROVIDER_API_KEY },
    },
  };
}

/** Whether a task type can run with these settings, and if not, the setting that would make it. */
export function missingEngineSetting(taskType: string, settings: EngineSettings): string | null {
  if (taskType !== 'image_generation') return null;
  if (!settings.MEDIA_GENERATION_PROVIDER) return 'MEDIA_GENERATION_PROVIDER';
  return null;
}
