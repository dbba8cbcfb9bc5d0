import { describe, expect, it } from '@jest/globals';
import { buildDemoCatalog } from './demo-catalog.js';
import { parseEngineName } from './engine-spec.js';
import { baseVehicleId, vehicleId } from './vehicle-ids.js';

describe('demo vehicle catalog', () => {
  const catalog = buildDemoCatalog();
  const model = (make: string, name: string) => {
    const makeId = catalog.makes.find((m) => m.name === make)!.id;
    return catalog.models.find((m) => m.makeId === makeId && m.name === name)!;
  };
  const years = (make: string, name: string) =>
    catalog.baseVehicles.filter((b) => b.modelId === model(make, name).id).map((b) => b.year);

  it('holds several thousand vehicles over at least 40 models, model years 2000 to 2026', () => {
    expect(catalog.models.length).toBeGreaterThanOrEqual(40);
    expect(catalog.vehicles.length).toBeGreaterThan(5000);
    const all = catalog.baseVehicles.map((b) => b.year);
    expect(Math.min(...all)).toBe(2000);
    expect(Math.max(...all)).toBe(2026);
  });

  it('has only the years a model was sold', () => {
    expect(years('Ford', 'Ranger')).not.toEqual(expect.arrayContaining([2012]));
    expect(years('Ford', 'Ranger').filter((y) => y >= 2012 && y <= 2018)).toEqual([]);
    expect(years('Ford', 'Ranger')).toEqual(expect.arrayContaining([2011, 2019, 2026]));
    expect(years('Cadillac', 'Escalade')).not.toContain(2001);
    expect(years('Nissan', 'Pathfinder')).not.toContain(2021);
    expect(years('Honda', 'Civic')).toHaveLength(27);
    expect(years('Tesla', 'Model 3')[0]).toBe(2017);
    expect(years('Dodge', 'Charger')).toEqual(Array.from({ length: 18 }, (_, i) => 2006 + i));
  });

  it('derives ids from stable keys and keeps them unique', () => {
    const civic2016 = catalog.baseVehicles.find((b) => b.modelId === 1101 && b.year === 2016)!;
    expect(civic2016.id).toBe(baseVehicleId(1101, 2016));
    expect(civic2016.id).toBe(11012016);
    for (const rows of [
      catalog.makes,
      catalog.models,
      catalog.baseVehicles,
      catalog.vehicles,
      catalog.submodels,
      catalog.engines,
    ]) {
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    }
    const v = catalog.vehicles[0];
    expect(v.id).toBe(vehicleId(v.baseVehicleId, v.submodelId, v.engineId));
    expect(Number.isSafeInteger(Math.max(...catalog.vehicles.map((x) => x.id)))).toBe(true);
  });

  it('points every vehicle at a base vehicle, submodel and engine that exist', () => {
    const bases = new Set(catalog.baseVehicles.map((b) => b.id));
    const subs = new Set(catalog.submodels.map((s) => s.id));
    const engines = new Set(catalog.engines.map((e) => e.id));
    for (const v of catalog.vehicles) {
      expect(bases.has(v.baseVehicleId) && subs.has(v.submodelId) && engines.has(v.engineId)).toBe(true);
    }
  });

  it('keeps aliases and misspellings for makes and models', () => {
    const chevy = catalog.makeAliases.find((a) => a.alias === 'Chevy')!;
    expect(catalog.makes.find((m) => m.id === chevy.makeId)!.name).toBe('Chevrolet');
    expect(catalog.makeAliases).toEqual(
      expect.arrayContaining([expect.objectContaining({ alias: 'Dodge', kind: 'former' })]),
    );
    expect(catalog.modelAliases).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ alias: 'Camery', kind: 'misspelling', modelId: model('Toyota', 'Camry').id }),
      ]),
    );
  });

  it('rejects a generation with an unregistered trim or a group outside its years', () => {
    const make = { id: 99, name: 'Test', models: [{ id: 9901, name: 'T', gens: ['2010-2012: Nope = 2.0L I4'] }] };
    expect(() => buildDemoCatalog([make], ['LX'], ['2.0L I4'])).toThrow(/unknown submodel "Nope"/);
    make.models[0].gens = ['2010-2012: (2013) LX = 2.0L I4'];
    expect(() => buildDemoCatalog([make], ['LX'], ['2.0L I4'])).toThrow(/outside/);
  });
});

describe('engine names', () => {
  it('parse into liters, layout, fuel and aspiration', () => {
    expect(parseEngineName(1, '2.7L V6 EcoBoost')).toEqual({
      id: 1,
      name: '2.7L V6 EcoBoost',
      liters: 2.7,
      cylinders: 6,
      blockType: 'V',
      fuelType: 'gas',
      aspiration: 'turbocharged',
    });
    expect(parseEngineName(2, '6.7L I6 Turbo Diesel')).toMatchObject({
      fuelType: 'diesel',
      aspiration: 'turbocharged',
      blockType: 'I',
    });
    expect(parseEngineName(3, '2.0L I4 Plug-In Hybrid')).toMatchObject({ fuelType: 'plug-in hybrid' });
    expect(parseEngineName(4, 'Electric')).toMatchObject({ liters: null, fuelType: 'electric' });
    expect(() => parseEngineName(5, 'V8 big')).toThrow();
  });
});
