import { describe, expect, it } from '@jest/globals';
import type { JobRecord } from '@torque/platform';
import type { AiJobCounts } from '../ai-jobs/ai-jobs.repository.js';
import { generationOutcome, reviewedPatch } from './job-settlement.js';

const counts = (fitments: number, approved: number, rejected: number): AiJobCounts => ({
  product_count: 2,
  products_done: 2,
  fitments_count: fitments,
  approved_count: approved,
  rejected_count: rejected,
});

const job = (status: JobRecord['status']) => ({ status, counts: { provider_failures: 1 } }) as unknown as JobRecord;

describe('reviewedPatch', () => {
  it('completes a job waiting for review once nothing is pending, keeping its other counts', () => {
    expect(reviewedPatch(job('review_required'), counts(3, 2, 1))).toEqual({
      status: 'completed',
      completedNow: true,
      progressMessage: 'All fitments reviewed',
      counts: {
        provider_failures: 1,
        products: 2,
        products_processed: 2,
        fitments: 3,
        approved: 2,
        rejected: 1,
        pending: 0,
      },
    });
  });

  it('only mirrors the counts while fitments are pending or the job still runs', () => {
    expect(reviewedPatch(job('review_required'), counts(3, 1, 1))).not.toHaveProperty('status');
    expect(reviewedPatch(job('processing'), counts(3, 2, 1))).not.toHaveProperty('status');
  });
});

describe('generationOutcome', () => {
  it('waits for review while fitments are pending, else completes', () => {
    expect(generationOutcome(counts(3, 1, 0), { provider_failures: 1 })).toEqual({
      status: 'review_required',
      counts: expect.objectContaining({ provider_failures: 1, pending: 2 }),
      message: '3 fitments for 2 products; 2 wait for review',
    });
    expect(generationOutcome(counts(3, 2, 1), {}).status).toBe('completed');
    expect(generationOutcome(counts(0, 0, 0), {})).toEqual(
      expect.objectContaining({ status: 'completed', message: 'No fitments found for 2 products' }),
    );
  });
});
