import { setImmediate as nextTurn } from 'node:timers/promises';
import { StyleTransferAbortedError } from './style-transfer-errors.js';

/** About this many pixels between two checks of the signal: some milliseconds of work at most. */
const PIXELS_PER_CHUNK = 1 << 16;

/**
 * Runs a filter pass over an image's rows in chunks, in order, and gives the event loop a turn between chunks so
 * that an abort() from a timer or a request handler is seen while a pass runs, not only after the whole image.
 */
export class RowScheduler {
  constructor(private readonly signal?: AbortSignal) {}

  throwIfAborted(): void {
    if (this.signal?.aborted) throw new StyleTransferAbortedError({ cause: this.signal.reason });
  }

  /** Calls body(y0, y1) for consecutive row ranges [y0, y1) covering [0, height). */
  async rows(width: number, height: number, body: (y0: number, y1: number) => void): Promise<void> {
    const chunk = Math.max(1, Math.floor(PIXELS_PER_CHUNK / Math.max(1, width)));
    for (let y0 = 0; y0 < height; y0 += chunk) {
      this.throwIfAborted();
      body(y0, Math.min(height, y0 + chunk));
      await nextTurn();
    }
    this.throwIfAborted();
  }
}
