import { describe, expect, it } from '@jest/globals';
import { toProgressDto } from './ai-job-view.js';
import type { AiJobRow } from './ai-jobs.repository.js';

describe('legacy progress', () => {
  const row = (status: AiJobRow['status'], done: number): AiJobRow => ({
    job_id: 'j',
    tenant_id: 't',
    job_type: 'selection',
    product_ids: ['26', '31'],
    product_file_name: '',
    product_file_key: null,
    product_count: 4,
    products_done: done,
    fitments_count: 3,
    approved_count: 1,
    rejected_count: 1,
    provider: 'local',
    status,
    progress_message: 'Processing products... (2/4)',
    error_message: null,
    cancel_requested_at: null,
    created_at: new Date(0),
    started_at: null,
    completed_at: null,
  });

  it('maps job states to Celery task states and counts products', () => {
    expect(toProgressDto(row('processing', 2))).toEqual({
      job: expect.objectContaining({
        status: 'processing',
        product_ids: [26, 31],
        pending_count: 1,
        progress_percent: 50,
      }),
      task_status: { state: 'PROGRESS', info: { current: 2, total: 4, status: 'Processing products... (2/4)' } },
    });
    expect(toProgressDto(row('queued', 0)).task_status.state).toBe('PENDING');
    expect(toProgressDto(row('review_required', 4)).task_status.state).toBe('SUCCESS');
    expect(toProgressDto(row('cancelled', 1)).task_status.state).toBe('REVOKED');
    expect(toProgressDto(row('failed', 1)).task_status.state).toBe('FAILURE');
  });
});
