import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { urlForServiceRole } from '@torque/platform';
import { DataSource } from 'typeorm';
import {
  BLIND_SET,
  DEVELOPMENT_SET,
  HELD_OUT_SET,
  LABELLED_PRODUCTS,
  expandLabel,
  type LabelledProduct,
} from '../../apps/fitment-service/test-data/fitment-labelled-set.js';
import { loadFitmentEngine } from '../../apps/fitment-service/src/engine/fitment-engine.loader.js';
import type { FitmentEngine } from '../../apps/fitment-service/src/engine/fitment-engine.js';
import { buildDemoCatalog } from '../../apps/fitment-service/src/vehicles/demo-catalog.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

interface Score {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
}

/**
 * Matching quality of the local fitment engine on the hand-labelled listings, against the demo
 * catalog as the migration loads it: micro-averaged precision and recall over (year, make, model).
 */
describe('fitment engine quality on the labelled set', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let engine: FitmentEngine;

  beforeAll(async () => {
    db = await createTestDatabase();
    // read as the service's own role, as the fitment service will
    ds = new DataSource({ type: 'postgres', url: urlForServiceRole(db.url, 'fitment') });
    await ds.initialize();
    engine = await loadFitmentEngine(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('loads the whole demo catalog from the migrated database', () => {
    const expected = buildDemoCatalog();
    expect(engine.index.vehicleCount).toBe(expected.vehicles.length);
    expect(engine.index.models.size).toBe(expected.models.length);
    expect(engine.index.baseVehicles.size).toBe(expected.baseVehicles.length);
    expect([engine.index.minYear, engine.index.maxYear]).toEqual([2000, 2026]);
  });

  it('reaches precision >= 0.9 and recall >= 0.85 over (year, make, model)', () => {
    expect(LABELLED_PRODUCTS.length).toBeGreaterThanOrEqual(200);
    const byName = new Map([...engine.index.models.values()].map((m) => [`${m.make.name}|${m.name}`, m]));
    const exists = (year: number, make: string, model: string) => {
      const m = byName.get(`${make}|${model}`);
      if (!m) throw new Error(`label names ${make} ${model}, which is not in the catalog`);
      return m.bases.has(year);
    };
    const score = (set: LabelledProduct[]): Score => {
      const s: Score = { tp: 0, fp: 0, fn: 0, misses: [] };
      for (const p of set) {
        const expected = new Set(p.fits.flatMap((label) => expandLabel(label, exists)));
        const result = engine.match({
          id: p.id,
          name: p.name,
          description: p.description,
          attributes: p.attributes,
          category: p.category,
        });
        for (const c of result.candidates) expect(engine.index.baseVehicles.has(c.baseVehicleId)).toBe(true);
        const got = new Set(result.candidates.map((c) => `${c.year}|${c.make}|${c.model}`));
        const fp = [...got].filter((t) => !expected.has(t));
        const fn = [...expected].filter((t) => !got.has(t));
        s.tp += got.size - fp.length;
        s.fp += fp.length;
        s.fn += fn.length;
        if (fp.length || fn.length) s.misses.push(`${p.id}: ${fp.length} extra, ${fn.length} missed`);
      }
      return s;
    };
    const precision = (s: Score) => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
    const recall = (s: Score) => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));
    const line = (name: string, set: LabelledProduct[], s: Score) =>
      `${name.padEnd(12)} ${String(set.length).padStart(4)} listings  precision ${precision(s).toFixed(3)}  recall ${recall(s).toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
    const dev = score(DEVELOPMENT_SET);
    const held = score(HELD_OUT_SET);
    const blind = score(BLIND_SET);
    const all: Score = {
      tp: dev.tp + held.tp + blind.tp,
      fp: dev.fp + held.fp + blind.fp,
      fn: dev.fn + held.fn + blind.fn,
      misses: [],
    };
    console.log(
      [
        'Fitment engine quality (micro-averaged over year/make/model triples)',
        line('development', DEVELOPMENT_SET, dev),
        line('held-out', HELD_OUT_SET, held),
        line('blind', BLIND_SET, blind),
        line('all', LABELLED_PRODUCTS, all),
        `misses: ${[...dev.misses, ...held.misses, ...blind.misses].join('; ') || 'none'}`,
      ].join('\n'),
    );
    expect(precision(all)).toBeGreaterThanOrEqual(0.9);
    expect(recall(all)).toBeGreaterThanOrEqual(0.85);
  });

  it('prints its speed on one core (a figure, not a timed test)', () => {
    const products = LABELLED_PRODUCTS.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      attributes: p.attributes,
    }));
    for (const p of products) engine.match(p);
    const n = 5000;
    let candidates = 0;
    const start = performance.now();
    for (let i = 0; i < n; i++) candidates += engine.match(products[i % products.length]).candidates.length;
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `Fitment engine speed: ${n} products in ${seconds.toFixed(2)} s = ${Math.round(n / seconds)} products/s, ` +
        `${Math.round(candidates / seconds)} candidate fitments/s, against ${engine.index.vehicleCount} vehicles`,
    );
    expect(candidates).toBeGreaterThan(0);
  });
});
