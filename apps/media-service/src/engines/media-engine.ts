/**
 * The one interface every image engine of the media service implements, local or provider-backed, so that the
 * worker thread runs any task type the same way. Engines are pure computation over bytes: no database, no queue,
 * no storage; the task's images arrive as Buffers and the result leaves as a PNG Buffer.
 */

/** The task types of seed 004 (the contracts' `MediaTaskType` spells the same five). */
export type EngineTaskType =
  'image_generation' | 'face_swap' | 'background_removal' | 'object_removal' | 'style_transfer';

/** The images of one task, decoded from base64 or multipart by the gateway and read from storage by the worker. */
export interface EngineImages {
  /** The image to edit (every task type but image_generation); for face_swap, the image whose face is taken. */
  image?: Buffer;
  /** face_swap: the image whose face is replaced; the result has its size. */
  target_image?: Buffer;
  /** style_transfer: the image whose colours the input takes (instead of a named style). */
  style_image?: Buffer;
  /** object_removal: white (non-zero) pixels mark what to remove; the image's size. */
  mask?: Buffer;
}

export interface EngineRequest {
  prompt?: string;
  images: EngineImages;
  /** The task's `parameters`, already checked against the task type's rules (libs/contracts media validators). */
  parameters: Record<string, unknown>;
}

export interface EngineContext {
  /** Fires on cancel; an engine checks it between steps and rejects with an AbortError (`err.name === 'AbortError'`). */
  signal: AbortSignal;
  /** Progress of this task, 0-100, with a short message ("Detecting faces"); cheap, call it freely. */
  progress(percent: number, message: string): void;
}

export interface EngineResult {
  /** The output image, PNG, no EXIF or other metadata. */
  png: Buffer;
  width: number;
  height: number;
  /** Who made it: `local:<method>` (`local:isnet-medium`, `local:telea`) or `provider:<name>` (`provider:openai`). */
  engine: string;
  /** image_generation: the prompt sent to the model after the local refiner. */
  refined_prompt?: string;
  /** What the engine wants on record with the result (method chosen, faces found, mask fraction, timings in ms). */
  metadata: Record<string, unknown>;
}

export interface MediaEngine {
  readonly taskType: EngineTaskType;
  /** `local:<method>` or `provider:<name>`, as in EngineResult.engine. */
  readonly name: string;
  /** Loads models once per process (a worker calls it at start so the first task is warm); idempotent. */
  warm?(): Promise<void>;
  run(request: EngineRequest, ctx: EngineContext): Promise<EngineResult>;
}

/**
 * Why an engine refused or failed a task, with a message a user can act on. `invalid_input` (an image that is not
 * what the task needs: wrong size mask, undecodable bytes, too many pixels), `no_face` (face_swap found none in
 * `field`), `provider_failed` (a hosted model answered an error or nothing; `retryable` when a later try may
 * succeed), `unavailable` (the engine cannot run here: no provider configured).
 */
export type MediaEngineErrorCode = 'invalid_input' | 'no_face' | 'provider_failed' | 'unavailable';

export class MediaEngineError extends Error {
  override name = 'MediaEngineError';

  constructor(
    readonly code: MediaEngineErrorCode,
    message: string,
    readonly options: { field?: string; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }

  get field(): string | undefined {
    return this.options.field;
  }

  get retryable(): boolean {
    return this.options.retryable === true;
  }
}

/** The error an engine rejects with when its signal fired; `name` is `AbortError` like the DOM's. */
export class EngineAbortedError extends Error {
  override name = 'AbortError';

  constructor(what = 'engine run') {
    super(`${what} aborted`);
  }
}

/** Rejects with EngineAbortedError when `signal` has fired; call it between steps. */
export function throwIfAborted(signal: AbortSignal, what?: string): void {
  if (signal.aborted) throw new EngineAbortedError(what);
}
