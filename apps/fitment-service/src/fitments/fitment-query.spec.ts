import { describe, expect, it } from '@jest/globals';
import { fitmentOrder, fitmentWhere } from './fitment-query.js';

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
