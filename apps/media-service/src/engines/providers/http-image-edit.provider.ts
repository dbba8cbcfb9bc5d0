import { performance } from 'node:perf_hooks';
import {
  MediaEngineError,
  throwIfAborted,
  type EngineContext,
  type EngineImages,
  type EngineRequest,
  type EngineResult,
  type MediaEngine,
} from '../media-engine.js';
import type { PngImage } from '../engine-image.js';
import { ProviderHttp } from './provider-http.js';
import { base64Bytes, decodeProviderImage, normalizeInputImage } from './provider-images.js';
import {
  authorization,
  baseUrlOf,
  maxPixelsOf,
  progressOnRetry,
  type ProviderCommonOptions,
} from './provider-options.js';

export const EDIT_TASK_TYPES = ['face_swap', 'background_removal', 'object_removal', 'style_transfer'] as const;
export type EditTaskType = (typeof EDIT_TASK_TYPES)[number];

export function isEditTaskType(value: unknown): value is EditTaskType {
  return typeof value === 'string' && (EDIT_TASK_TYPES as readonly string[]).includes(value);
}

/** The images each task type needs (required) and may send (optional). */
const IMAGES: Readonly<Record<EditTaskType, { required: (keyof EngineImages)[]; optional: (keyof EngineImages)[] }>> = {
  face_swap: { required: ['image', 'target_image'], optional: [] },
  background_removal: { required: ['image'], optional: [] },
  object_removal: { required: ['image', 'mask'], optional: [] },
  style_transfer: { required: ['image'], optional: ['style_image'] },
};

export interface HttpImageEditOptions extends ProviderCommonOptions {
  taskType: EditTaskType;
  /** The service's address; `/v1/{task_type}` is appended. */
  baseUrl: string;
  /** Sent as a Bearer token when set. */
  apiKey?: string;
  /** The `<name>` of `provider:<name>` in results; default `http`. */
  name?: string;
}

/**
 * The hosted provider of one editing task type, over a small JSON contract any model server can put in front of
 * its model (documented in providers/README.md):
 *
 *   POST {baseUrl}/v1/{task_type}
 *   { "prompt"?: string, "parameters": {...}, "image": b64, "target_image"?: b64, "style_image"?: b64, "mask"?: b64 }
 *   200 { "image": b64 (PNG, JPEG or WebP), "metadata"?: {...} }
 *
 * Images go as base64 PNG, EXIF orientation applied and metadata removed. The answer is re-encoded as PNG without
 * metadata; its `metadata` object is kept as `provider_metadata`.
 */
export class HttpImageEditProvider implements MediaEngine {
  readonly taskType: EditTaskType;
  readonly name: string;
  private readonly url: string;
  private readonly http: ProviderHttp;
  private readonly maxPixels: number;
  private readonly providerName: string;

  constructor(private readonly options: HttpImageEditOptions) {
    if (!isEditTaskType(options.taskType)) {
      throw new RangeError(`taskType must be one of ${EDIT_TASK_TYPES.join(', ')}, got ${String(options.taskType)}`);
    }
    this.taskType = options.taskType;
    this.providerName = options.name || 'http';
    this.name = `provider:${this.providerName}`;
    this.url = `${baseUrlOf(options.baseUrl, this.providerName)}/v1/${this.taskType}`;
    this.http = new ProviderHttp(`${this.providerName} ${this.taskType}`, options);
    this.maxPixels = maxPixelsOf(options);
  }

  async run(request: EngineRequest, ctx: EngineContext): Promise<EngineResult> {
    const started = performance.now();
    throwIfAborted(ctx.signal, this.taskType);
    ctx.progress(5, 'Reading the images');
    const { required, optional } = IMAGES[this.taskType];
    const images: Partial<Record<keyof EngineImages, PngImage>> = {};
    for (const field of [...required, ...optional]) {
      const bytes = request.images[field];
      if (bytes === undefined && optional.includes(field)) continue;
      images[field] = await normalizeInputImage(bytes, field, this.maxPixels);
      throwIfAborted(ctx.signal, this.taskType);
    }
    if (images.mask && images.image) {
      const { mask, image } = images;
      if (mask.width !== image.width || mask.height !== image.height) {
        throw new MediaEngineError(
          'invalid_input',
          `mask is ${mask.width}×${mask.height}, the image ${image.width}×${image.height}; they must be the same size`,
          { field: 'mask' },
        );
      }
    }

    const body: Record<string, unknown> = { parameters: request.parameters ?? {} };
    if (typeof request.prompt === 'string' && request.prompt.trim()) body.prompt = request.prompt;
    for (const [field, image] of Object.entries(images)) body[field] = image.png.toString('base64');

    ctx.progress(15, `Sending to ${this.providerName}`);
    const { json, attempts } = await this.http.json(
      { method: 'POST', url: this.url, headers: authorization(this.options.apiKey, false), json: body },
      ctx.signal,
      progressOnRetry(ctx, 15),
    );

    throwIfAborted(ctx.signal, this.taskType);
    ctx.progress(90, 'Decoding the image');
    const answer = json as { image?: unknown; metadata?: unknown } | null;
    const bytes = base64Bytes(answer?.image);
    if (!bytes) {
      throw new MediaEngineError('provider_failed', `${this.http.provider}: the answer has no base64 image`, {
        retryable: false,
      });
    }
    const result = await decodeProviderImage(bytes, this.http.provider, 'the answer image', this.maxPixels);
    throwIfAborted(ctx.signal, this.taskType);
    ctx.progress(100, 'Done');
    const providerMetadata = answer?.metadata;
    return {
      ...result,
      engine: this.name,
      metadata: {
        ...(providerMetadata && typeof providerMetadata === 'object' && !Array.isArray(providerMetadata)
          ? { provider_metadata: providerMetadata }
          : {}),
        attempts,
        ms: Math.round(performance.now() - started),
      },
    };
  }
}
