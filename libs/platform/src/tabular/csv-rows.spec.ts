import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import type { CsvRow } from './csv-reader.js';
import { csvRows, readCsv } from './csv-rows.js';
import type { RowBatches } from './row-batches.js';
import { UnreadableFileError } from './unreadable-file.error.js';

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

describe('readCsv', () => {
  it('reads a file held in memory as the stream reader does: quotes, a byte-order mark, blank lines skipped', () => {
    const text = '\ufeffa;b\r\n"x; y";"say ""hi""\nthere"\n\n3;\n';
    expect(readCsv(Buffer.from(text))).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x; y', 'say "hi"\nthere'], line: 2 },
      { fields: ['3', ''], line: 5 },
    ]);
    expect(readCsv(text)).toEqual(readCsv(Buffer.from(text)));
    expect(readCsv('')).toEqual([]);
  });

  it('throws a malformed file as UnreadableFileError naming the line', () => {
    expect(() => readCsv('a\n"open')).toThrow(UnreadableFileError);
    expect(() => readCsv('a\n"open')).toThrow('The CSV file cannot be read: line 2: a quoted field is never closed');
  });
});
