import { expect } from '@jest/globals';
import sharp from 'sharp';
import type { EngineContext } from '../media-engine.js';

/** Spec helpers of the providers (not shipped: only specs import it). */

export interface RecordingContext extends EngineContext {
  steps: Array<[number, string]>;
}

/** A context that records progress; `signal` defaults to one that never fires. */
export function recordingContext(signal: AbortSignal = new AbortController().signal): RecordingContext {
  const steps: Array<[number, string]> = [];
  return { signal, steps, progress: (percent, message) => void steps.push([percent, message]) };
}

/** What `promise` rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

/** Asserts `png` is a PNG of width × height with no EXIF, XMP or ICC. */
export async function expectCleanPng(png: Buffer, width: number, height: number): Promise<void> {
  const meta = await sharp(png).metadata();
  expect(meta).toMatchObject({ format: 'png', width, height });
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.icc).toBeUndefined();
}

/** Progress percentages never go down and end at 100. */
export function expectProgressDone(ctx: RecordingContext): void {
  const percents = ctx.steps.map(([p]) => p);
  expect(percents.at(-1)).toBe(100);
  for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThanOrEqual(percents[i - 1]);
}
