import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PreviewRequestDto } from './import-run.dto.js';
import { columnMappingProblems } from './mapping.dto.js';

describe('column mappings', () => {
  it('takes import fields mapped to header texts', () => {
    expect(columnMappingProblems({ po_number: 'Bestellnummer', quantity: 'Menge' })).toEqual([]);
    expect(columnMappingProblems({})).toEqual([]);
  });

  it('names what is wrong: fields that are none, headers that are no text', () => {
    for (const bad of [null, [], 'x'])
      expect(columnMappingProblems(bad)).toEqual(['must be an object of import fields to column headers']);
    expect(columnMappingProblems({ qty: 'Menge', quantity: '', unit_price: 3 })).toEqual([
      expect.stringMatching(/^has no import field qty \(the fields: .*quantity/),
      'maps quantity to "": a column header is text of 1 to 200 characters',
      'maps unit_price to 3: a column header is text of 1 to 200 characters',
    ]);
  });

  it('puts them in the validation message of the field', () => {
    const [error] = validateSync(plainToInstance(PreviewRequestDto, { mapping: { qty: 'Menge' } }));
    expect(Object.values(error.constraints ?? {})).toEqual([
      expect.stringMatching(/^mapping has no import field qty \(the fields: /),
    ]);
  });
});
