import sharp from 'sharp';
import { MediaEngineError } from './media-engine.js';

/**
 * What the engines and providers share about the images they read: the formats, the pixel limit and the decode with
 * sharp (EXIF orientation applied). A refused image is named in its message, in the same words everywhere.
 */

/** The formats every engine and provider reads. */
export const IMAGE_FORMATS: ReadonlySet<string> = new Set(['png', 'jpeg', 'webp']);

/** Why an image was refused, for an engine whose errors tell the reasons apart (style transfer's too_many_pixels). */
export type ImageRefusal = 'not_an_image' | 'unsupported_format' | 'too_many_pixels' | 'undecodable';

export interface ImageCheck {
  /** What the messages call the image: its request field (`image`, `target_image`), or a description. */
  name: string;
  maxPixels: number;
  /** The error for a refusal, given a message that starts with `name`; default invalid_input with `field: name`. */
  fail?: ImageFailure;
}

export type ImageFailure = (refusal: ImageRefusal, message: string, cause?: unknown) => Error;

/** Interleaved 8-bit sRGB, EXIF orientation applied. */
export interface RawImage {
  pixels: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

export interface PngImage {
  png: Buffer;
  width: number;
  height: number;
}

/** decodeImage's alpha: `add` always RGBA (255 where the image has none), `keep` RGBA where it has one, `drop` RGB. */
export type AlphaHandling = 'add' | 'keep' | 'drop';

/** An engine's maxPixels option: a positive safe integer, anything else a configuration error. */
export function checkMaxPixels(
  maxPixels: number,
  fail: (message: string) => Error = (message) => new RangeError(message),
): number {
  if (!Number.isSafeInteger(maxPixels) || maxPixels < 1) {
    throw fail(`maxPixels must be a positive integer, got ${maxPixels}`);
  }
  return maxPixels;
}

/** The bytes of a request image, refused as invalid_input when it is not there. */
export function requireImage(image: unknown, field: string): Buffer {
  if (!Buffer.isBuffer(image) || image.length === 0) {
    throw new MediaEngineError('invalid_input', `${field} is missing or empty`, { field });
  }
  return image;
}

/** The image's metadata, once it is known to be a PNG, JPEG or WebP of at most `maxPixels`. */
export async function inspectImage(image: Buffer, check: ImageCheck): Promise<sharp.Metadata> {
  const { name, maxPixels } = check;
  const fail = failOf(check);
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(image).metadata();
  } catch (err) {
    throw fail('not_an_image', `${name} is not an image: ${(err as Error).message}`, err);
  }
  if (!IMAGE_FORMATS.has(metadata.format)) {
    throw fail('unsupported_format', `${name} is ${metadata.format}, not PNG, JPEG or WebP`);
  }
  const pixels = metadata.width * metadata.height;
  if (pixels > maxPixels) {
    throw fail(
      'too_many_pixels',
      `${name} is ${metadata.width}×${metadata.height} = ${pixels} pixels, over the limit of ${maxPixels}`,
    );
  }
  return metadata;
}

/** An inspected image's pixels, as RGBA (alpha 255 where it has none) or as RGB. */
export async function decodePixels(image: Buffer, withAlpha: boolean, check: ImageCheck): Promise<RawImage> {
  const pipeline = sharp(image).rotate().toColourspace('srgb');
  let decoded: { data: Buffer; info: sharp.OutputInfo };
  try {
    decoded = await (withAlpha ? pipeline.ensureAlpha() : pipeline.removeAlpha())
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw failOf(check)('undecodable', `${check.name} could not be decoded: ${(err as Error).message}`, err);
  }
  const { data, info } = decoded;
  const expected = withAlpha ? 4 : 3;
  if (info.channels !== expected) {
    throw new Error(`sharp decoded ${check.name} to ${info.channels} channels, expected ${expected}`);
  }
  return { pixels: data, width: info.width, height: info.height, channels: expected };
}

/** inspectImage, then decodePixels with alpha as `alpha` says. */
export async function decodeImage(image: Buffer, alpha: AlphaHandling, check: ImageCheck): Promise<RawImage> {
  const metadata = await inspectImage(image, check);
  return decodePixels(image, alpha === 'add' || (alpha === 'keep' && metadata.hasAlpha), check);
}

/** inspectImage, then the image as PNG without metadata. */
export async function reencodePng(image: Buffer, check: ImageCheck): Promise<PngImage> {
  await inspectImage(image, check);
  try {
    const { data, info } = await sharp(image).rotate().png().toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height };
  } catch (err) {
    throw failOf(check)('undecodable', `${check.name} could not be decoded: ${(err as Error).message}`, err);
  }
}

function failOf(check: ImageCheck): ImageFailure {
  return (
    check.fail ??
    ((_refusal, message, cause) => new MediaEngineError('invalid_input', message, { field: check.name, cause }))
  );
}
