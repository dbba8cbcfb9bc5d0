import { randomInt, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  MediaEngineError,
  throwIfAborted,
  type EngineContext,
  type EngineRequest,
  type EngineResult,
  type MediaEngine,
} from '../media-engine.js';
import { SAVE_IMAGE_NODE, txt2ImgWorkflow } from './comfyui-workflow.js';
import { MAX_SEED, multipleOf8, readGenerationParameters } from './generation-parameters.js';
import { abortableSleep, ProviderHttp } from './provider-http.js';
import { decodeProviderImage } from './provider-images.js';
import {
  authorization,
  baseUrlOf,
  maxPixelsOf,
  progressOnRetry,
  type ProviderCommonOptions,
} from './provider-options.js';

export interface ComfyUiOptions extends ProviderCommonOptions {
  /** The server's address (`http://host:8188`). */
  baseUrl: string;
  /** A token for a proxy in front of ComfyUI (sent as Bearer); ComfyUI itself has no authentication. */
  apiKey?: string;
  /** The checkpoint file (`ckpt_name` of CheckpointLoaderSimple); default `v1-5-pruned-emaonly.safetensors`. */
  model?: string;
  /** KSampler `sampler_name` and `scheduler`; default `euler` and `normal`. */
  sampler?: string;
  scheduler?: string;
  /** Time between two GET /history polls, ms; default 1000. */
  pollIntervalMs?: number;
  /** How long to wait for the image after queueing it, ms; default 10 minutes. Past it: provider_failed, retryable. */
  maxWaitMs?: number;
}

export const DEFAULT_COMFYUI_CHECKPOINT = 'v1-5-pruned-emaonly.safetensors';
const DEFAULT_SIDE = 512;
const DEFAULT_STEPS = 25;
const DEFAULT_GUIDANCE = 7;
const CANCEL_TIMEOUT_MS = 2000;

interface ComfyImageRef {
  filename: string;
  subfolder: string;
  type: string;
}

/**
 * image_generation from a ComfyUI server: POST /prompt with a txt2img graph (comfyui-workflow.ts) built from the
 * refined and negative prompts, then GET /history/{prompt_id} every pollIntervalMs until the SaveImage node has an
 * output, then GET /view for its bytes, re-encoded as PNG without metadata (ComfyUI writes the graph into a PNG
 * text chunk). On abort or timeout the queued prompt is cancelled, best effort.
 */
export class ComfyUiProvider implements MediaEngine {
  readonly taskType = 'image_generation' as const;
  readonly name = 'provider:comfyui';
  private readonly base: string;
  private readonly http: ProviderHttp;
  private readonly cancelHttp: ProviderHttp;
  private readonly headers: Record<string, string>;
  private readonly maxPixels: number;
  private readonly pollIntervalMs: number;
  private readonly maxWaitMs: number;
  /** ComfyUI files prompts under a client id; one per provider is enough (no websocket is opened). */
  private readonly clientId = randomUUID();

  constructor(private readonly options: ComfyUiOptions) {
    this.base = baseUrlOf(options.baseUrl, 'comfyui');
    this.http = new ProviderHttp('comfyui', options);
    this.cancelHttp = new ProviderHttp('comfyui', {
      ...options,
      retries: 0,
      timeoutMs: Math.min(CANCEL_TIMEOUT_MS, this.http.timeoutMs),
    });
    this.headers = authorization(options.apiKey, false);
    this.maxPixels = maxPixelsOf(options);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 600_000;
    for (const [name, value] of [
      ['pollIntervalMs', this.pollIntervalMs],
      ['maxWaitMs', this.maxWaitMs],
    ] as const) {
      if (!Number.isSafeInteger(value) || value < 1)
        throw new RangeError(`comfyui: ${name} must be a positive integer`);
    }
  }

  async run(request: EngineRequest, ctx: EngineContext): Promise<EngineResult> {
    const started = performance.now();
    throwIfAborted(ctx.signal, 'image generation');
    ctx.progress(5, 'Refining the prompt');
    const params = readGenerationParameters(request.prompt, request.parameters, DEFAULT_SIDE);
    const settings = {
      checkpoint: this.options.model || DEFAULT_COMFYUI_CHECKPOINT,
      prompt: params.prompt.refined,
      negative: params.prompt.negative,
      width: multipleOf8(params.width),
      height: multipleOf8(params.height),
      steps: params.steps ?? DEFAULT_STEPS,
      cfg: params.guidance ?? DEFAULT_GUIDANCE,
      // KSampler needs a seed; ComfyUI has no "random" value in the API format
      seed: params.seed ?? randomInt(0, MAX_SEED),
      sampler: this.options.sampler || 'euler',
      scheduler: this.options.scheduler || 'normal',
      filenamePrefix: 'torque',
    };

    ctx.progress(10, 'Queueing on comfyui');
    const queued = await this.http.json(
      {
        method: 'POST',
        url: `${this.base}/prompt`,
        headers: this.headers,
        json: { prompt: txt2ImgWorkflow(settings), client_id: this.clientId },
      },
      ctx.signal,
      progressOnRetry(ctx, 10),
    );
    const promptId = (queued.json as { prompt_id?: unknown } | null)?.prompt_id;
    if (typeof promptId !== 'string' || promptId === '') {
      throw new MediaEngineError('provider_failed', 'comfyui: the answer to POST /prompt has no prompt_id', {
        retryable: false,
      });
    }

    let ref: ComfyImageRef;
    let polls: number;
    try {
      ({ ref, polls } = await this.waitForImage(promptId, started, ctx));
    } catch (err) {
      // aborted, out of time or the server failing: the prompt is abandoned, so it should not hold the GPU
      await this.cancel(promptId);
      throw err;
    }

    ctx.progress(85, 'Downloading the image');
    const query = new URLSearchParams({ filename: ref.filename, subfolder: ref.subfolder, type: ref.type });
    const view = await this.http.request(
      { method: 'GET', url: `${this.base}/view?${query}`, headers: this.headers },
      ctx.signal,
      progressOnRetry(ctx, 85),
    );
    throwIfAborted(ctx.signal, 'image generation');
    ctx.progress(90, 'Decoding the image');
    const image = await decodeProviderImage(view.body, 'comfyui', `the output ${ref.filename}`, this.maxPixels);
    throwIfAborted(ctx.signal, 'image generation');
    ctx.progress(100, 'Done');
    return {
      ...image,
      engine: this.name,
      refined_prompt: params.prompt.refined,
      metadata: {
        model: settings.checkpoint,
        prompt_id: promptId,
        negative_prompt: settings.negative,
        requested_size: `${params.width}x${params.height}`,
        size: `${settings.width}x${settings.height}`,
        steps: settings.steps,
        guidance: settings.cfg,
        seed: settings.seed,
        sampler: settings.sampler,
        scheduler: settings.scheduler,
        category: params.prompt.category,
        style: params.prompt.style,
        polls,
        ms: Math.round(performance.now() - started),
      },
    };
  }

