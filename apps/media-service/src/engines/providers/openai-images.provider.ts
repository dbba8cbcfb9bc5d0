import { performance } from 'node:perf_hooks';
import {
  MediaEngineError,
  throwIfAborted,
  type EngineContext,
  type EngineRequest,
  type EngineResult,
  type MediaEngine,
} from '../media-engine.js';
import { readGenerationParameters } from './generation-parameters.js';
import { ProviderHttp } from './provider-http.js';
import { base64Bytes, decodeProviderImage } from './provider-images.js';
import {
  authorization,
  baseUrlOf,
  maxPixelsOf,
  progressOnRetry,
  type ProviderCommonOptions,
} from './provider-options.js';

export interface OpenAiImagesOptions extends ProviderCommonOptions {
  /** Base URL of the API; `/images/generations` is appended. Default `https://api.openai.com/v1`. */
  baseUrl?: string;
  apiKey?: string;
  /** Default `gpt-image-1`. */
  model?: string;
  /** The sizes (`WxH`) the model takes; default by model family (see supportedSizes), any size for other models. */
  sizes?: readonly string[];
  /** An unsupported size: `nearest` (default) asks for the closest supported one, `refuse` is invalid_input. */
  sizePolicy?: 'nearest' | 'refuse';
}

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_OPENAI_IMAGE_MODEL = 'gpt-image-1';
const DEFAULT_SIDE = 1024;

/**
 * The sizes OpenAI documents per model family; null for another model (an OpenAI-compatible server), which is
 * sent the size asked for.
 */
export function supportedSizes(model: string): readonly string[] | null {
  if (model.startsWith('gpt-image-')) return ['1024x1024', '1536x1024', '1024x1536'];
  if (model === 'dall-e-3') return ['1024x1024', '1792x1024', '1024x1792'];
  if (model === 'dall-e-2') return ['256x256', '512x512', '1024x1024'];
  return null;
}

/** The longest prompt a model takes, characters (OpenAI's documented limits); others get gpt-image's. */
function maxPromptChars(model: string): number {
  if (model === 'dall-e-2') return 1000;
  if (model === 'dall-e-3') return 4000;
  return 32000;
}

/** The supported size closest in aspect ratio to width × height, then closest in area. */
export function nearestSize(width: number, height: number, sizes: readonly string[]): string {
  const score = (size: string) => {
    const [w, h] = size.split('x').map(Number);
    return [Math.abs(Math.log(w / h / (width / height))), Math.abs(Math.log((w * h) / (width * height)))];
  };
  return [...sizes].sort((a, b) => {
    const [aspectA, areaA] = score(a);
    const [aspectB, areaB] = score(b);
    return aspectA - aspectB || areaA - areaB;
  })[0];
}

/**
 * image_generation from an OpenAI-compatible images API: POST {baseUrl}/images/generations with the refined
 * prompt, one image, the size; the answer's `data[0].b64_json` re-encoded as PNG without metadata. gpt-image
 * models always answer base64 and refuse `response_format` (HTTP 400 "Unknown parameter"), so it is sent only to
 * the dall-e models. There is no negative prompt in this API: the negatives go into the prompt as "Avoid: ...".
 * steps, seed and guidance do not exist here either; they are listed in metadata.ignored_parameters.
 */
export class OpenAiImagesProvider implements MediaEngine {
  readonly taskType = 'image_generation' as const;
  readonly name = 'provider:openai';
  readonly model: string;
  private readonly url: string;
  private readonly http: ProviderHttp;
  private readonly maxPixels: number;
  private readonly sizes: readonly string[] | null;

  constructor(private readonly options: OpenAiImagesOptions = {}) {
    this.model = options.model || DEFAULT_OPENAI_IMAGE_MODEL;
    this.url = `${baseUrlOf(options.baseUrl || DEFAULT_OPENAI_BASE_URL, 'openai')}/images/generations`;
    this.http = new ProviderHttp('openai', options);
    this.maxPixels = maxPixelsOf(options);
    this.sizes = options.sizes ?? supportedSizes(this.model);
  }

  async run(request: EngineRequest, ctx: EngineContext): Promise<EngineResult> {
    const started = performance.now();
    throwIfAborted(ctx.signal, 'image generation');
    ctx.progress(5, 'Refining the prompt');
    const params = readGenerationParameters(request.prompt, request.parameters, DEFAULT_SIDE);
    const size = this.sizeFor(params.width, params.height);
    const prompt = withAvoid(params.prompt.refined, params.prompt.negative, maxPromptChars(this.model));
    const ignored = (['steps', 'seed', 'guidance'] as const).filter((name) => params[name] !== undefined);

    ctx.progress(10, `Generating with openai ${this.model} at ${size}`);
    const body: Record<string, unknown> = { model: this.model, prompt, n: 1, size };
    if (this.model.startsWith('dall-e')) body.response_format = 'b64_json';
    const { json, attempts } = await this.http.json(
      { method: 'POST', url: this.url, headers: authorization(this.options.apiKey, false), json: body },
      ctx.signal,
      progressOnRetry(ctx, 10),
    );

    throwIfAborted(ctx.signal, 'image generation');
    ctx.progress(90, 'Decoding the image');
    const answer = json as { data?: Array<{ b64_json?: unknown; revised_prompt?: unknown }>; usage?: unknown } | null;
    const first = answer?.data?.[0];
    const bytes = base64Bytes(first?.b64_json);
    if (!bytes) {
      throw new MediaEngineError('provider_failed', 'openai: the answer has no data[0].b64_json image', {
        retryable: false,
      });
    }
    const image = await decodeProviderImage(bytes, 'openai', 'the answer image', this.maxPixels);
    throwIfAborted(ctx.signal, 'image generation');
    ctx.progress(100, 'Done');
    return {
      ...image,
      engine: this.name,
      refined_prompt: prompt,
      metadata: {
        model: this.model,
        requested_size: `${params.width}x${params.height}`,
        size,
        category: params.prompt.category,
        style: params.prompt.style,
        ...(typeof first?.revised_prompt === 'string' ? { revised_prompt: first.revised_prompt } : {}),
        ...(answer?.usage && typeof answer.usage === 'object' ? { usage: answer.usage } : {}),
        ...(ignored.length ? { ignored_parameters: ignored } : {}),
        attempts,
        ms: Math.round(performance.now() - started),
      },
    };
  }

  private sizeFor(width: number, height: number): string {
    const asked = `${width}x${height}`;
    if (!this.sizes || this.sizes.includes(asked)) return asked;
    if (this.options.sizePolicy === 'refuse') {
      throw new MediaEngineError(
        'invalid_input',
        `${this.model} cannot make ${asked}; it makes ${this.sizes.join(', ')}`,
        { field: 'parameters.width' },
      );
    }
    return nearestSize(width, height, this.sizes);
  }
}

/** The prompt with its negatives as an instruction, when they fit the model's limit; else the prompt alone. */
function withAvoid(prompt: string, negative: string, max: number): string {
  const full = negative ? `${prompt.replace(/[.\s]+$/, '')}. Avoid: ${negative}.` : prompt;
  return full.length <= max ? full : prompt.slice(0, max);
}
