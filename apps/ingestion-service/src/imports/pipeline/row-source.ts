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

const BATCH_ROWS = 500;

/** Counts the bytes read from the file, for a progress estimate where rows cannot be counted ahead (.xlsx). */
export class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/** The rows of a CSV stream, in batches; the first row is the header. */
export async function* csvRows(source: Readable): AsyncGenerator<CsvRow[]> {
  const reader = new CsvReader();
  let batch: CsvRow[] = [];
  const add = (row: CsvRow) => batch.push(row);
  try {
    for await (const chunk of source) {
      reader.push(chunk as Buffer, add);
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
    reader.end(add);
  } catch (err) {
    if ((err as Error).name === 'CsvSyntaxError') throw new UnreadableFileError(`The CSV file cannot be read: ${(err as Error).message}`);
    throw err;
  }
  if (batch.length) yield batch;
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
export async function* xlsxRows(source: Readable): AsyncGenerator<CsvRow[]> {
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
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        const fields: string[] = [];
        for (let i = 1; i < values.length; i++) fields.push(cellText(values[i]));
        if (fields.every((f) => f === '')) continue;
        batch.push({ fields, line: row.number });
        if (batch.length >= BATCH_ROWS) {
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

export function rowsOf(format: UploadFormat, source: Readable): AsyncGenerator<CsvRow[]> {
  return format === 'xlsx' ? xlsxRows(source) : csvRows(source);
}
