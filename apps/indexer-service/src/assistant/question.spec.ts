import { describe, expect, it } from '@jest/globals';
import { extractVehicle, questionTerms, searchTextOf, type KnownVehicle } from './question.js';

const KNOWN: KnownVehicle[] = [
  { year: 2016, make: 'Honda', model: 'Civic' },
  { year: 2017, make: 'Honda', model: 'Civic' },
  { year: 2015, make: 'Ford', model: 'F-150' },
  { year: 2014, make: 'Jeep', model: 'Grand Cherokee' },
  { year: 2014, make: 'Jeep', model: 'Cherokee' },
  { year: 2012, make: 'Chevrolet', model: 'Malibu' },
  { year: 2012, make: 'Oldsmobile', model: 'Malibu' },
];

describe('extractVehicle', () => {
  it('reads a known model, its make and a known year', () => {
    expect(extractVehicle('what brake pads fit a 2016 Civic', KNOWN)).toEqual({
      year: 2016,
      make: 'Honda',
      model: 'Civic',
    });
    expect(extractVehicle('Brake pads for my HONDA civic?', KNOWN)).toEqual({
      year: null,
      make: 'Honda',
      model: 'Civic',
    });
  });

  it('leaves out a year the vehicle is not known for', () => {
    expect(extractVehicle('pads for a 1999 civic', KNOWN)).toEqual({ year: null, make: 'Honda', model: 'Civic' });
  });

  it('matches punctuated and multi-word models, longest first', () => {
    expect(extractVehicle('rotors for a 2015 ford f150', KNOWN)).toEqual({ year: 2015, make: 'Ford', model: 'F-150' });
    expect(extractVehicle('rotors for a 2015 F-150', KNOWN)).toEqual({ year: 2015, make: 'Ford', model: 'F-150' });
    expect(extractVehicle('2014 grand cherokee wipers', KNOWN)).toEqual({
      year: 2014,
      make: 'Jeep',
      model: 'Grand Cherokee',
    });
  });

  it('needs the make for a model of several makes, and reads a make alone', () => {
    expect(extractVehicle('malibu brake pads', KNOWN)).toBeNull();
    expect(extractVehicle('chevrolet malibu brake pads', KNOWN)).toEqual({
      year: null,
      make: 'Chevrolet',
      model: 'Malibu',
    });
    expect(extractVehicle('any filters for a 2015 ford', KNOWN)).toEqual({ year: 2015, make: 'Ford', model: null });
  });

  it('is null when no known vehicle is named (words inside other words do not count)', () => {
    expect(extractVehicle('ceramic brake pads', KNOWN)).toBeNull();
    expect(extractVehicle('civics lesson', KNOWN)).toBeNull();
    expect(extractVehicle('2016 Civic', [])).toBeNull();
  });
});

describe('searchTextOf', () => {
  it('keeps the part words, drops question words and the vehicle it filters by', () => {
    const v = { year: 2016, make: 'Honda', model: 'Civic' };
    expect(searchTextOf('What brake pads fit a 2016 Civic?', v, 200)).toBe('brake pads');
    expect(searchTextOf('do you have KB-70?', null, 200)).toBe('KB-70');
  });

  it('falls back to the vehicle words, then the question', () => {
    expect(searchTextOf('what fits a 2016 Civic', { year: 2016, make: 'Honda', model: 'Civic' }, 200)).toBe(
      'Honda Civic',
    );
    expect(searchTextOf('what is it?', null, 200)).toBe('what is it?');
    expect(searchTextOf('brake '.repeat(100), null, 20).length).toBeLessThanOrEqual(20);
  });
});

describe('questionTerms', () => {
  it('is the distinct folded words worth matching', () => {
    expect(questionTerms('Which Céramic pads fit? pads!')).toEqual(['ceramic', 'pads']);
  });
});
