import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import sharp from 'sharp';
import {
  MediaEngineError,
  throwIfAborted,
  type EngineContext,
  type EngineRequest,
  type EngineResult,
  type MediaEngine,
} from '../media-engine.js';
import { checkMaxPixels, decodeImage, decodePixels, inspectImage } from '../engine-image.js';
import { exemplarInpaint } from './exemplar.js';
import { components, countSet, dilate, paintBoxes, selectComponents, type Box } from './mask.js';
import { loadOpenCv, teleaInpaint } from './telea.js';

/** 4096 × 4096: the working set is about 40 bytes a pixel (masks, distances, confidence, labels), 670 MB here. */
export const DEFAULT_MAX_PIXELS = 4096 * 4096;
/** `auto` fills a component with Telea when it is at most this fraction of the image's area... */
export const TELEA_MAX_COMPONENT_FRACTION = 0.001;
/** ...or a stroke (text, a scratch, a wire) no thicker than twice this many pixels, whatever its length. */
export const TELEA_MAX_STROKE_RADIUS = 6;
export const DEFAULT_DILATE = 3;
export const MAX_DILATE = 32;
/** More boxes than any person draws: a bound on the work one request can ask for. */
export const MAX_BOXES = 1000;

export const INPAINT_METHODS = ['auto', 'telea', 'patch'] as const;
export type InpaintMethod = (typeof INPAINT_METHODS)[number];

/** What was done, as result.metadata records it: `telea+patch` when `auto` used both on different components. */
export type ChosenMethod = 'telea' | 'patch' | 'telea+patch';

interface Decoded {
  width: number;
  height: number;
  rgb: Uint8Array;
  alpha: Uint8Array | null;
}

/**
 * The local object_removal engine: removes what a mask or boxes mark, by Telea's fast marching (opencv-js) for small
 * or thin regions and exemplar patch copying (Criminisi) for large ones. Reads PNG, JPEG or WebP (EXIF orientation
 * applied), writes a PNG without metadata of the image's size, keeping its alpha as it was.
 */
export class ObjectRemovalEngine implements MediaEngine {
  readonly taskType = 'object_removal' as const;
  readonly name = 'local:inpaint';
  readonly maxPixels: number;

  constructor(options: { maxPixels?: number } = {}) {
    this.maxPixels = checkMaxPixels(options.maxPixels ?? DEFAULT_MAX_PIXELS);
  }

  async warm(): Promise<void> {
    await loadOpenCv();
  }

  async run(request: EngineRequest, ctx: EngineContext): Promise<EngineResult> {
    const started = performance.now();
    const { signal } = ctx;
    throwIfAborted(signal, 'object removal');
    const parameters = request.parameters ?? {};
    const method = readMethod(parameters.method);
    const radius = readDilate(parameters.dilate);
    const boxes = readBoxes(parameters.boxes);
    if (request.images.mask === undefined && boxes === undefined) {
      throw new MediaEngineError('invalid_input', 'object_removal needs images.mask or parameters.boxes', {
        field: 'mask',
      });
    }
    ctx.progress(2, 'Decoding the image');
    const image = await this.decodeImage(request.images.image);
    throwIfAborted(signal, 'object removal');
    const { width, height } = image;
    const marked = new Uint8Array(width * height);
    if (request.images.mask !== undefined) await this.decodeMask(request.images.mask, image, marked);
    if (boxes) paintBoxes(marked, width, height, boxes);
    if (countSet(marked) === 0) {
      const field = request.images.mask !== undefined ? 'mask' : 'parameters.boxes';
      throw new MediaEngineError('invalid_input', 'the mask marks no pixel of the image to remove', { field });
    }
    throwIfAborted(signal, 'object removal');

    ctx.progress(5, 'Preparing the mask');
    const mask = dilate(marked, width, height, radius);
    const maskPixels = countSet(mask);
    const parts = components(mask, width, height);
    const teleaMaxArea = TELEA_MAX_COMPONENT_FRACTION * width * height;
    const byTelea = (k: number) =>
      method === 'telea' ||
      (method === 'auto' && (parts.areas[k] <= teleaMaxArea || parts.radii[k] <= TELEA_MAX_STROKE_RADIUS));
    let teleaComponents = 0;
    for (let k = 1; k <= parts.count; k++) teleaComponents += byTelea(k) ? 1 : 0;
    const patchComponents = parts.count - teleaComponents;
    throwIfAborted(signal, 'object removal');

    // large regions first, by patches from the unmasked image; then Telea on the small ones, whose edges are all known
    let patches = 0;
    if (patchComponents > 0) {
      const target = teleaComponents > 0 ? selectComponents(parts, (k) => !byTelea(k)) : mask;
      ctx.progress(10, 'Filling by patches');
      const span = teleaComponents > 0 ? 75 : 85;
      try {
        ({ patches } = await exemplarInpaint(image.rgb, width, height, target, mask, {
          checkpoint: async (filled) => {
            await nextTurn();
            throwIfAborted(signal, 'object removal');
            ctx.progress(10 + Math.round(span * filled), `Filling by patches: ${Math.round(100 * filled)}%`);
          },
        }));
      } catch (err) {
        if (err instanceof RangeError) {
          throw new MediaEngineError(
            'invalid_input',
            `the mask leaves too little of the image to copy from: ${err.message}`,
            {
              field: 'mask',
              cause: err,
            },
          );
        }
        throw err;
      }
      throwIfAborted(signal, 'object removal');
    }
    if (teleaComponents > 0) {
      ctx.progress(patchComponents > 0 ? 86 : 10, 'Filling by Telea');
      const target = patchComponents > 0 ? selectComponents(parts, byTelea) : mask;
      await teleaInpaint(image.rgb, target, width, height);
      throwIfAborted(signal, 'object removal');
    }

    ctx.progress(95, 'Encoding PNG');
    const png = await encode(image);
    throwIfAborted(signal, 'object removal');
    const chosen: ChosenMethod = teleaComponents === 0 ? 'patch' : patchComponents === 0 ? 'telea' : 'telea+patch';
    ctx.progress(100, 'Done');
    return {
      png,
      width,
      height,
      engine: this.name,
      metadata: {
        method: chosen,
        requested_method: method,
        mask_pixels: maskPixels,
        mask_fraction: maskPixels / (width * height),
        components: parts.count,
        telea_components: teleaComponents,
        patch_components: patchComponents,
        patches,
        dilate: radius,
        ms: Math.round(performance.now() - started),
      },
    };
  }

