import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { csvRows, UnreadableFileError, xlsxRows, type CsvRow, type RowBatches } from './row-source.js';

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
    await expect(batchesOf(csvRows(chunks('a,b\n1,"open\n2,3\n', 4)))).rejects.toThrow(/CSV file cannot be read: line 2/);
  });
});

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
});
