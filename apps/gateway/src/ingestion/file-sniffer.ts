import type { UploadFormat } from '@torque/contracts';
import { Transform, type TransformCallback } from 'node:stream';

/** Why a file is refused: the status (415 wrong type, 400 empty or unreadable) and a message for people. */
export class RefusedFileError extends Error {
  constructor(
    readonly status: 400 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'RefusedFileError';
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** End of a ZIP archive's central directory: the last record of a complete archive (before a comment of at most 64 KiB). */
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP_END_WINDOW = 22 + 0xffff;
/** The entry every workbook has; entry names are stored as they are, so it shows in the bytes of its local header. */
const WORKBOOK_ENTRY = Buffer.from('xl/workbook.xml');
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const SNIFF_BYTES = 64 * 1024;

/** The format a file name claims, or a RefusedFileError for any other. */
export function formatOfName(fileName: string): UploadFormat {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'xls')
    throw new RefusedFileError(
      415,
      'Legacy Excel files (.xls) cannot be imported; save the sheet as .xlsx or .csv (UTF-8)',
    );
  throw new RefusedFileError(
    415,
    `Only .csv and .xlsx files can be imported${ext ? ` (got .${ext})` : ' (the file name has no extension)'}`,
  );
}

/** Complete UTF-8 (a multi-byte character cut at the end of the sample is fine). */
function isUtf8(sample: Buffer): boolean {
  let end = sample.length;
  // Drop an incomplete trailing sequence: at most 3 continuation bytes after a lead byte.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = sample[end - back];
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (back < need) end -= back;
    }
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks, as the bytes stream by, that the content is what the name says: an .xlsx must be a ZIP
 * container, a .csv must be UTF-8 text (no binary, no workbook). Counts the lines of a CSV for a
 * row estimate. The first 64 KiB are held back until checked, so nothing unchecked reaches storage.
 * At its end an .xlsx must have shown a workbook entry and end as a complete archive does: a ZIP of
 * something else (415) or a cut-off file (400) fails the stream, and so the upload, which removes it.
 */
export class FileSniffer extends Transform {
  private head: Buffer[] = [];
  private headBytes = 0;
  private checked = false;
  private lines = 0;
  private lastByte = -1;
  private bytes = 0;
  private sawWorkbook = false;
  /** The last bytes seen (.xlsx): enough to find the workbook entry across chunks and the archive's end record. */
  private tail = Buffer.alloc(0);

  constructor(private readonly format: UploadFormat) {
    super();
  }

  /** Data rows of a CSV (lines after the header); approximate when quoted fields hold line breaks. */
  get rowEstimate(): number | undefined {
    if (this.format !== 'csv' || this.bytes === 0) return undefined;
    const lines = this.lines + (this.lastByte === 0x0a ? 0 : 1);
    return Math.max(0, lines - 1);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.format === 'csv') {
      for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) this.lines++;
      if (chunk.length) this.lastByte = chunk[chunk.length - 1];
    } else {
      const window = Buffer.concat([this.tail.subarray(-(WORKBOOK_ENTRY.length - 1)), chunk]);
      this.sawWorkbook ||= window.includes(WORKBOOK_ENTRY);
      this.tail = Buffer.concat([this.tail, chunk]).subarray(-ZIP_END_WINDOW);
    }
    if (this.checked) return done(null, chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) return done();
    this.release(done);
  }

  override _flush(done: TransformCallback): void {
    if (this.bytes === 0) return done(new RefusedFileError(400, 'The file is empty'));
    const finish: TransformCallback = (err, data) => {
      if (err || this.format !== 'xlsx') return done(err, data);
      if (data) this.push(data);
      done(this.xlsxEndProblem());
    };
    if (!this.checked) return this.release(finish);
    finish();
  }

  /** A cut-off archive first: its workbook entry may be in the part that is missing. */
  private xlsxEndProblem(): RefusedFileError | null {
    if (this.tail.lastIndexOf(ZIP_END) < 0)
      return new RefusedFileError(400, 'The .xlsx file ends early (it may be cut off): upload it again');
    if (!this.sawWorkbook)
      return new RefusedFileError(
        415,
        'The file is named .xlsx but is not an Excel workbook: the ZIP archive holds no workbook',
      );
    return null;
  }

  private release(done: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    const problem = this.problemWith(head);
    if (problem) return done(problem);
    this.checked = true;
    done(null, head);
  }

  private problemWith(head: Buffer): RefusedFileError | null {
    const starts = (magic: Buffer) => head.subarray(0, magic.length).equals(magic);
    if (this.format === 'xlsx') {
      return starts(ZIP)
        ? null
        : new RefusedFileError(
            415,
            'The file is named .xlsx but is not an Excel workbook (.xlsx files are ZIP archives)',
          );
    }
    if (starts(ZIP))
      return new RefusedFileError(
        415,
        'The file is named .csv but is an Excel workbook or another ZIP archive; name it .xlsx if it is a workbook',
      );
    if (starts(OLE))
      return new RefusedFileError(
        415,
        'The file is named .csv but is a legacy Excel or Office document; save it as .csv (UTF-8) or .xlsx',
      );
    const sample = head.subarray(0, SNIFF_BYTES);
    if (sample.includes(0)) return new RefusedFileError(415, 'The file is named .csv but holds binary data, not text');
    if (!isUtf8(sample))
      return new RefusedFileError(415, 'The CSV file is not UTF-8 text; save it as "CSV UTF-8" and upload it again');
    return null;
  }
}