  private async decodeImage(input: unknown): Promise<Decoded> {
    const check = { name: 'image', maxPixels: this.maxPixels };
    const { pixels: data, width, height, channels } = await decodeImage(bytesOf(input, 'image'), 'keep', check);
    const n = width * height;
    const rgb = new Uint8Array(3 * n);
    const alpha = channels === 4 ? new Uint8Array(n) : null;
    for (let i = 0, p = 0; i < n; i++, p += channels) {
      rgb[3 * i] = data[p];
      rgb[3 * i + 1] = data[p + 1];
      rgb[3 * i + 2] = data[p + 2];
      if (alpha) alpha[i] = data[p + 3];
    }
    return { width, height, rgb, alpha };
  }

  /**
   * Sets in `marked` the pixels the mask marks: grey value >= 128 (transparent pixels counting as black), or, for a
   * mask whose colour is one uniform value and whose alpha varies, alpha >= 128.
   */
  private async decodeMask(input: unknown, image: Decoded, marked: Uint8Array): Promise<void> {
    const mask = bytesOf(input, 'mask');
    const check = { name: 'mask', maxPixels: this.maxPixels };
    const metadata = await inspectImage(mask, check);
    const turned = (metadata.orientation ?? 1) >= 5;
    const width = turned ? metadata.height : metadata.width;
    const height = turned ? metadata.width : metadata.height;
    if (width !== image.width || height !== image.height) {
      throw new MediaEngineError(
        'invalid_input',
        `mask is ${width}×${height}, the image ${image.width}×${image.height}: they must be the same size`,
        { field: 'mask' },
      );
    }
    const { pixels: data } = await decodePixels(mask, true, check);
    const grey = new Uint8Array(marked.length);
    let uniformGrey = true;
    for (let i = 0, p = 0; i < grey.length; i++, p += 4) {
      grey[i] = Math.round(0.2126 * data[p] + 0.7152 * data[p + 1] + 0.0722 * data[p + 2]);
      if (grey[i] !== grey[0]) uniformGrey = false;
    }
    const useAlpha = metadata.hasAlpha === true && uniformGrey;
    for (let i = 0; i < marked.length; i++) {
      const alpha = data[4 * i + 3];
      const value = useAlpha ? alpha : (grey[i] * alpha) / 255;
      if (value >= 128) marked[i] = 1;
    }
  }
}

/** A request image's bytes, refused when it is not there. */
function bytesOf(input: unknown, field: 'image' | 'mask'): Buffer {
  if (!Buffer.isBuffer(input) || input.length === 0) {
    throw new MediaEngineError('invalid_input', `${field} is missing, empty or not bytes`, { field });
  }
  return input;
}

async function encode(image: Decoded): Promise<Buffer> {
  const { width, height, rgb, alpha } = image;
  if (!alpha)
    return sharp(rgb, { raw: { width, height, channels: 3 } })
      .png()
      .toBuffer();
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < alpha.length; i++) {
    rgba[4 * i] = rgb[3 * i];
    rgba[4 * i + 1] = rgb[3 * i + 1];
    rgba[4 * i + 2] = rgb[3 * i + 2];
    rgba[4 * i + 3] = alpha[i];
  }
  return sharp(rgba, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

function readMethod(value: unknown): InpaintMethod {
  if (value === undefined) return 'auto';
  if (typeof value === 'string' && (INPAINT_METHODS as readonly string[]).includes(value)) {
    return value as InpaintMethod;
  }
  throw new MediaEngineError('invalid_input', `method must be one of ${INPAINT_METHODS.join(', ')}`, {
    field: 'parameters.method',
  });
}

function readDilate(value: unknown): number {
  if (value === undefined) return DEFAULT_DILATE;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_DILATE) return value;
  throw new MediaEngineError('invalid_input', `dilate must be an integer from 0 to ${MAX_DILATE} pixels`, {
    field: 'parameters.dilate',
  });
}

function readBoxes(value: unknown): Box[] | undefined {
  if (value === undefined) return undefined;
  const field = 'parameters.boxes';
  if (!Array.isArray(value) || value.length > MAX_BOXES) {
    throw new MediaEngineError('invalid_input', `boxes must be an array of at most ${MAX_BOXES} rectangles`, {
      field,
    });
  }
  return value.map((box: unknown, i) => {
    const { x, y, width, height } = (box ?? {}) as Record<string, unknown>;
    const ints = [x, y, width, height].every((v) => typeof v === 'number' && Number.isSafeInteger(v));
    if (typeof box !== 'object' || !ints || (width as number) < 1 || (height as number) < 1) {
      throw new MediaEngineError(
        'invalid_input',
        `boxes[${i}] must be {x, y, width, height} in integer pixels, width and height at least 1`,
        { field },
      );
    }
    return { x, y, width, height } as Box;
  });
}
