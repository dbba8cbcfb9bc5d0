import { describe, expect, it } from '@jest/globals';
import type { ApprovedExample } from './fitment-engine.types.js';
import { SimilarProductIndex, suggestFromSimilar } from './similar-products.js';

const approved: ApprovedExample[] = [
  {
    product: {
      id: 10,
      part_number: 'BP-1234',
      name: 'Ceramic Front Brake Pad Set',
      description: 'Low dust ceramic pads with shims',
      category: 'Brake Pads',
    },
    fitments: [
      { baseVehicleId: 11012016, year: 2016, make: 'Honda', model: 'Civic', makeId: 11, modelId: 1101 },
      { baseVehicleId: 11012017, year: 2017, make: 'Honda', model: 'Civic', makeId: 11, modelId: 1101, submodel: 'LX' },
    ],
  },
  {
    product: {
      id: 11,
      part_number: 'WB-22',
      name: 'Wiper Blade 22 inch',
      description: 'All season beam blade',
      category: 'Wipers',
    },
    fitments: [{ baseVehicleId: 9012018, year: 2018, make: 'Ford', model: 'F-150', makeId: 9, modelId: 901 }],
  },
];

describe('suggestFromSimilar', () => {
  it("proposes a similar product's approved fitments at a lower confidence, naming the product", () => {
    const out = suggestFromSimilar(
      {
        id: 20,
        part_number: 'BP-1235',
        name: 'Ceramic Front Brake Pad Set',
        description: 'Low dust ceramic pads',
        category: 'Brake Pads',
      },
      approved,
    );
    expect(out.map((c) => `${c.year} ${c.model}${c.submodel ? ` ${c.submodel}` : ''}`)).toEqual([
      '2016 Civic',
      '2017 Civic LX',
    ]);
    for (const c of out) {
      expect(c.source).toBe('similar');
      expect(c.similarProductId).toBe(10);
      expect(c.confidence).toBeGreaterThan(0.3);
      expect(c.confidence).toBeLessThanOrEqual(0.65);
      expect(c.reasoning).toMatch(/similar to approved product BP-1234 "Ceramic Front Brake Pad Set"/);
      expect(c.reasoning).toMatch(/same category "Brake Pads"/);
      expect(c.reasoning).toMatch(/part-number prefix "BP123"/);
    }
  });

  it('ignores other categories, dissimilar products and the product itself', () => {
    expect(suggestFromSimilar({ id: 21, name: 'Ceramic Front Brake Pad Set', category: 'Wipers' }, approved)).toEqual(
      [],
    );
    expect(
      suggestFromSimilar({ id: 22, part_number: 'XX-1', name: 'Chrome lug nut', category: 'Brake Pads' }, approved),
    ).toEqual([]);
    expect(suggestFromSimilar(approved[0].product, approved)).toEqual([]);
  });

  it('ranks a closer product higher', () => {
    const index = new SimilarProductIndex(approved);
    const close = index.suggest({
      id: 30,
      part_number: 'BP-1234X',
      name: 'Ceramic Front Brake Pad Set',
      description: 'Low dust ceramic pads with shims',
      category: 'Brake Pads',
    });
    const loose = index.suggest({
      id: 31,
      part_number: 'ZZ-9',
      name: 'Front brake pad set ceramic',
      category: 'Brake Pads',
    });
    expect(close[0].confidence).toBeGreaterThan(loose[0]?.confidence ?? 0);
  });
});
