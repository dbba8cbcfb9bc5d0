import type { UploadFormat } from '@torque/contracts';
import { rowsOf, UnreadableFileError, type CsvRow } from '@torque/platform';
import { Transform, type Readable, type TransformCallback } from 'node:stream';

/** Counts the bytes read from the file, for a progress estimate where rows cannot be counted ahead (.xlsx). */
export class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
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
