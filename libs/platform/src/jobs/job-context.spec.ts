import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { JobContext, PROGRESS_INTERVAL_MS } from './job-context.js';
import { JobCancelledError } from './job-errors.js';
import type { JobRecord } from './job-record.js';

const JOB = {
  id: '9d1c1d2e-0000-4000-8000-000000000001',
  counts: { seen: 2 },
  cancel_requested_at: null,
} as unknown as JobRecord;

type ProgressFn = (
  id: string,
  current: number,
  total: number,
  message: string,
  counts?: Record<string, number>,
) => Promise<JobRecord>;

describe('JobContext', () => {
  let now: number;
  let progress: jest.Mock<ProgressFn>;
  let cancelAt: Date | null;

  beforeEach(() => {
    now = 1_000_000;
    cancelAt = null;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    progress = jest.fn<ProgressFn>(async () => ({ ...JOB, cancel_requested_at: cancelAt }) as JobRecord);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const context = (signal = new AbortController().signal) => new JobContext(JOB, signal, { progress });

  it('writes the first progress at once, then at most one per interval', async () => {
    const ctx = context();
    await ctx.progress(1, 10, 'one');
    await ctx.progress(2, 10, 'two');
    now += PROGRESS_INTERVAL_MS - 1;
    await ctx.progress(3, 10, 'three');
    expect(progress).toHaveBeenCalledTimes(1);
    now += 1;
    await ctx.progress(4, 10, 'four');
    expect(progress).toHaveBeenCalledTimes(2);
    expect(progress.mock.calls.map((c) => c[1])).toEqual([1, 4]);
    expect(progress).toHaveBeenLastCalledWith(JOB.id, 4, 10, 'four', { seen: 2 });
  });

  it('always writes a forced update and the last unit', async () => {
    const ctx = context();
    await ctx.progress(1, 10, 'start');
    await ctx.progress(2, 10, 'phase change', true);
    await ctx.progress(10, 10, 'done');
    await ctx.progress(11, 10, 'past the end');
    expect(progress.mock.calls.map((c) => c[3])).toEqual(['start', 'phase change', 'done', 'past the end']);
  });

  it('keeps its own counts, starting from the row', async () => {
    const ctx = context();
    ctx.count('seen');
    ctx.count('deleted', 5);
    expect(ctx.counts).toEqual({ seen: 3, deleted: 5 });
    expect(JOB.counts).toEqual({ seen: 2 });
  });

  it('throws JobCancelledError once the signal fired, not before', () => {
    const controller = new AbortController();
    const ctx = context(controller.signal);
    expect(ctx.cancelled).toBe(false);
    expect(() => ctx.throwIfCancelled()).not.toThrow();
    controller.abort();
    expect(ctx.cancelled).toBe(true);
    expect(() => ctx.throwIfCancelled()).toThrow(JobCancelledError);
    try {
      ctx.throwIfCancelled();
    } catch (err) {
      expect((err as JobCancelledError).jobId).toBe(JOB.id);
    }
  });

  it('stops when a progress write reads back a cancel request (the pub/sub signal was lost)', async () => {
    const ctx = context();
    await ctx.progress(1, 10, 'one');
    expect(ctx.cancelled).toBe(false);
    cancelAt = new Date();
    now += PROGRESS_INTERVAL_MS;
    await ctx.progress(2, 10, 'two');
    expect(ctx.cancelled).toBe(true);
    expect(ctx.signal.aborted).toBe(true);
    expect(() => ctx.throwIfCancelled()).toThrow(JobCancelledError);
  });
});
