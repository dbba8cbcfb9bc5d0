import { describe, expect, it } from '@jest/globals';
import { fitmentOrder, fitmentWhere } from './fitment-query.js';
import { positionOf, quantityOf, toProductInput } from './generate.job-handler.js';
import { toProgressDto } from './ai-job-view.js';
import type { AiJobRow } from '../ai-jobs/ai-jobs.repository.js';

describe('fitmentWhere', () => {
  it('numbers its parameters after the ones already there', () => {
    const params: unknown[] = ['x'];
    const where = fitmentWhere('acme', { status: 'pending', min_confidence: 0.9, make: 'Honda', year: 2018 }, params);
    expect(where).toBe(
      'f.tenant_id = $2 AND f.status = $3 AND f.confidence_score >= $4::real AND lower(f.make) = lower($5) AND f.year = $6',
    );
    expect(params).toEqual(['x', 'acme', 'pending', 0.9, 'Honda', 2018]);
  });

  it('sorts lowest confidence first for `confidence`, part order by default', () => {
    expect(fitmentOrder('confidence')).toMatch(/^f\.confidence_score ASC/);
    expect(fitmentOrder(undefined)).toMatch(/^f\.part_id ASC/);
  });
});

describe('part fields', () => {
  it('reads quantity and position from the attributes', () => {
    expect(quantityOf({ qty: '2' })).toBe(2);
    expect(quantityOf({ quantity: 0, qty_per_vehicle: 4 })).toBe(4);
    expect(quantityOf({ qty: 1.5 })).toBe(1);
    expect(positionOf({ position: ' Front ' })).toBe('Front');
    expect(positionOf({ position: 3 })).toBe('');
  });

  it('gives the engine a file row with its name, brand and other columns', () => {
    expect(
      toProductInput(
        {
          seq: 1,
          product_id: null,
          part_number: 'UP-1',
          description: 'Fits 2019 Camry',
          category: 'Filters',
          attributes: { name: 'Filter', brand: 'Acme', Fitment: '2019 Camry' },
        },
        undefined,
      ),
    ).toEqual({
      id: 'UP-1',
      part_number: 'UP-1',
      name: 'Filter',
      description: 'Fits 2019 Camry',
      category: 'Filters',
      brand: 'Acme',
      attributes: { Fitment: '2019 Camry' },
    });
  });
});

describe('seed progress', () => {
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
