import { describe, expect, it } from '@jest/globals';
import type { SearchHitDto } from '@torque/contracts';
import { choosePassage, MAX_PASSAGE_LENGTH, sentences } from './passage.js';
import { questionTerms } from './question.js';

const hit = (over: Partial<SearchHitDto>): SearchHitDto => ({
  product_id: 1,
  part_number: 'CP-200',
  name: 'Ceramic Brake Pads',
  description: 'Low-dust ceramic compound. Quiet stops in city traffic! Shims included.',
  brand: 'Bosch',
  category: 'Brake Pads',
  attributes: { position: 'Front', rotor_diameter_mm: 296, extra: { nested: true } },
  price: null,
  suppliers: [],
  vehicles: [{ year: 2016, make: 'Honda', model: 'Civic', submodel: 'EX' }],
  match: 'text',
  score: 1,
  highlights: { name: '', description: '' },
  ...over,
});

describe('choosePassage', () => {
  it('chooses the description sentence matching most of the question', () => {
    expect(choosePassage(hit({}), questionTerms('are they quiet in traffic?'))).toEqual({
      field: 'description',
      text: 'Quiet stops in city traffic!',
    });
  });

  it('prefers the description on a tie, and takes the name when it matches more', () => {
    expect(choosePassage(hit({}), questionTerms('ceramic'))).toEqual({
      field: 'description',
      text: 'Low-dust ceramic compound.',
    });
    expect(choosePassage(hit({}), questionTerms('ceramic brake pad'))).toEqual({
      field: 'name',
      text: 'Ceramic Brake Pads',
    });
  });

  it('finds attributes, part numbers and vehicles', () => {
    expect(choosePassage(hit({}), questionTerms('rotor diameter'))).toEqual({
      field: 'attributes',
      text: 'rotor diameter mm: 296',
    });
    expect(choosePassage(hit({}), questionTerms('cp-200')).field).toBe('part_number');
    expect(choosePassage(hit({}), questionTerms('honda civic'))).toEqual({
      field: 'vehicles',
      text: 'Fits 2016 Honda Civic EX',
    });
  });

  it('falls back to the first sentence, or the name, and clips long passages', () => {
    expect(choosePassage(hit({}), questionTerms('battery screwdriver')).text).toBe('Low-dust ceramic compound.');
    expect(choosePassage(hit({ description: '' }), [])).toEqual({ field: 'name', text: 'Ceramic Brake Pads' });
    const long = choosePassage(hit({ description: `ceramic ${'x'.repeat(1000)}` }), ['ceramic']);
    expect(long.text.length).toBe(MAX_PASSAGE_LENGTH);
    expect(long.text.endsWith('…')).toBe(true);
  });
});

describe('sentences', () => {
  it('splits at sentence ends and line breaks', () => {
    expect(sentences('One. Two? Three!\nFour')).toEqual(['One.', 'Two?', 'Three!', 'Four']);
    expect(sentences('  ')).toEqual([]);
  });
});
