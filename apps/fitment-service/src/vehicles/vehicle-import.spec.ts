import { describe, expect, it } from '@jest/globals';
import { parseVehicleImport, VehicleImportFileError } from './vehicle-import.js';

const read = (csv: string) => parseVehicleImport(Buffer.from(csv));

describe('parseVehicleImport', () => {
  it('reads rows in any column order, with optional submodel and engine, and lists bad rows by line and column', () => {
    const { rows, errors, total } = read(
      '\uFEFFMake,Model,Year,Engine,Submodel\nHonda, Civic ,2020,2.0L I4,LX\nVantor,Kestrel,2024,,\n\nVantor,Kestrel,1899,,\nVantor,Kestrel,2024,2 litre,\n,,24,,\n',
    );
    expect(total).toBe(5);
    expect(rows).toEqual([
      { line: 2, year: 2020, make: 'Honda', model: 'Civic', submodel: 'LX', engine: '2.0L I4' },
      { line: 3, year: 2024, make: 'Vantor', model: 'Kestrel', submodel: null, engine: null },
    ]);
    expect(errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [5, 'year', '1899'],
      [6, 'engine', '2 litre'],
      [7, 'year', '24'],
      [7, 'make', ''],
      [7, 'model', ''],
    ]);
  });

  it('refuses a file without the required header or without rows', () => {
    expect(() => read('year,make\n2020,Honda\n')).toThrow(VehicleImportFileError);
    expect(() => read('year,make,model,submodel,engine\n')).toThrow(/no rows/);
    expect(() => read('')).toThrow(/header/);
  });
});
