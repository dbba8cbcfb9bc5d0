import { reencodePng, requireImage, type PngImage } from '../engine-image.js';
import { MediaEngineError } from '../media-engine.js';

/** 4096 × 4096, as the local engines: larger inputs are refused, larger provider answers are failures. */
export const DEFAULT_MAX_PIXELS = 4096 * 4096;

/**
 * A task's input image as PNG for a provider: PNG, JPEG or WebP only, at most `maxPixels`, EXIF orientation
 * applied, metadata dropped (no EXIF location or camera data leaves for a third party). A refusal is
 * `invalid_input` with `field`.
 */
export async function normalizeInputImage(image: unknown, field: string, maxPixels: number): Promise<PngImage> {
  return reencodePng(requireImage(image, field), { name: field, maxPixels });
}

/**
 * A provider's answer image as PNG without metadata, EXIF orientation applied; bytes that are not a PNG, JPEG or
 * WebP, or one over `maxPixels`, are `provider_failed` (not retryable: the same request gets the same answer).
 */
export async function decodeProviderImage(
  bytes: Buffer,
  provider: string,
  what: string,
  maxPixels: number,
): Promise<PngImage> {
  if (bytes.length === 0) {
    throw new MediaEngineError('provider_failed', `${provider}: ${what} is empty`, { retryable: false });
  }
  return reencodePng(bytes, {
    name: `${provider}: ${what}`,
    maxPixels,
    fail: (_refusal, message, cause) => new MediaEngineError('provider_failed', message, { retryable: false, cause }),
  });
}

/** Base64 (a `data:image/...;base64,` prefix allowed) to bytes; anything else in the string is refused. */
export function base64Bytes(value: unknown): Buffer | null {
  if (typeof value !== 'string') return null;
  const b64 = value.replace(/^data:image\/[a-z+.-]+;base64,/i, '').replace(/\s+/g, '');
  if (b64 === '' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(b64)) return null;
  return Buffer.from(b64, 'base64');
}
