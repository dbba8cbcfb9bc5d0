import { sniffImageFormat, type MediaImageField } from '@torque/contracts';
import type { FileStorage } from '@torque/platform';
import sharp from 'sharp';
import type { StoredInput } from './tasks.repository.js';

export interface ImageLimits {
  maxBytes: number;
  maxPixels: number;
}

/** Reads a stored object whole, refusing it past `maxBytes` (it was checked at the gateway; this is the guard). */
export async function readStored(storage: FileStorage, key: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await storage.open(key)) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new ImageRefusedError(`is larger than ${maxBytes} bytes (MEDIA_MAX_IMAGE_BYTES)`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export class ImageRefusedError extends Error {
  override name = 'ImageRefusedError';
}

/**
 * Checks one submitted image from its bytes: PNG, JPEG or WebP by its signature (never by a name or a declared
 * type), within the byte and pixel limits by its header (read without decoding the pixels, so a decompression
 * bomb is refused before it costs memory). Returns its size, or throws ImageRefusedError with the reason.
 */
export async function inspectImage(
  bytes: Buffer,
  limits: ImageLimits,
): Promise<Pick<StoredInput, 'format' | 'width' | 'height'>> {
  if (bytes.length > limits.maxBytes)
    throw new ImageRefusedError(`is larger than ${limits.maxBytes} bytes (MEDIA_MAX_IMAGE_BYTES)`);
  const format = sniffImageFormat(bytes);
  if (!format) throw new ImageRefusedError('must be a PNG, JPEG or WebP image');
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new ImageRefusedError(`could not be read as ${format.toUpperCase()}: ${(err as Error).message}`);
  }
  if (!meta.width || !meta.height) throw new ImageRefusedError('has no size in its header');
  const pixels = meta.width * meta.height;
  if (pixels > limits.maxPixels)
    throw new ImageRefusedError(
      `is ${meta.width}×${meta.height} = ${pixels} pixels, over the limit of ${limits.maxPixels} (MEDIA_MAX_PIXELS)`,
    );
  const oriented = (meta.orientation ?? 1) >= 5;
  return { format, width: oriented ? meta.height : meta.width, height: oriented ? meta.width : meta.height };
}

export const FIELD_LABEL: Record<MediaImageField, string> = {
  image: 'Image',
  target_image: 'Target image',
  style_image: 'Style image',
  mask: 'Mask',
};
