import { describe, expect, it } from '@jest/globals';
import { positionOf, quantityOf, toProductInput } from './generate.job-handler.js';

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
