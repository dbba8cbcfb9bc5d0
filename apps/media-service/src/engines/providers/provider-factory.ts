import type { EngineTaskType, MediaEngine } from '../media-engine.js';
import { Automatic1111Provider } from './automatic1111.provider.js';
import { ComfyUiProvider } from './comfyui.provider.js';
import { HttpImageEditProvider, isEditTaskType, type EditTaskType } from './http-image-edit.provider.js';
import { OpenAiImagesProvider } from './openai-images.provider.js';
import type { ProviderHttpOptions } from './provider-http.js';

export const GENERATION_PROVIDERS = ['openai', 'automatic1111', 'comfyui'] as const;
export type GenerationProviderKind = (typeof GENERATION_PROVIDERS)[number];

/** One editing task type's hosted provider: MEDIA_<TYPE>_PROVIDER_URL and MEDIA_<TYPE>_PROVIDER_API_KEY. */
export interface EditProviderSettings {
  url?: string;
  apiKey?: string;
}

/**
 * The providers' settings, already parsed from the environment by the service (each field names its variable).
 * Unset fields take the providers' defaults.
 */
export interface MediaProviderSettings {
  /** MEDIA_GENERATION_PROVIDER; unset: image_generation has no engine. */
  generationProvider?: GenerationProviderKind;
  /** MEDIA_GENERATION_BASE_URL; openai defaults to https://api.openai.com/v1, the others need it. */
  generationBaseUrl?: string;
  /** MEDIA_GENERATION_API_KEY; openai needs it, A1111 takes `user:password`, ComfyUI a proxy's token. */
  generationApiKey?: string;
  /** MEDIA_GENERATION_MODEL: the OpenAI model, the A1111 checkpoint title, the ComfyUI checkpoint file. */
  generationModel?: string;
  /** MEDIA_PROVIDER_TIMEOUT_MS: the limit of one HTTP request. */
  timeoutMs?: number;
  /** MEDIA_PROVIDER_RETRIES: further attempts after 429, 5xx or no answer. */
  retries?: number;
  /** MEDIA_FACE_SWAP_PROVIDER_URL, MEDIA_BACKGROUND_REMOVAL_PROVIDER_URL, ... and their _API_KEY. */
  edit?: Partial<Record<EditTaskType, EditProviderSettings>>;
  /** The engines' pixel limit, as for the local engines. */
  maxPixels?: number;
  /** Tests: another fetch, another backoff. */
  http?: Pick<ProviderHttpOptions, 'fetch' | 'retryBaseMs' | 'maxRetryDelayMs' | 'random' | 'sleep'>;
}

/** The environment variables behind MediaProviderSettings, for the service's env class and its messages. */
export const MEDIA_PROVIDER_ENV = {
  generationProvider: 'MEDIA_GENERATION_PROVIDER',
  generationBaseUrl: 'MEDIA_GENERATION_BASE_URL',
  generationApiKey: 'MEDIA_GENERATION_API_KEY',
  generationModel: 'MEDIA_GENERATION_MODEL',
  timeoutMs: 'MEDIA_PROVIDER_TIMEOUT_MS',
  retries: 'MEDIA_PROVIDER_RETRIES',
  editUrl: (taskType: EditTaskType) => `MEDIA_${taskType.toUpperCase()}_PROVIDER_URL`,
  editApiKey: (taskType: EditTaskType) => `MEDIA_${taskType.toUpperCase()}_PROVIDER_API_KEY`,
} as const;

/** A setting that cannot work; the message names the variable, so the process can stop at boot with it. */
export class ProviderSettingsError extends Error {
  override name = 'ProviderSettingsError';
}

/**
 * The engine of image_generation, which has no local one: the configured provider, or null when
 * MEDIA_GENERATION_PROVIDER is unset. A provider without what it needs (a base URL, OpenAI's key) or with a value
 * that cannot work throws a ProviderSettingsError naming the variable.
 */
export function createGenerationProvider(settings: MediaProviderSettings): MediaEngine | null {
  const kind = settings.generationProvider;
  if (kind === undefined) return null;
  const common = commonOptions(settings);
  const baseUrl = url(settings.generationBaseUrl, MEDIA_PROVIDER_ENV.generationBaseUrl);
  const withUrl = () => {
    if (!baseUrl) throw missing(MEDIA_PROVIDER_ENV.generationBaseUrl, kind);
    return baseUrl;
  };
  switch (kind) {
    case 'openai':
      if (!settings.generationApiKey) throw missing(MEDIA_PROVIDER_ENV.generationApiKey, kind);
      return new OpenAiImagesProvider({
        ...common,
        baseUrl,
        apiKey: settings.generationApiKey,
        model: settings.generationModel,
      });
    case 'automatic1111':
      return new Automatic1111Provider({
        ...common,
        baseUrl: withUrl(),
        apiKey: settings.generationApiKey,
        model: settings.generationModel,
      });
    case 'comfyui':
      return new ComfyUiProvider({
        ...common,
        baseUrl: withUrl(),
        apiKey: settings.generationApiKey,
        model: settings.generationModel,
      });
    default:
      throw new ProviderSettingsError(
        `${MEDIA_PROVIDER_ENV.generationProvider} must be one of ${GENERATION_PROVIDERS.join(', ')}, got ${JSON.stringify(kind)}`,
      );
  }
}

/** The hosted provider of an editing task type, or null when its MEDIA_<TYPE>_PROVIDER_URL is unset. */
export function createEditProvider(taskType: EngineTaskType, settings: MediaProviderSettings): MediaEngine | null {
  if (!isEditTaskType(taskType)) {
    throw new ProviderSettingsError(`${taskType} is not an editing task type; see createGenerationProvider`);
  }
  const edit = settings.edit?.[taskType];
  const baseUrl = url(edit?.url, MEDIA_PROVIDER_ENV.editUrl(taskType));
  if (!baseUrl) return null;
  return new HttpImageEditProvider({ ...commonOptions(settings), taskType, baseUrl, apiKey: edit?.apiKey });
}

function commonOptions(settings: MediaProviderSettings) {
  const { timeoutMs, retries, maxPixels } = settings;
  if (timeoutMs !== undefined && !(Number.isSafeInteger(timeoutMs) && timeoutMs > 0)) {
    throw new ProviderSettingsError(`${MEDIA_PROVIDER_ENV.timeoutMs} must be a positive integer, got ${timeoutMs}`);
  }
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0 && retries <= 10)) {
    throw new ProviderSettingsError(`${MEDIA_PROVIDER_ENV.retries} must be an integer from 0 to 10, got ${retries}`);
  }
  return { ...settings.http, timeoutMs, retries, maxPixels };
}

/** An http(s) URL, or undefined when unset; anything else throws naming the variable. */
function url(value: string | undefined, variable: string): string | undefined {
  if (!value) return undefined;
  const parsed = URL.canParse(value) ? new URL(value) : null;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new ProviderSettingsError(`${variable} must be an http or https URL, got ${JSON.stringify(value)}`);
  }
  return value;
}

const missing = (variable: string, kind: string) =>
  new ProviderSettingsError(`${variable} must be set for the ${kind} provider`);
