import type { Readable } from 'node:stream';
import { CsvReader, type CsvRow } from './csv-reader.js';
import type { RowBatches } from './row-batches.js';
import { UnreadableFileError } from './unreadable-file.error.js';

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

/** Every row of a CSV file held in memory (a small file: a parts list, a vehicles file); UnreadableFileError when malformed. */
export function readCsv(content: Buffer | string): CsvRow[] {
  const reader = new CsvReader();
  return [...readable(reader.rows(content)), ...readable(reader.rowsAtEnd())];
}
