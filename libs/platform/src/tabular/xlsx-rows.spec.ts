import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import type { CsvRow } from './csv-reader.js';
import type { RowBatches } from './row-batches.js';
import { readTable } from './table-rows.js';
import { UnreadableFileError } from './unreadable-file.error.js';
import { xlsxRows } from './xlsx-rows.js';

/** The batches of a row source, each batch taken whole before the next is asked for. */
async function batchesOf(rows: RowBatches): Promise<CsvRow[][]> {
  const out: CsvRow[][] = [];
  for await (const batch of rows) out.push([...batch]);
  return out;
}

async function workbookOf(rows: unknown[][], sheets = 1): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (let i = 1; i <= sheets; i++) {
    const sheet = book.addWorksheet(`Sheet ${i}`);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The error a promise rejects with. */
async function failureOf(promise: Promise<unknown>): Promise<UnreadableFileError> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: UnreadableFileError) => err,
  );
}

describe('xlsxRows', () => {
  it('gives the header row as a batch of its own, then the rows in small batches', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('PO lines');
    sheet.addRow(['PO Number', 'Qty', 'Order Date']);
    for (let i = 1; i <= 150; i++) sheet.addRow([`PO-${i}`, i, new Date(Date.UTC(2024, 0, 1 + (i % 28)))]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const batches = await batchesOf(xlsxRows(Readable.from([file])));
    expect(batches[0]).toEqual([{ fields: ['PO Number', 'Qty', 'Order Date'], line: 1 }]);
    const rows = batches.slice(1).flat();
    expect(rows).toHaveLength(150);
    expect(rows[0]).toEqual({ fields: ['PO-1', '1', '2024-01-02'], line: 2 });
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThan(100);
  });

  it('reads cells by the one cell rule (cellText): dates with and without a time, numbers, formulas, blank rows left out', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Parts');
    sheet.addRow(['SKU', 'Ordered', 'Delivered', 'Price', 'Total']);
    sheet.addRow([]);
    sheet.addRow([
      'BR-1',
      new Date(Date.UTC(2024, 2, 5)),
      new Date(Date.UTC(2024, 2, 7, 14, 30)),
      0.1 + 0.2,
      { formula: 'D3*2', result: 0.6 },
    ]);
    sheet.getCell('C3').numFmt = 'yyyy-mm-dd hh:mm';
    const rows = await readTable('xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { fields: ['SKU', 'Ordered', 'Delivered', 'Price', 'Total'], line: 1 },
      { fields: ['BR-1', '2024-03-05', '2024-03-07T14:30:00', '0.3', '0.6'], line: 3 },
    ]);
  });

  it('says what is wrong with a workbook it cannot read: no workbook at all, no worksheet, cut off, no ZIP', async () => {
    const notABook = await failureOf(
      batchesOf(
        xlsxRows(Readable.from([await new JSZip().file('readme.txt', 'hello').generateAsync({ type: 'nodebuffer' })])),
      ),
    );
    expect(notABook).toBeInstanceOf(UnreadableFileError);
    expect({ message: notABook.message, wrongFormat: notABook.wrongFormat }).toEqual({
      message: 'The file is named .xlsx but is not an Excel workbook: the ZIP archive holds no workbook',
      wrongFormat: true,
    });
    const noSheet = await failureOf(
      batchesOf(xlsxRows(Readable.from([Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer())]))),
    );
    expect({ message: noSheet.message, wrongFormat: noSheet.wrongFormat }).toEqual({
      message: 'The .xlsx file has no worksheet',
      wrongFormat: false,
    });
    const whole = await workbookOf([
      ['SKU', 'Name'],
      ...Array.from({ length: 300 }, (_, i) => [`P-${i}`, `Part ${i}`]),
    ]);
    const cut = await failureOf(batchesOf(xlsxRows(Readable.from([whole.subarray(0, whole.length >> 1)]))));
    expect({ message: cut.message, wrongFormat: cut.wrongFormat }).toEqual({
      message: 'The .xlsx file cannot be read: it ends early (the file may be cut off)',
      wrongFormat: false,
    });
    expect((await failureOf(readTable('xlsx', Buffer.from('not a zip')))).message).toMatch(
      /^The .xlsx file cannot be read: /,
    );
    expect((await failureOf(readTable('xlsx', Buffer.alloc(0)))).message).toBe(
      'The .xlsx file cannot be read: it ends early (the file may be cut off)',
    );
  });

  it('leaves no temporary copy of a worksheet behind, read to the end or left at the header row', async () => {
    // exceljs writes the worksheets before the shared strings, as Excel does: the reader copies them to temporary files.
    const book = await workbookOf(
      [
        ['SKU', 'Name'],
        ['P-1', 'Brake pad'],
      ],
      3,
    );
    const copies = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));
    const before = copies();
    const left = () => copies().filter((name) => !before.includes(name));
    expect((await batchesOf(xlsxRows(Readable.from([book])))).flat()).toHaveLength(2);
    for await (const batch of xlsxRows(Readable.from([book]))) {
      expect([...batch].map((row) => row.fields)).toEqual([['SKU', 'Name']]);
      break;
    }
    // exceljs removes a copy asynchronously, once the next worksheet was asked for.
    for (let waited = 0; left().length > 0 && waited < 2000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(left()).toEqual([]);
  });
});
