import { checkMaxPixels } from '../engine-image.js';
import type { EngineContext } from '../media-engine.js';
import type { ProviderHttpOptions, RetryListener } from './provider-http.js';
import { DEFAULT_MAX_PIXELS } from './provider-images.js';

/** What every provider takes besides its own settings: the HTTP behaviour and the pixel limit. */
export interface ProviderCommonOptions extends ProviderHttpOptions {
  /** Inputs over this are refused (invalid_input), answers over it are provider_failed; default 4096 × 4096. */
  maxPixels?: number;
}

export function maxPixelsOf(options: ProviderCommonOptions): number {
  return checkMaxPixels(options.maxPixels ?? DEFAULT_MAX_PIXELS);
}

/** An http(s) base URL without its trailing slashes; anything else is a configuration error. */
export function baseUrlOf(value: string, provider: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`${provider}: baseUrl ${JSON.stringify(value)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RangeError(`${provider}: baseUrl must be http or https, got ${url.protocol}`);
  }
  return value.replace(/\/+$/, '');
}

/**
 * The Authorization header for a key: `user:password` as Basic (A1111's --api-auth), anything else as a Bearer
 * token (OpenAI, and the proxies commonly put in front of ComfyUI or an edit service); none without a key.
 */
export function authorization(apiKey: string | undefined, allowBasic: boolean): Record<string, string> {
  if (!apiKey) return {};
  if (allowBasic && apiKey.includes(':')) {
    return { authorization: `Basic ${Buffer.from(apiKey, 'utf8').toString('base64')}` };
  }
  return { authorization: `Bearer ${apiKey}` };
}

/** A retry listener that tells the task's progress about the retry, at the current percentage. */
export function progressOnRetry(ctx: EngineContext, percent: number): RetryListener {
  return ({ attempt, of, reason, delayMs }) =>
    ctx.progress(percent, `Retrying in ${Math.round(delayMs / 100) / 10} s (attempt ${attempt} of ${of}): ${reason}`);
}
