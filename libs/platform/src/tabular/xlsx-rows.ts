import type ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { cellText } from './cell-text.js';
import type { CsvRow } from './csv-reader.js';
import type { RowBatches } from './row-batches.js';
import { UnreadableFileError } from './unreadable-file.error.js';

/**
 * Rows per batch of an .xlsx file (a CSV file's batches are its chunks, parsed lazily). Kept well under 100:
 * when a young collection finds 100 or more objects from one allocation site alive, V8 allocates that
 * site's objects in the old generation from then on (allocation-site pretenuring), where they stay until a
 * full collection; batches of 200 to 500 rows did that, and a 100,000-row import peaked some 60 MiB higher.
 */
const XLSX_BATCH_ROWS = 64;

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
 * The rows of the first worksheet of an .xlsx stream, in batches (see RowBatches), read with exceljs's
 * streaming reader (memory: one row plus the shared strings table); cells as `cellText` gives them, rows
 * without text left out. Unreadable files throw UnreadableFileError.
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
  // exceljs reads xl/workbook.xml (which sets `model`) in one streaming pass, and its writer stores that entry
  // last; on Node >= 18 the worksheets are sometimes parsed before it arrives and exceljs reads `model.sheets` of
  // undefined (exceljs#3064, open). A placeholder model lets the sheet be read then; only its name is unknown.
  const placeholder = { sheets: [] };
  (workbook as unknown as { model: unknown }).model = placeholder;
  const sheets = workbook[Symbol.asyncIterator]();
  let batch: CsvRow[] = [];
  let header = false;
  try {
    // Only the first worksheet holds the data.
    const first = await sheets.next();
    if (first.done) {
      // exceljs sets the model when it read xl/workbook.xml: without it the archive is no workbook at all.
      if (!workbook.model || (workbook.model as unknown) === placeholder)
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
