// The generated benchmark catalog and its labelled queries (bench/search-data).
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  fitmentRows,
  fits,
  generateProducts,
  normalizePartNumber,
  type GeneratedProduct,
} from '../../bench/search-data/generate.js';
import { buildQueries, gradeOf, judge, partFamily } from '../../bench/search-data/queries.js';

describe('generateProducts', () => {
  let products: GeneratedProduct[];
  beforeAll(() => {
    products = generateProducts({ count: 20_000 });
  });

  it('is deterministic: the same count and seed give the same products, another seed others', () => {
    expect(generateProducts({ count: 500 })).toEqual(products.slice(0, 500));
    expect(generateProducts({ count: 500, seed: 1 })).not.toEqual(products.slice(0, 500));
  });

  it('gives ids 1..n and part numbers unique once normalized', () => {
    expect(products.map((p) => p.id)).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
    expect(new Set(products.map((p) => normalizePartNumber(p.partNumber))).size).toBe(20_000);
  });

  it("has issue 12's part numbers, in families", () => {
    const byNumber = new Map(products.map((p) => [p.partNumber, p]));
    for (const pn of ['KB-70', 'KB-70A', 'KB-70B', 'BP-1234', 'BP-1234A']) expect(byNumber.has(pn)).toBe(true);
    expect(byNumber.get('KB-70')!.category).toBe('Brake Pads');
    expect(byNumber.get('KB-70A')!.brand).toBe(byNumber.get('KB-70')!.brand);
    expect(partFamily('kb-70a')).toBe('KB70');
  });

  it('writes realistic products: a title naming brand and kind, prices in order, fitments on vehicle parts only', () => {
    for (const p of products.slice(0, 2000)) {
      expect(p.name.startsWith(p.brand)).toBe(true);
      expect(p.name.endsWith(p.kind)).toBe(true);
      expect(p.description.length).toBeGreaterThan(40);
      expect(p.priceMax).toBeGreaterThanOrEqual(p.priceMin);
      const universal = ['Cordless Drivers', 'Hand Tools', 'Garage Equipment', 'Motor Oil & Fluids'].includes(
        p.category,
      );
      expect(p.applications.length === 0).toBe(universal);
    }
  });

  it('expands applications into year/make/model/submodel rows that fits() agrees with', () => {
    const p = products.find((x) => x.applications.length > 0)!;
    const rows = fitmentRows(p);
    const app = p.applications[0];
    expect(rows).toContainEqual({ year: app.yearFrom, make: app.make, model: app.model, submodel: app.submodels[0] });
    for (const r of rows) expect(fits(p, r)).toBe(true);
    expect(fits(p, { year: 1990, model: app.model })).toBe(false);
  });
});

describe('buildQueries and judge', () => {
  let products: GeneratedProduct[];
  beforeAll(() => {
    products = generateProducts();
  }, 30_000);

  it('labels at least 60 queries of every kind, each with relevant products in the default catalog', () => {
    const queries = buildQueries(products);
    expect(queries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(queries.map((q) => q.id)).size).toBe(queries.length);
    const kinds = new Map<string, number>();
    for (const q of queries) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toMatchObject({
      'part-number': expect.any(Number),
      'partial-part-number': expect.any(Number),
      typo: expect.any(Number),
      vehicle: expect.any(Number),
      meaning: expect.any(Number),
    });
    for (const count of kinds.values()) expect(count).toBeGreaterThanOrEqual(4);
    const judgments = judge(queries, products);
    for (const q of queries) expect([q.text, judgments.get(q.id)!.size > 0]).toEqual([q.text, true]);
    // an exact part number has exactly one product of grade 3
    for (const q of queries.filter((x) => x.kind === 'part-number'))
      expect([q.text, [...judgments.get(q.id)!.values()].filter((g) => g === 3).length]).toEqual([q.text, 1]);
  }, 30_000);

  it('grades part numbers, vehicles and attributes as the intents say', () => {
    const pads = products.find((p) => p.partNumber === 'KB-70')!;
    expect(gradeOf({ partNumber: 'KB70' }, pads)).toBe(3);
    expect(gradeOf({ partNumber: 'KB70A' }, pads)).toBe(1); // a sibling of the part asked for
    expect(gradeOf({ partNumberPrefix: 'KB7' }, pads)).toBe(2);
    expect(gradeOf({ partNumberPrefix: 'KB8' }, pads)).toBe(0);
    const material = pads.attributes.material;
    expect(gradeOf({ categories: { 'Brake Pads': 2 }, attributes: { material } }, pads)).toBe(2);
    expect(gradeOf({ categories: { 'Brake Pads': 2 }, attributes: { material: 'none' } }, pads)).toBe(1);
    const app = pads.applications[0];
    expect(gradeOf({ categories: { 'Brake Pads': 2 }, vehicle: { year: app.yearTo, model: app.model } }, pads)).toBe(2);
    expect(gradeOf({ categories: { 'Brake Pads': 2 }, vehicle: { year: 1990, model: app.model } }, pads)).toBe(0);
    expect(gradeOf({ categories: { 'Spark Plugs': 2 } }, pads)).toBe(0);
  });
});
