import { Readable } from 'node:stream';
import type { CsvRow } from './csv-reader.js';
import { csvRows, readCsv } from './csv-rows.js';
import type { RowBatches, TabularFormat } from './row-batches.js';
import { xlsxRows } from './xlsx-rows.js';

/** The rows of a CSV or .xlsx stream, in batches (see RowBatches); unreadable files throw UnreadableFileError. */
export function rowsOf(format: TabularFormat, source: Readable): RowBatches {
  return format === 'xlsx' ? xlsxRows(source) : csvRows(source);
}

/** Every row of a CSV or .xlsx file held in memory (a small file), read as `rowsOf` reads a stream. */
export async function readTable(format: TabularFormat, content: Buffer): Promise<CsvRow[]> {
  if (format === 'csv') return readCsv(content);
  const rows: CsvRow[] = [];
  // A byte stream, not an object stream: exceljs's unzip waits forever on an empty Buffer passed as an object.
  for await (const batch of xlsxRows(Readable.from([content], { objectMode: false }))) rows.push(...batch);
  return rows;
}