  /** Polls GET /history/{id} until an output image appears, the prompt fails, or maxWaitMs has passed. */
  private async waitForImage(
    promptId: string,
    started: number,
    ctx: EngineContext,
  ): Promise<{ ref: ComfyImageRef; polls: number }> {
    const url = `${this.base}/history/${encodeURIComponent(promptId)}`;
    for (let polls = 1; ; polls++) {
      await abortableSleep(this.pollIntervalMs, ctx.signal);
      const { json } = await this.http.json(
        { method: 'GET', url, headers: this.headers },
        ctx.signal,
        progressOnRetry(ctx, 20),
      );
      const entry = (json as Record<string, unknown> | null)?.[promptId] as HistoryEntry | undefined;
      if (entry) {
        const error = executionError(entry);
        if (error !== null) {
          throw new MediaEngineError('provider_failed', `comfyui: prompt ${promptId} failed: ${error}`, {
            retryable: false,
          });
        }
        const ref = outputImage(entry);
        if (ref) return { ref, polls };
        if (entry.status?.completed === true) {
          throw new MediaEngineError('provider_failed', `comfyui: prompt ${promptId} completed without an image`, {
            retryable: false,
          });
        }
      }
      const waited = performance.now() - started;
      if (waited > this.maxWaitMs) {
        throw new MediaEngineError(
          'provider_failed',
          `comfyui: no image for prompt ${promptId} within ${this.maxWaitMs} ms`,
          {
            retryable: true,
          },
        );
      }
      ctx.progress(20, `Waiting for comfyui (${Math.round(waited / 1000)} s)`);
    }
  }

  /**
   * Best effort, never throws: takes the prompt off the queue if it is still pending (POST /queue delete) and
   * interrupts it if it is the one running (POST /interrupt). /interrupt stops whatever runs on servers older than
   * its `prompt_id` field, so it is only sent after GET /queue shows this prompt running. A failure here leaves
   * the prompt to finish on the server; the task is cancelled either way, so it is not reported.
   */
  private async cancel(promptId: string): Promise<void> {
    const signal = AbortSignal.timeout(CANCEL_TIMEOUT_MS);
    const post = (path: string, json: unknown) =>
      this.cancelHttp.request({ method: 'POST', url: `${this.base}${path}`, headers: this.headers, json }, signal);
    try {
      await post('/queue', { delete: [promptId] });
      const { json } = await this.cancelHttp.json(
        { method: 'GET', url: `${this.base}/queue`, headers: this.headers },
        signal,
      );
      const running = (json as { queue_running?: unknown[] } | null)?.queue_running ?? [];
      if (running.some((item) => Array.isArray(item) && item[1] === promptId)) {
        await post('/interrupt', { prompt_id: promptId });
      }
    } catch {
      // see above: cancelling is a courtesy to the server, the task's outcome does not depend on it
    }
  }
}

interface HistoryEntry {
  outputs?: Record<string, { images?: unknown[] }>;
  status?: { status_str?: unknown; completed?: unknown; messages?: unknown[] };
}

/** The first image of the SaveImage node's output, else of any node's. */
function outputImage(entry: HistoryEntry): ComfyImageRef | null {
  const outputs = entry.outputs ?? {};
  const nodes = [outputs[SAVE_IMAGE_NODE], ...Object.values(outputs)];
  for (const node of nodes) {
    for (const image of node?.images ?? []) {
      const { filename, subfolder, type } = (image ?? {}) as Record<string, unknown>;
      if (typeof filename === 'string' && filename) {
        return {
          filename,
          subfolder: typeof subfolder === 'string' ? subfolder : '',
          type: typeof type === 'string' && type ? type : 'output',
        };
      }
    }
  }
  return null;
}

/** The error of a failed prompt (`status_str: "error"`, the `execution_error` message), else null. */
function executionError(entry: HistoryEntry): string | null {
  if (entry.status?.status_str !== 'error') return null;
  for (const message of entry.status.messages ?? []) {
    if (Array.isArray(message) && message[0] === 'execution_error') {
      const data = (message[1] ?? {}) as { exception_message?: unknown; node_type?: unknown };
      const text = typeof data.exception_message === 'string' ? data.exception_message.trim().slice(0, 200) : '';
      return `${typeof data.node_type === 'string' ? `${data.node_type}: ` : ''}${text || 'execution error'}`;
    }
  }
  return 'execution error';
}
