import { beforeAll, describe, expect, it } from '@jest/globals';
import { buildDemoCatalog } from '../vehicles/demo-catalog.js';
import { FitmentEngine } from './fitment-engine.js';
import type { FitmentCandidate, FitmentMatch } from './fitment-engine.types.js';

let engine: FitmentEngine;
beforeAll(() => {
  engine = FitmentEngine.fromSnapshot(buildDemoCatalog());
});

const match = (description: string, name = ''): FitmentMatch => engine.match({ id: 1, name, description });
/** "2016 Honda Civic" for each distinct base vehicle proposed. */
const vehicles = (m: FitmentMatch) => [...new Set(m.candidates.map((c) => `${c.year} ${c.make} ${c.model}`))];
const range = (from: number, to: number, vehicle: string) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${from + i} ${vehicle}`);
const best = (m: FitmentMatch) => Math.max(...m.candidates.map((c) => c.confidence));

describe('FitmentEngine.match', () => {
  it('reads "Fits 2016-2021 Honda Civic LX, EX" down to the trims', () => {
    const m = match('Fits 2016-2021 Honda Civic LX, EX');
    expect(vehicles(m)).toEqual(range(2016, 2021, 'Honda Civic'));
    expect(new Set(m.candidates.map((c) => c.submodel))).toEqual(new Set(['LX', 'EX']));
    const lx = m.candidates.find((c) => c.year === 2018 && c.submodel === 'LX')!;
    // one engine for the LX that year, so the fitment names a configuration
    expect(lx.vehicleId).toBeDefined();
    expect(lx.engine).toBe('2.0L I4');
    expect(lx.confidence).toBeGreaterThanOrEqual(0.95);
    expect(lx.reasoning).toMatch(/Fits 2016-2021 Honda Civic LX, EX/);
    expect(lx.reasoning).toMatch(/years 2016-2021/);
  });

  it('reads "for 07-13 Chevy Silverado 1500 5.3L" with the alias and the engine', () => {
    const m = match('for 07-13 Chevy Silverado 1500 5.3L');
    expect(vehicles(m)).toEqual(range(2007, 2013, 'Chevrolet Silverado 1500'));
    expect(new Set(m.candidates.map((c) => c.engine))).toEqual(new Set(['5.3L V8']));
    expect(m.candidates[0].reasoning).toMatch(/"Chevy" = Chevrolet \(alias\)/);
    expect(m.candidates[0].reasoning).toMatch(/two-digit years/);
  });

  it('reads "2018+ Camry" as an open range up to the latest catalog year, make inferred', () => {
    const m = match('2018+ Camry');
    expect(vehicles(m)).toEqual(range(2018, 2026, 'Toyota Camry'));
    expect(m.candidates[0].reasoning).toMatch(/make Toyota inferred/);
    expect(best(m)).toBeLessThan(best(match('Fits 2018-2026 Toyota Camry')));
  });

  it('reads "Ford F-150 2015-2020 (2.7L, 3.5L EcoBoost)" as the two EcoBoost engines', () => {
    const m = match('Ford F-150 2015-2020 (2.7L, 3.5L EcoBoost)');
    expect(vehicles(m)).toEqual(range(2015, 2020, 'Ford F-150'));
    expect(new Set(m.candidates.map((c) => c.engine))).toEqual(new Set(['2.7L V6 EcoBoost', '3.5L V6 EcoBoost']));
  });

  it.each([
    ['VW Jetta 2011-2018', range(2011, 2018, 'Volkswagen Jetta')],
    ['Civic 2016 2017 2018', range(2016, 2018, 'Honda Civic')],
    ['Fits 2012 thru 2017 Toyota Camry', range(2012, 2017, 'Toyota Camry')],
    ['Mercedes C-Class 2015\u20132021', range(2015, 2021, 'Mercedes-Benz C-Class')],
    ['F150 2015-2020 bed mat', range(2015, 2020, 'Ford F-150')],
    ['Silverado 2019-2023 tailgate', range(2019, 2023, 'Chevrolet Silverado 1500')],
    ['Fits 10th gen Civic', range(2016, 2021, 'Honda Civic')],
    ['BMW 328i 2012-2015', range(2012, 2015, 'BMW 3 Series')],
  ])('reads "%s"', (text, expected) => {
    expect(vehicles(match(text))).toEqual(expected);
  });

  it('flags requested years a model was not sold in and proposes only the real ones', () => {
    const m = match('Fits 2011-2020 Ford Ranger');
    expect(vehicles(m)).toEqual(['2011 Ford Ranger', '2019 Ford Ranger', '2020 Ford Ranger']);
    expect(m.warnings.join(' ')).toMatch(/2012-2018 do not exist for Ford Ranger/);
    expect(m.candidates[0].reasoning).toMatch(/2012-2018 do not exist/);
    expect(match('Fits 2012-2018 Ford Ranger').candidates).toEqual([]);
  });

  it('follows a model across a make change (Dodge Ram 1500 became Ram 1500 in 2011)', () => {
    expect(vehicles(match('Dodge Ram 1500 2009-2012'))).toEqual([
      '2009 Dodge Ram 1500',
      '2010 Dodge Ram 1500',
      '2011 Ram 1500',
      '2012 Ram 1500',
    ]);
  });

  it('scores fuzzy and inferred readings below exact ones', () => {
    const exact = best(match('Fits 2019 Toyota Camry'));
    const misspelt = best(match('Fits 2019 Toyta Camery'));
    const typo = best(match('Fits 2019 Toyota Camty'));
    expect(exact).toBeGreaterThan(misspelt);
    expect(misspelt).toBeGreaterThan(0.7);
    expect(typo).toBeLessThan(exact);
    expect(match('Fits 2019 Toyota Camty').candidates[0].reasoning).toMatch(/read as Camry \(1 letter off\)/);
  });

  it('drops years where a stated engine was not offered', () => {
    // the 2019 Ram 1500 (new body) had no EcoDiesel
    const m = match('Fits 2014-2019 Ram 1500 3.0L EcoDiesel');
    expect(vehicles(m)).toEqual(range(2014, 2018, 'Ram 1500'));
  });

  it('applies stated exclusions', () => {
    const m = match('Direct fit for 2016-2021 Honda Civic; not for Type R');
    expect(vehicles(m)).toEqual(range(2016, 2021, 'Honda Civic'));
    expect(m.candidates.some((c) => c.submodel === 'Type R')).toBe(false);
    expect(vehicles(match('Fits 2009-2018 Ram 1500. Does not fit 2019+ new body style.'))).not.toContain(
      '2019 Ram 1500',
    );
  });

  it('reads several vehicles in one listing', () => {
    const m = match(
      'Fits 2007-2013 Chevrolet Silverado 1500, GMC Sierra 1500; Honda Civic 2016-2021, Accord 2018-2022',
    );
    expect(vehicles(m)).toEqual(
      expect.arrayContaining([
        '2013 Chevrolet Silverado 1500',
        '2007 GMC Sierra 1500',
        '2021 Honda Civic',
        '2022 Honda Accord',
      ]),
    );
    expect(vehicles(m)).not.toContain('2016 Honda Accord');
  });

  it('does not read common words as vehicles', () => {
    for (const text of [
      'Clutch pilot bearing 15mm for many applications',
      'Battery charger 12V for cars and trucks, 2000 mAh',
      'Golf cart seat cover',
      'Adjustable focus LED bulb, 6000K',
      'Direct fit, made in 2019',
    ]) {
      expect(match(text).candidates).toEqual([]);
    }
  });

  it('proposes nothing for universal parts', () => {
    const m = match('Universal fit cold air intake, fits 2015-2020 F-150 and most trucks');
    expect(m.universal).toBe(true);
    expect(m.candidates).toEqual([]);
  });

  it('proposes nothing without model years unless the text says all years', () => {
    const m = match('Custom floor mats for Honda Civic');
    expect(m.candidates).toEqual([]);
    expect(m.warnings.join(' ')).toMatch(/Honda Civic: named without model years/);
    expect(vehicles(match('Fits all model years', 'Tesla Model 3 floor mats'))).toEqual(
      range(2017, 2026, 'Tesla Model 3'),
    );
  });

  it('reads structured attributes', () => {
    const m = engine.match({
      id: 2,
      name: 'Brake rotor',
      attributes: { make: 'Toyota', model: 'Camry', year_start: 2012, year_end: 2017 },
    });
    expect(vehicles(m)).toEqual(range(2012, 2017, 'Toyota Camry'));
  });

  it('only proposes base vehicles and configurations that exist in the catalog', () => {
    const snapshot = buildDemoCatalog();
    const bases = new Set(snapshot.baseVehicles.map((b) => b.id));
    const configs = new Set(snapshot.vehicles.map((v) => v.id));
    const all: FitmentCandidate[] = [
      ...match('Fits 1995-2030 Toyota Tacoma 2.7L').candidates,
      ...match('Fits 2016-2021 Honda Civic LX, EX').candidates,
    ];
    expect(all.length).toBeGreaterThan(0);
    for (const c of all) {
      expect(bases.has(c.baseVehicleId)).toBe(true);
      if (c.vehicleId !== undefined) expect(configs.has(c.vehicleId)).toBe(true);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
  });
});
