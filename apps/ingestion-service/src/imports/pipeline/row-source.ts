import type { UploadFormat } from '@torque/contracts';
import type ExcelJS from 'exceljs';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { CsvReader, type CsvRow } from './csv-reader.js';

export type { CsvRow } from './csv-reader.js';

/**
 * A file that cannot be read as the format it claims (a broken .xlsx, an unterminated quote ...).
 * `wrongFormat`: it is not of that format at all (a ZIP named .xlsx that holds no workbook), not merely broken.
 */
export class UnreadableFileError extends Error {
  constructor(
    message: string,
    readonly wrongFormat = false,
  ) {
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
    if ((err as Error).name === 'CsvSyntaxError')
      throw new UnreadableFileError(`The CSV file cannot be read: ${(err as Error).message}`);
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

/** The reason exceljs (or the unzip beneath it) gives, in words where it gives a code. */
function xlsxReason(err: unknown): string {
  const message = (err as Error)?.message ?? String(err);
  return message === 'FILE_ENDED' ? 'it ends early (the file may be cut off)' : message;
}

/**
 * exceljs copies a worksheet that comes before the shared strings in the archive (as Excel writes them) to
 * a temporary file, read once the whole archive was, and removes the copy only when asked for the worksheet
 * after it: breaking off at the first worksheet would leave the copy behind until the process exits. So
 * when the archive was read to its end, the remaining worksheets are opened and left at once (which closes
 * them) to the end; otherwise no copy was read yet and the file is just closed.
 */
async function closeWorkbook(sheets: AsyncIterator<AsyncIterable<unknown>>, source: Readable): Promise<void> {
  try {
    if (source.readableEnded) {
      for (let next = await sheets.next(); !next.done; next = await sheets.next()) {
        const rows = next.value[Symbol.asyncIterator]();
        await rows.next();
        await rows.return?.();
      }
    }
  } catch {
    // Whatever went wrong was reported by the read that stopped.
  } finally {
    source.destroy();
  }
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
  const sheets = workbook[Symbol.asyncIterator]();
  let batch: CsvRow[] = [];
  let header = false;
  try {
    // Only the first worksheet holds the data.
    const first = await sheets.next();
    if (first.done) {
      // exceljs sets the model when it read xl/workbook.xml: without it the archive is no workbook at all.
      if (!workbook.model)
        throw new UnreadableFileError(
          'The file is named .xlsx but is not an Excel workbook: the ZIP archive holds no workbook',
          true,
        );
      throw new UnreadableFileError('The .xlsx file has no worksheet');
    }
    for await (const row of first.value) {
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
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err;
    throw new UnreadableFileError(`The .xlsx file cannot be read: ${xlsxReason(err)}`);
  } finally {
    await closeWorkbook(sheets, source);
  }
  if (batch.length) yield batch;
}

export function rowsOf(format: UploadFormat, source: Readable): RowBatches {
  return format === 'xlsx' ? xlsxRows(source) : csvRows(source);
}

/** A row without text (empty or blank cells only): as a header row, it names no column. */
export function isBlankRow(row: CsvRow): boolean {
  return row.fields.every((f) => f.trim() === '');
}

/**
 * The header row of a file (its first row), read as the import reads it, and nothing after it; an
 * UnreadableFileError when the file has none: no text at all, or a blank first row. Closes the source.
 */
export async function headerRowOf(format: UploadFormat, source: Readable): Promise<CsvRow> {
  const rows = rowsOf(format, source);
  try {
    const first = await rows.next();
    const [header] = first.done ? [] : [...first.value];
    if (!header || isBlankRow(header)) {
      throw new UnreadableFileError(
        format === 'xlsx'
          ? 'The first worksheet of the .xlsx file has no header row: it is empty, or its first row is blank'
          : 'The CSV file has no header row: it holds no text, or its first line is blank',
      );
    }
    return header;
  } finally {
    await rows.return(undefined);
    source.destroy();
  }
}
