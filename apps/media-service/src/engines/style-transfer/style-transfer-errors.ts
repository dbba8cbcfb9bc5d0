/**
 * Why an image could not be styled: `invalid_image` (not a PNG, JPEG or WebP sharp can decode), `too_many_pixels`
 * (over the engine's maxPixels), `invalid_options` (an unknown style, a bad radius).
 */
export type StyleTransferErrorCode = 'invalid_image' | 'too_many_pixels' | 'invalid_options';

/** An input the engine refuses; the caller's fault, never worth a retry. */
export class StyleTransferError extends Error {
  override name = 'StyleTransferError';

  constructor(
    readonly code: StyleTransferErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The caller's AbortSignal fired; named like the DOM's AbortError so `err.name === 'AbortError'` checks work. */
export class StyleTransferAbortedError extends Error {
  override name = 'AbortError';
  readonly code = 'ABORT_ERR';

  constructor(options?: { cause?: unknown }) {
    super('style transfer aborted', options);
  }
}
