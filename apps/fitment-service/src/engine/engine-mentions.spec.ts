import { describe, expect, it } from '@jest/globals';
import { parseEngineName } from '../vehicles/engine-spec.js';
import { engineMatches, readEngineMention, shareListDescriptors } from './engine-mentions.js';
import { tokenize } from './text-tokens.js';

const read = (text: string) => readEngineMention(tokenize(text), 0);

describe('engine mentions', () => {
  it('reads displacement, layout and descriptors', () => {
    expect(read('5.3L V8')).toMatchObject({ liters: 5.3, cylinders: 8, block: 'V', strong: true });
    expect(read('3.5L EcoBoost')).toMatchObject({ liters: 3.5, ecoboost: true, turbo: true });
    expect(read('2.0T')).toMatchObject({ liters: 2.0, turbo: true });
    expect(read('5.7 L Hemi')).toMatchObject({ liters: 5.7, cylinders: 8, block: 'V' });
    expect(read('6.7L Power Stroke diesel')).toMatchObject({ liters: 6.7 });
    expect(read('4-cylinder')).toMatchObject({ cylinders: 4 });
  });

  it('ignores measurements, bulb sizes and a lone "turbo"', () => {
    expect(read('2.5 inch')).toBeNull();
    expect(read('H4 bulb')).toBeNull();
    expect(read('Turbo resonator')).toBeNull();
  });

  it('matches catalog engines', () => {
    const ecoboost = parseEngineName(1, '3.5L V6 EcoBoost');
    const natural = parseEngineName(2, '3.5L V6');
    expect(engineMatches(read('3.5L')!, ecoboost) && engineMatches(read('3.5L')!, natural)).toBe(true);
    expect(engineMatches(read('3.5L EcoBoost')!, natural)).toBe(false);
    expect(engineMatches(read('3.0L EcoDiesel')!, parseEngineName(3, '3.0L V6 Turbo Diesel'))).toBe(true);
  });

  it('shares a descriptor stated once at the end of a list', () => {
    const list = [read('2.7L')!, read('3.5L EcoBoost')!];
    shareListDescriptors(list);
    expect(list[0]).toMatchObject({ liters: 2.7, ecoboost: true });
  });
});
