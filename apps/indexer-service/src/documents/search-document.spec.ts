import type { ProductDto } from '@torque/contracts';
import { buildSearchDocument } from './search-document.js';

const product: ProductDto = {
  id: 7,
  part_number: 'KB-70',
  name: 'Ceramic Brake Pads',
  description: 'Front axle',
  brand: 'Bosch',
  category: 'Brake Pads',
  attributes: { position: 'Front', size: { width_mm: 120 } },
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-02T00:00:00.000Z',
};

describe('buildSearchDocument', () => {
  it('normalizes the part number and folds vehicles for filters', () => {
    const doc = buildSearchDocument(product, undefined, [
      { product_id: 7, year: 2016, make: 'Honda', model: 'Civic', submodel: 'EX' },
      { product_id: 7, year: 2016, make: 'HONDA', model: 'civic', submodel: 'ex' },
    ]);
    expect(doc.part_number_norm).toBe('kb70');
    expect(doc.vehicle_keys).toEqual([{ y: 2016, mk: 'honda', md: 'civic', sm: 'ex' }]);
    expect(doc.vehicles_text).toBe('Honda Civic EX 2016');
    expect(doc.attributes_text).toBe('Front 120');
    expect(doc.price_min).toBeNull();
  });

  it('keeps its content hash whatever the order of keys and vehicles', () => {
    const a = buildSearchDocument(product, undefined, [
      { product_id: 7, year: 2017, make: 'Honda', model: 'Civic', submodel: '' },
      { product_id: 7, year: 2016, make: 'Honda', model: 'Civic', submodel: '' },
    ]);
    const b = buildSearchDocument(
      { ...product, attributes: { size: { width_mm: 120 }, position: 'Front' } },
      undefined,
      [
        { product_id: 7, year: 2016, make: 'Honda', model: 'Civic', submodel: '' },
        { product_id: 7, year: 2017, make: 'Honda', model: 'Civic', submodel: '' },
      ],
    );
    expect(a.content_hash).toBe(b.content_hash);
  });

  it('changes its content hash with the content, not with the version', () => {
    const base = buildSearchDocument(product, undefined, []);
    expect(
      buildSearchDocument({ ...product, updated_at: '2027-01-01T00:00:00.000Z' }, undefined, []).content_hash,
    ).toBe(base.content_hash);
    expect(buildSearchDocument({ ...product, name: 'Other' }, undefined, []).content_hash).not.toBe(base.content_hash);
    const priced = buildSearchDocument(
      product,
      { product_id: 7, min_price: '10.0000', max_price: '12.0000', currency: 'USD', suppliers: [] },
      [],
    );
    expect(priced.content_hash).not.toBe(base.content_hash);
    expect(priced.price_max).toBe('12.0000');
  });
});
