import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { checkMaxPixels, decodePixels, inspectImage, type ImageCheck, type ImageRefusal } from '../engine-image.js';
import { transferColor } from './color-transfer.js';
import {
  applyNamedStyle,
  DEFAULT_RADIUS,
  isStyleName,
  MAX_RADIUS,
  STYLE_NAMES,
  type StyleName,
} from './named-styles.js';
import { rasterFromPixels, rasterToPixels, type Raster } from './raster.js';
import { RowScheduler } from './row-scheduler.js';
import { StyleTransferError } from './style-transfer-errors.js';

/** A named style, with the radius of its filter (oil: Kuwahara quadrant size; pencil: blur; smooth, cartoon: window). */
export interface NamedStyleOptions {
  style: StyleName;
  radius?: number;
}

/** Colour transfer: the input takes the L*a*b* means and deviations of this image. */
export interface StyleImageOptions {
  styleImage: Buffer;
}

export type StyleTransferOptions = NamedStyleOptions | StyleImageOptions;

export interface StyleTransferResult {
  png: Buffer;
  width: number;
  height: number;
  /** The named style, or `style_image` for a colour transfer. */
  style: string;
  ms: number;
}

/** 4096 × 4096: the working set is about 100 bytes a pixel (float planes, summed-area tables), 1.7 GB here. */
export const DEFAULT_MAX_PIXELS = 4096 * 4096;

/**
 * The local style_transfer engine of the media service: classical filters over raw pixels, no model. Reads PNG,
 * JPEG or WebP (EXIF orientation applied), writes PNG without metadata, keeps the input's alpha.
 */
export class StyleTransferEngine {
  readonly maxPixels: number;

  constructor(options: { maxPixels?: number } = {}) {
    this.maxPixels = checkMaxPixels(
      options.maxPixels ?? DEFAULT_MAX_PIXELS,
      (message) => new StyleTransferError('invalid_options', message),
    );
  }

  async apply(input: Buffer, options: StyleTransferOptions, signal?: AbortSignal): Promise<StyleTransferResult> {
    const started = performance.now();
    const rows = new RowScheduler(signal);
    rows.throwIfAborted();
    let styled: Raster;
    let style: string;
    if ('styleImage' in options) {
      const [source, styleImage] = await Promise.all([
        this.decode(input, 'input', rows),
        this.decode(options.styleImage, 'styleImage', rows),
      ]);
      styled = await transferColor(source, styleImage, rows);
      style = 'style_image';
    } else {
      const radius = checkStyle(options);
      styled = await applyNamedStyle(await this.decode(input, 'input', rows), options.style, radius, rows);
      style = options.style;
    }
    rows.throwIfAborted();
    const { pixels, channels } = rasterToPixels(styled);
    const png = await sharp(pixels, { raw: { width: styled.width, height: styled.height, channels } })
      .png()
      .toBuffer();
    rows.throwIfAborted();
    return { png, width: styled.width, height: styled.height, style, ms: performance.now() - started };
  }

  private async decode(image: Buffer, what: string, rows: RowScheduler): Promise<Raster> {
    if (!Buffer.isBuffer(image) || image.length === 0) {
      throw new StyleTransferError('invalid_image', `${what} is empty or not a Buffer`);
    }
    const check: ImageCheck = { name: what, maxPixels: this.maxPixels, fail: refused };
    const metadata = await inspectImage(image, check);
    rows.throwIfAborted();
    const { pixels, width, height, channels } = await decodePixels(image, metadata.hasAlpha, check);
    rows.throwIfAborted();
    return rasterFromPixels(pixels, width, height, channels);
  }
}

/** A refused image as this engine's error: too_many_pixels names the option, every other refusal is invalid_image. */
function refused(refusal: ImageRefusal, message: string, cause?: unknown): StyleTransferError {
  if (refusal === 'too_many_pixels') return new StyleTransferError('too_many_pixels', `${message} (maxPixels)`);
  return new StyleTransferError('invalid_image', message, cause === undefined ? undefined : { cause });
}

/** The radius for a named style: the caller's, checked, or the style's default. */
function checkStyle(options: NamedStyleOptions): number {
  if (!isStyleName(options.style)) {
    throw new StyleTransferError(
      'invalid_options',
      `unknown style ${JSON.stringify(options.style)}; one of ${STYLE_NAMES.join(', ')}`,
    );
  }
  const radius = options.radius ?? DEFAULT_RADIUS[options.style];
  if (options.radius !== undefined && (!Number.isInteger(radius) || radius < 1 || radius > MAX_RADIUS)) {
    throw new StyleTransferError('invalid_options', `radius must be an integer from 1 to ${MAX_RADIUS}, got ${radius}`);
  }
  return radius;
}
