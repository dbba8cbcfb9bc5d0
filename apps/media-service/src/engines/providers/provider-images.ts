import sharp from 'sharp';
import { MediaEngineError } from '../media-engine.js';

/** 4096 × 4096, as the local engines: larger inputs are refused, larger provider answers are failures. */
export const DEFAULT_MAX_PIXELS = 4096 * 4096;

const FORMATS: ReadonlySet<string> = new Set(['png', 'jpeg', 'webp']);

export interface PngImage {
  png: Buffer;
  width: number;
  height: number;
}

/**
 * A task's input image as PNG for a provider: PNG, JPEG or WebP only, at most `maxPixels`, EXIF orientation
 * applied, metadata dropped (no EXIF location or camera data leaves for a third party). A refusal is
 * `invalid_input` with `field`.
 */
export async function normalizeInputImage(image: unknown, field: string, maxPixels: number): Promise<PngImage> {
  if (!Buffer.isBuffer(image) || image.length === 0) {
    throw new MediaEngineError('invalid_input', `${field} is missing or empty`, { field });
  }
  return toPng(
    image,
    maxPixels,
    (message, cause) => new MediaEngineError('invalid_input', `${field} ${message}`, { field, cause }),
  );
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
  return toPng(
    bytes,
    maxPixels,
    (message, cause) =>
      new MediaEngineError('provider_failed', `${provider}: ${what} ${message}`, { retryable: false, cause }),
  );
}

/** Base64 (a `data:image/...;base64,` prefix allowed) to bytes; anything else in the string is refused. */
export function base64Bytes(value: unknown): Buffer | null {
  if (typeof value !== 'string') return null;
  const b64 = value.replace(/^data:image\/[a-z+.-]+;base64,/i, '').replace(/\s+/g, '');
  if (b64 === '' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(b64)) return null;
  return Buffer.from(b64, 'base64');
}

async function toPng(
  image: Buffer,
  maxPixels: number,
  fail: (message: string, cause?: unknown) => MediaEngineError,
): Promise<PngImage> {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(image).metadata();
  } catch (err) {
    throw fail(`is not an image: ${(err as Error).message}`, err);
  }
  if (!FORMATS.has(metadata.format)) throw fail(`is ${metadata.format}, not PNG, JPEG or WebP`);
  const pixels = metadata.width * metadata.height;
  if (pixels > maxPixels) {
    throw fail(`is ${metadata.width}×${metadata.height} = ${pixels} pixels, over the limit of ${maxPixels}`);
  }
  try {
    const { data, info } = await sharp(image).rotate().png().toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height };
  } catch (err) {
    throw fail(`could not be decoded: ${(err as Error).message}`, err);
  }
}
