import { describe, expect, it } from '@jest/globals';
import {
  canTransition,
  isTerminalStatus,
  JOB_STATUSES,
  JOB_TRANSITIONS,
  TERMINAL_JOB_STATUSES,
  type JobStatus,
} from './job-status.js';

describe('job status machine', () => {
  it('knows which states are terminal', () => {
    expect(JOB_STATUSES.filter(isTerminalStatus)).toEqual(['completed', 'failed', 'cancelled']);
    expect(isTerminalStatus('queued')).toBe(false);
    expect(isTerminalStatus('processing')).toBe(false);
    expect(isTerminalStatus('review_required')).toBe(false);
  });

  it('never leaves a terminal state', () => {
    for (const from of TERMINAL_JOB_STATUSES) {
      for (const to of JOB_STATUSES) expect(canTransition(from, to)).toBe(false);
    }
  });

  it.each<[JobStatus, JobStatus]>([
    ['queued', 'processing'],
    ['queued', 'cancelled'],
    ['queued', 'failed'],
    ['processing', 'completed'],
    ['processing', 'review_required'],
    ['processing', 'failed'],
    ['processing', 'cancelled'],
    ['processing', 'queued'], // a failed attempt that Bull retries
    ['processing', 'processing'], // a stalled job taken over by another worker
    ['review_required', 'completed'],
    ['review_required', 'cancelled'],
  ])('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each<[JobStatus, JobStatus]>([
    ['queued', 'completed'],
    ['queued', 'review_required'],
    ['queued', 'queued'],
    ['review_required', 'processing'],
    ['review_required', 'failed'],
    ['review_required', 'queued'],
    ['completed', 'processing'],
    ['cancelled', 'queued'],
    ['failed', 'queued'],
  ])('forbids %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('only names known states in the transition table', () => {
    expect(Object.keys(JOB_TRANSITIONS).sort()).toEqual([...JOB_STATUSES].sort());
    for (const targets of Object.values(JOB_TRANSITIONS)) for (const t of targets) expect(JOB_STATUSES).toContain(t);
  });
});
