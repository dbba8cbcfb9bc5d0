import { performance } from 'node:perf_hooks';
import {
  MediaEngineError,
  throwIfAborted,
  type EngineContext,
  type EngineRequest,
  type EngineResult,
  type MediaEngine,
} from '../media-engine.js';
import { multipleOf8, readGenerationParameters } from './generation-parameters.js';
import { ProviderHttp } from './provider-http.js';
import { base64Bytes, decodeProviderImage } from './provider-images.js';
import {
  authorization,
  baseUrlOf,
  maxPixelsOf,
  progressOnRetry,
  type ProviderCommonOptions,
} from './provider-options.js';

export interface Automatic1111Options extends ProviderCommonOptions {
  /** The web UI's address (`http://host:7860`); `/sdapi/v1/txt2img` is appended. */
  baseUrl: string;
  /** `user:password` for --api-auth (sent as Basic), or a token for a proxy in front (sent as Bearer). */
  apiKey?: string;
  /** A checkpoint title, sent as `override_settings.sd_model_checkpoint`; the UI's current one when unset. */
  model?: string;
  /** `sampler_name`; the UI's default when unset. */
  sampler?: string;
}

const DEFAULT_SIDE = 512;
const DEFAULT_STEPS = 25;
const DEFAULT_GUIDANCE = 7;

/**
 * image_generation from a Stable Diffusion web UI (AUTOMATIC1111, Forge, SD.Next: the same /sdapi/v1 API) started
 * with --api: POST /sdapi/v1/txt2img with the refined and negative prompts; the answer's `images[0]` re-encoded
 * as PNG without metadata (A1111 writes its generation parameters into a PNG text chunk). Sizes are rounded to a
 * multiple of 8; seed -1 lets the UI pick one, read back from the answer's `info`.
 */
export class Automatic1111Provider implements MediaEngine {
  readonly taskType = 'image_generation' as const;
  readonly name = 'provider:automatic1111';
  private readonly url: string;
  private readonly http: ProviderHttp;
  private readonly maxPixels: number;

  constructor(private readonly options: Automatic1111Options) {
    this.url = `${baseUrlOf(options.baseUrl, 'automatic1111')}/sdapi/v1/txt2img`;
    this.http = new ProviderHttp('automatic1111', options);
    this.maxPixels = maxPixelsOf(options);
  }

  async run(request: EngineRequest, ctx: EngineContext): Promise<EngineResult> {
    const started = performance.now();
    throwIfAborted(ctx.signal, 'image generation');
    ctx.progress(5, 'Refining the prompt');
    const params = readGenerationParameters(request.prompt, request.parameters, DEFAULT_SIDE);
    const body: Record<string, unknown> = {
      prompt: params.prompt.refined,
      negative_prompt: params.prompt.negative,
      width: multipleOf8(params.width),
      height: multipleOf8(params.height),
      steps: params.steps ?? DEFAULT_STEPS,
      cfg_scale: params.guidance ?? DEFAULT_GUIDANCE,
      seed: params.seed ?? -1,
      batch_size: 1,
      n_iter: 1,
    };
    if (this.options.sampler) body.sampler_name = this.options.sampler;
    if (this.options.model) body.override_settings = { sd_model_checkpoint: this.options.model };

    ctx.progress(10, `Generating with automatic1111 at ${body.width}x${body.height}`);
    const { json, attempts } = await this.http.json(
      { method: 'POST', url: this.url, headers: authorization(this.options.apiKey, true), json: body },
      ctx.signal,
      progressOnRetry(ctx, 10),
    );

    throwIfAborted(ctx.signal, 'image generation');
    ctx.progress(90, 'Decoding the image');
    const answer = json as { images?: unknown[]; info?: unknown } | null;
    const bytes = Array.isArray(answer?.images) ? base64Bytes(answer.images[0]) : null;
    if (!bytes) {
      throw new MediaEngineError('provider_failed', 'automatic1111: the answer has no images[0] base64 image', {
        retryable: false,
      });
    }
    const image = await decodeProviderImage(bytes, 'automatic1111', 'the answer image', this.maxPixels);
    throwIfAborted(ctx.signal, 'image generation');
    ctx.progress(100, 'Done');
    return {
      ...image,
      engine: this.name,
      refined_prompt: params.prompt.refined,
      metadata: {
        ...(this.options.model ? { model: this.options.model } : {}),
        negative_prompt: params.prompt.negative,
        requested_size: `${params.width}x${params.height}`,
        size: `${body.width}x${body.height}`,
        steps: body.steps,
        guidance: body.cfg_scale,
        seed: seedOf(answer?.info) ?? body.seed,
        category: params.prompt.category,
        style: params.prompt.style,
        attempts,
        ms: Math.round(performance.now() - started),
      },
    };
  }
}

/** The seed the UI used: `info` is a JSON string with `seed`; undefined when it is not. */
function seedOf(info: unknown): number | undefined {
  if (typeof info !== 'string') return undefined;
  try {
    const seed = (JSON.parse(info) as { seed?: unknown })?.seed;
    return typeof seed === 'number' && Number.isInteger(seed) ? seed : undefined;
  } catch {
    return undefined;
  }
}
