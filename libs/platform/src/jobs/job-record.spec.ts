import { describe, expect, it } from '@jest/globals';
import { percentOf, toJobView, type JobRecord } from './job-record.js';

function row(patch: Partial<JobRecord> = {}): JobRecord {
  return {
    id: '0b8a1d6e-6a3c-4c1e-9a59-3f0d7f1c2a11',
    tenant_id: 'acme',
    type: 'maintenance.cleanup',
    status: 'processing',
    progress_current: 0,
    progress_total: 0,
    progress_message: '',
    counts: {},
    params: {},
    result: null,
    error_code: null,
    error_message: null,
    dedupe_key: null,
    correlation_id: 'c-1',
    attempts: 1,
    cancel_requested_at: null,
    created_at: new Date('2026-01-01T10:00:00.000Z'),
    started_at: new Date('2026-01-01T10:00:01.000Z'),
    completed_at: null,
    updated_at: new Date('2026-01-01T10:00:02.000Z'),
    ...patch,
  };
}

describe('percentOf', () => {
  it('is a whole percentage, 0 while the total is unknown, never above 100', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(5, 0)).toBe(0);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(66);
    expect(percentOf(3, 3)).toBe(100);
    expect(percentOf(7, 5)).toBe(100);
  });
});

describe('toJobView', () => {
  it('maps a running job', () => {
    const view = toJobView(
      'fitment',
      row({ progress_current: 1, progress_total: 4, progress_message: 'Working', counts: { jobs_deleted: 1 } }),
    );
    expect(view).toEqual({
      id: '0b8a1d6e-6a3c-4c1e-9a59-3f0d7f1c2a11',
      service: 'fitment',
      type: 'maintenance.cleanup',
      status: 'processing',
      progress: { current: 1, total: 4, percent: 25, message: 'Working' },
      counts: { jobs_deleted: 1 },
      error: null,
      tenant: 'acme',
      cancelRequested: false,
      createdAt: '2026-01-01T10:00:00.000Z',
      startedAt: '2026-01-01T10:00:01.000Z',
      completedAt: null,
    });
  });

  it('shows 100 % for a completed job even when it never knew its total', () => {
    const view = toJobView('fitment', row({ status: 'completed', completed_at: new Date('2026-01-01T10:01:00.000Z') }));
    expect(view.progress.percent).toBe(100);
    expect(view.completedAt).toBe('2026-01-01T10:01:00.000Z');
  });

  it('does not claim 100 % for a failed or cancelled job', () => {
    expect(
      toJobView('fitment', row({ status: 'failed', progress_current: 1, progress_total: 2 })).progress.percent,
    ).toBe(50);
    expect(
      toJobView('fitment', row({ status: 'cancelled', progress_current: 0, progress_total: 2 })).progress.percent,
    ).toBe(0);
  });

  it('reports cancelRequested only while the job has not ended', () => {
    const asked = new Date('2026-01-01T10:00:05.000Z');
    expect(toJobView('fitment', row({ status: 'processing', cancel_requested_at: asked })).cancelRequested).toBe(true);
    expect(toJobView('fitment', row({ status: 'review_required', cancel_requested_at: asked })).cancelRequested).toBe(
      true,
    );
    for (const status of ['completed', 'failed', 'cancelled'] as const) {
      expect(toJobView('fitment', row({ status, cancel_requested_at: asked })).cancelRequested).toBe(false);
    }
    expect(toJobView('fitment', row({ cancel_requested_at: null })).cancelRequested).toBe(false);
  });

  it('maps the error and a queued job that has not started', () => {
    const view = toJobView(
      'media',
      row({ status: 'queued', started_at: null, error_code: 'timeout', error_message: null }),
    );
    expect(view.error).toEqual({ code: 'timeout', message: '' });
    expect(view.startedAt).toBeNull();
    expect(view.service).toBe('media');
  });
});
