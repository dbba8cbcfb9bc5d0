import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { parseCsv, PartsFileError, readPartsFile } from './parts-file.reader.js';

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\r\n3,\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['3', ''],
    ]);
  });

  it('picks ; or tab when the header uses it', () => {
    expect(parseCsv('part;description\nA;B')).toEqual([
      ['part', 'description'],
      ['A', 'B'],
    ]);
    expect(parseCsv('part\tdescription\nA\tB')).toEqual([
      ['part', 'description'],
      ['A', 'B'],
    ]);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow(PartsFileError);
  });
});

describe('readPartsFile', () => {
  it('maps known headers, keeps other columns as attributes and skips rows without a part', async () => {
    const csv =
      '\ufeffPart Number,Title,Description,Part Type,Brand,Position,product_id\nBR-1,Rotor,Fits 2018 Civic,Brake Rotors,Acme,Front,\n,,,,,,\n,Orphan,no id,,,,\nX-2,,,,,,42\n';
    const { parts, skippedRows } = await readPartsFile(Buffer.from(csv), 'csv');
    expect(skippedRows).toBe(1);
    expect(parts).toEqual([
      {
        partNumber: 'BR-1',
        description: 'Fits 2018 Civic',
        category: 'Brake Rotors',
        attributes: { name: 'Rotor', brand: 'Acme', Position: 'Front' },
      },
      { partNumber: 'X-2', productId: 42, description: null, attributes: {} },
    ]);
  });

  it('needs a part number or product id column, and at least one part', async () => {
    await expect(readPartsFile(Buffer.from('colour,size\nred,2\n'), 'csv')).rejects.toThrow(/part number column/);
    await expect(readPartsFile(Buffer.from('sku,description\n'), 'csv')).rejects.toThrow(/no rows/);
    await expect(readPartsFile(Buffer.from(''), 'csv')).rejects.toThrow(/empty/);
  });

  it('reads the first worksheet of an .xlsx file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Parts');
    sheet.addRow(['SKU', 'Description', 'Qty']);
    sheet.addRow(['OF-1', 'For 2019 Camry', 2]);
    const { parts } = await readPartsFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    expect(parts).toEqual([{ partNumber: 'OF-1', description: 'For 2019 Camry', attributes: { Qty: '2' } }]);
    await expect(readPartsFile(Buffer.from('not a zip'), 'xlsx')).rejects.toThrow(/cannot be read/);
  });
});
