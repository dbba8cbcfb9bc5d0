import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { headerRowOf } from './row-source.js';

const chunks = (text: string, size: number) => {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
  return Readable.from(parts);
};

async function workbookOf(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet 1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('headerRowOf', () => {
  it('reads the header row of a CSV or .xlsx file', async () => {
    expect(await headerRowOf('csv', chunks('PO;Qty\nPO-1;1\n', 3))).toEqual({ fields: ['PO', 'Qty'], line: 1 });
    expect(
      await headerRowOf(
        'xlsx',
        Readable.from([
          await workbookOf([
            ['PO', 'Qty'],
            ['PO-1', 1],
          ]),
        ]),
      ),
    ).toEqual({ fields: ['PO', 'Qty'], line: 1 });
  });

  it('refuses a file without one: no text, blank lines only, a blank first row, an empty worksheet', async () => {
    for (const text of ['', '\n\n', ' \r\n\t\n  ', ',,\nPO,Qty\n']) {
      await expect(headerRowOf('csv', chunks(text, 2))).rejects.toThrow(
        'The CSV file has no header row: it holds no text, or its first line is blank',
      );
    }
    await expect(headerRowOf('xlsx', Readable.from([await workbookOf([])]))).rejects.toThrow(
      'The first worksheet of the .xlsx file has no header row: it is empty, or its first row is blank',
    );
  });

  it('closes the file once the header row is read', async () => {
    const source = chunks(`PO,Qty\n${'PO-1,1\n'.repeat(10_000)}`, 1024);
    await headerRowOf('csv', source);
    expect(source.destroyed).toBe(true);
  });
});
