import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { csvRows, headerRowOf, UnreadableFileError, xlsxRows, type CsvRow, type RowBatches } from './row-source.js';

/** The batches of a row source, each batch taken whole before the next is asked for. */
async function batchesOf(rows: RowBatches): Promise<CsvRow[][]> {
  const out: CsvRow[][] = [];
  for await (const batch of rows) out.push([...batch]);
  return out;
}

const chunks = (text: string, size: number) => {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
  return Readable.from(parts);
};

describe('csvRows', () => {
  it('gives the header row as a batch of its own, then the data rows', async () => {
    const text = 'PO Number,Qty\nPO-1,1\nPO-2,2\nPO-3,3\n';
    for (const size of [1, 3, 7, 16, text.length]) {
      const batches = await batchesOf(csvRows(chunks(text, size)));
      expect(batches[0]).toEqual([{ fields: ['PO Number', 'Qty'], line: 1 }]);
      expect(batches.slice(1).flat()).toEqual([
        { fields: ['PO-1', '1'], line: 2 },
        { fields: ['PO-2', '2'], line: 3 },
        { fields: ['PO-3', '3'], line: 4 },
      ]);
    }
  });

  it('reads a header without a final line break, and nothing from an empty file', async () => {
    expect(await batchesOf(csvRows(chunks('a,b', 2)))).toEqual([[{ fields: ['a', 'b'], line: 1 }], []]);
    expect(await batchesOf(csvRows(Readable.from([])))).toEqual([]);
  });

  it('throws a malformed row as UnreadableFileError where the batch is read', async () => {
    await expect(batchesOf(csvRows(chunks('a,b\n1,"open\n2,3\n', 4)))).rejects.toThrow(UnreadableFileError);
    await expect(batchesOf(csvRows(chunks('a,b\n1,"open\n2,3\n', 4)))).rejects.toThrow(
      /CSV file cannot be read: line 2/,
    );
  });
});

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

  it('says what is wrong with a workbook it cannot read: no workbook at all, no worksheet, cut off', async () => {
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
    expect((await headerRowOf('xlsx', Readable.from([book]))).fields).toEqual(['SKU', 'Name']);
    // exceljs removes a copy asynchronously, once the next worksheet was asked for.
    for (let waited = 0; left().length > 0 && waited < 2000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(left()).toEqual([]);
  });
});

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
