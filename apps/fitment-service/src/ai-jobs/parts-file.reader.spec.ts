import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { PartsFileError, readPartsFile } from './parts-file.reader.js';

describe('readPartsFile', () => {
  it('reads CSV quoted fields with delimiters, doubled quotes and line breaks, CRLF and empty fields', async () => {
    const csv = 'sku,description,note\r\n"BR-1","Rotor, front ""vented""\nfor Civic",\r\nBR-2,Pad,"x, y"\n';
    expect((await readPartsFile(Buffer.from(csv), 'csv')).parts).toEqual([
      { partNumber: 'BR-1', description: 'Rotor, front "vented"\nfor Civic', attributes: {} },
      { partNumber: 'BR-2', description: 'Pad', attributes: { note: 'x, y' } },
    ]);
  });

  it('picks ; or tab when the header uses it', async () => {
    for (const d of [';', '\t']) {
      const { parts } = await readPartsFile(Buffer.from(`part${d}description\nA${d}B, C\n`), 'csv');
      expect(parts).toEqual([{ partNumber: 'A', description: 'B, C', attributes: {} }]);
    }
  });

  it('refuses an unterminated quote, naming the line', async () => {
    const open = Buffer.from('sku\nA\n"open');
    await expect(readPartsFile(open, 'csv')).rejects.toThrow(PartsFileError);
    await expect(readPartsFile(open, 'csv')).rejects.toThrow(
      'The CSV file cannot be read: line 3: a quoted field is never closed',
    );
  });

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
    await expect(readPartsFile(Buffer.alloc(0), 'xlsx')).rejects.toThrow(PartsFileError);
  });

  it('reads .xlsx cells by the one cell rule of the platform: a date alone as YYYY-MM-DD, a date with a time keeps it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Parts');
    sheet.addRow(['SKU', 'Released', 'Checked', 'Weight', 'Stock']);
    sheet.addRow([
      'OF-1',
      new Date(Date.UTC(2024, 4, 17)),
      new Date(Date.UTC(2024, 4, 17, 9, 45)),
      0.1 + 0.2,
      { error: '#N/A' },
    ]);
    const { parts } = await readPartsFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    expect(parts).toEqual([
      {
        partNumber: 'OF-1',
        description: null,
        attributes: { Released: '2024-05-17', Checked: '2024-05-17T09:45:00', Weight: '0.3' },
      },
    ]);
  });
});
