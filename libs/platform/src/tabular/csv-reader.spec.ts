import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { CsvReader, CsvSyntaxError, sniffDelimiter } from './csv-reader.js';

type Row = { fields: string[]; line: number };

/** Passes `text` to `feed` in chunks of the given sizes (cycled); returns the rows it gathered. */
function inChunks(text: string, chunkSizes: number[], feed: (chunk: Buffer | null, rows: Row[]) => void): Row[] {
  const rows: Row[] = [];
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  let k = 0;
  while (at < bytes.length) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length]);
    feed(bytes.subarray(at, at + size), rows);
    at += size;
  }
  feed(null, rows);
  return rows;
}

function readAll(text: string, chunkSizes: number[] = [text.length || 1], opts = {}): Row[] {
  const reader = new CsvReader(opts);
  return inChunks(text, chunkSizes, (chunk, rows) =>
    chunk ? reader.push(chunk, (r) => rows.push(r)) : reader.end((r) => rows.push(r)),
  );
}

/** readAll through the pull API (rows / rowsAtEnd), each chunk's rows taken before the next chunk is passed. */
function pullAll(text: string, chunkSizes: number[] = [text.length || 1], opts = {}): Row[] {
  const reader = new CsvReader(opts);
  return inChunks(text, chunkSizes, (chunk, rows) => rows.push(...(chunk ? reader.rows(chunk) : reader.rowsAtEnd())));
}

/** A deterministic pseudo-random generator, so a failing case can be replayed. */
function rng(start: number) {
  let s = start >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('CsvReader', () => {
  it('reads plain rows, quoted fields with delimiters, escaped quotes and line breaks', () => {
    const text = 'PO #,Item,Qty\nPO-1,"Rotor, front",2\nPO-2,"12"" blade",1\n"PO-3","two\nlines",3\n';
    expect(readAll(text).map((r) => r.fields)).toEqual([
      ['PO #', 'Item', 'Qty'],
      ['PO-1', 'Rotor, front', '2'],
      ['PO-2', '12" blade', '1'],
      ['PO-3', 'two\nlines', '3'],
    ]);
  });

  it('numbers rows by the file line they start on, counting line breaks inside quotes', () => {
    const rows = readAll('a,b\n"x\ny",1\n\nz,2\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('handles CRLF, a byte-order mark, a missing final line break and empty trailing fields', () => {
    expect(readAll('\uFEFFa;b;c\r\n1;;\r\n2;x;y').map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
      ['2', 'x', 'y'],
    ]);
  });

  it('sniffs the delimiter from the first line, ignoring quoted text', () => {
    expect(sniffDelimiter('a;b;c')).toBe(';');
    expect(sniffDelimiter('"x,y,z";b;c')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('single')).toBe(',');
  });

  it('rejects a quote that is never closed, naming the line', () => {
    expect(() => readAll('a,b\n1,"open\n2,3\n')).toThrow(CsvSyntaxError);
    expect(() => readAll('a,b\n1,"open\n2,3\n')).toThrow(/line 2/);
  });

  it('rejects a row longer than the limit instead of buffering it', () => {
    expect(() => readAll(`a\n"${'x'.repeat(5000)}`, [100], { maxRowChars: 1000 })).toThrow(/longer than 1000/);
  });

  it('parses a chunk row by row as its rows are taken', () => {
    const reader = new CsvReader();
    const rows = reader.rows('a,b\n1,2\n3,"never closed\n');
    expect(rows.next().value).toEqual({ fields: ['a', 'b'], line: 1 });
    expect(rows.next().value).toEqual({ fields: ['1', '2'], line: 2 });
    // The open quote is only a partial row so far: the chunk ends there.
    expect(rows.next().done).toBe(true);
    expect(() => [...reader.rowsAtEnd()]).toThrow(/line 3/);
  });

  it('agrees with csv-parse on random files cut into random chunks', () => {
    const next = rng(42);
    const alphabet = ['a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '€', '1', ';'];
    for (let round = 0; round < 300; round++) {
      const rows: string[][] = [];
      const width = 1 + Math.floor(next() * 4);
      for (let r = 0; r < 1 + Math.floor(next() * 6); r++) {
        const row: string[] = [];
        for (let c = 0; c < width; c++) {
          let v = '';
          for (let k = Math.floor(next() * 6); k > 0; k--) v += alphabet[Math.floor(next() * alphabet.length)];
          row.push(v);
        }
        if (row.every((v) => v.length === 0)) row[0] = 'x';
        rows.push(row);
      }
      const text =
        rows
          .map((row) =>
            row.map((v) => (/[",\r\n]/.test(v) || v.startsWith(' ') ? `"${v.replace(/"/g, '""')}"` : v)).join(','),
          )
          .join(next() < 0.5 ? '\n' : '\r\n') + (next() < 0.5 ? '\n' : '');
      const expected = parse(text, {
        delimiter: ',',
        record_delimiter: ['\r\n', '\n'],
        relax_column_count: true,
        skip_empty_lines: true,
      }) as string[][];
      const sizes = [1 + Math.floor(next() * 7), 1 + Math.floor(next() * 13)];
      expect(readAll(text, sizes, { delimiter: ',' }).map((r) => r.fields)).toEqual(expected);
      expect(pullAll(text, sizes, { delimiter: ',' })).toEqual(readAll(text, sizes, { delimiter: ',' }));
    }
  });
});
