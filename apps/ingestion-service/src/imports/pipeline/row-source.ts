import type { UploadFormat } from '@torque/contracts';
import type ExcelJS from 'exceljs';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { CsvReader, type CsvRow } from './csv-reader.js';

export type { CsvRow } from './csv-reader.js';

/** A file that cannot be read as the format it claims (a broken .xlsx, an unterminated quote ...). */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/**
 * Rows per batch of an .xlsx file (a CSV file's batches are its chunks, parsed lazily). Kept well under 100:
 * when a young collection finds 100 or more objects from one allocation site alive, V8 allocates that
 * site's objects in the old generation from then on (allocation-site pretenuring), where they stay until a
 * full collection; batches of 200 to 500 rows did that, and a 100,000-row import peaked some 60 MiB higher.
 */
const XLSX_BATCH_ROWS = 64;

/**
 * Rows of a file in batches, the header row first as a batch of its own (so its columns can be mapped
 * before any data row is read). Iterate each batch to its end before asking for the next one: a CSV
 * batch is parsed as it is iterated.
 */
export type RowBatches = AsyncGenerator<Iterable<CsvRow>, void, undefined>;

/** Counts the bytes read from the file, for a progress estimate where rows cannot be counted ahead (.xlsx). */
export class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/** `rows`, with a CSV syntax error thrown as UnreadableFileError (a lazy batch throws where it is iterated). */
function* readable(rows: Generator<CsvRow, void, undefined>): Generator<CsvRow, void, undefined> {
  try {
    yield* rows;
  } catch (err) {
    if ((err as Error).name === 'CsvSyntaxError') throw new UnreadableFileError(`The CSV file cannot be read: ${(err as Error).message}`);
    throw err;
  }
}

/**
 * The rows of a CSV stream (see RowBatches): one batch per chunk of the stream, parsed lazily, so that
 * rows are handled as they are parsed and never pile up (memory is a chunk and a row).
 */
export async function* csvRows(source: Readable): RowBatches {
  const reader = new CsvReader();
  let header = false;
  for await (const chunk of source) {
    const rows = readable(reader.rows(chunk as Buffer));
    if (!header) {
      const first = rows.next();
      if (first.done) continue;
      header = true;
      yield [first.value];
    }
    yield rows;
  }
  const rows = readable(reader.rowsAtEnd());
  if (!header) {
    const first = rows.next();
    if (first.done) return;
    yield [first.value];
  }
  yield rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/**
 * The rows of the first worksheet of an .xlsx stream, in batches, read with exceljs's streaming reader
 * (memory: one row plus the shared strings table). Dates come as YYYY-MM-DD.
 */
export async function* xlsxRows(source: Readable): RowBatches {
  // Loaded on first use: a service that never reads a workbook does not hold exceljs in memory.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let batch: CsvRow[] = [];
  let header = false;
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        const fields: string[] = [];
        for (let i = 1; i < values.length; i++) fields.push(cellText(values[i]));
        if (fields.every((f) => f === '')) continue;
        batch.push({ fields, line: row.number });
        if (!header || batch.length >= XLSX_BATCH_ROWS) {
          header = true;
          yield batch;
          batch = [];
        }
      }
      // Only the first worksheet holds the data; the rest of the file is not read.
      break;
    }
  } catch (err) {
    throw new UnreadableFileError(`The .xlsx file cannot be read: ${(err as Error).message}`);
  } finally {
    source.destroy();
  }
  if (batch.length) yield batch;
}

export function rowsOf(format: UploadFormat, source: Readable): RowBatches {
  return format === 'xlsx' ? xlsxRows(source) : csvRows(source);
}
