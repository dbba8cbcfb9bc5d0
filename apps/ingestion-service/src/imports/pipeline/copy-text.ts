/** PostgreSQL COPY text format: tab-separated, `\N` for NULL, backslash escapes for the rest. */
export const COPY_NULL = '\\N';

/* eslint-disable no-control-regex -- NUL is one of the characters COPY text must escape or drop */
const SPECIAL = /[\\\t\n\r\u0000]/;
const SPECIAL_ALL = /[\\\t\n\r\u0000]/g;
/* eslint-enable no-control-regex */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\u0000': '' };

/** A value as COPY text reads it back unchanged; NUL characters, which PostgreSQL text cannot hold, are dropped. */
export function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return COPY_NULL;
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : value;
}

/**
 * An integer as COPY text. Not `${n}` or String(n): V8 keeps the strings those make in its number-to-string
 * cache, long enough for each to be copied into the old generation, where a million row numbers leave
 * some 25 MB of garbage until the next full collection; JSON.stringify formats the digits afresh.
 */
export function copyInt(n: number): string {
  return JSON.stringify(n);
}

/**
 * COPY data gathered into pieces of about `pieceBytes` bytes. Each line is encoded into the piece's buffer
 * as it is added, so the line string (and the parsed values it is made of) is garbage at once; a piece
 * gathered as a string would keep all its lines alive until it is sent, long enough for them to be copied
 * into the old generation. A line longer than a piece gets a buffer of its own size.
 */
export class CopyData {
  private buffer: Buffer;
  private used = 0;
  /** Pieces complete and not taken yet. */
  private readonly complete: Buffer[] = [];

  constructor(private readonly pieceBytes = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(pieceBytes);
  }

  add(line: string): void {
    const room = this.buffer.length - this.used;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit: only a line that may not fit is measured.
    if (line.length * 3 > room) {
      const bytes = Buffer.byteLength(line);
      if (bytes > room) this.seal(bytes);
    }
    this.used += this.buffer.write(line, this.used);
  }

  /** Whether a piece is complete, for take(). */
  get full(): boolean {
    return this.complete.length > 0;
  }

  /** The complete pieces (with `all`, also the one being filled) as one buffer, now owned by the caller. */
  take(all = false): Buffer {
    if (all) this.seal(0);
    const out = this.complete.length === 1 ? this.complete[0] : Buffer.concat(this.complete);
    this.complete.length = 0;
    return out;
  }

  /** Ends the piece being filled and starts one with room for at least `bytes`. */
  private seal(bytes: number): void {
    if (this.used > 0) {
      this.complete.push(this.buffer.subarray(0, this.used));
      this.buffer = Buffer.allocUnsafe(Math.max(this.pieceBytes, bytes));
      this.used = 0;
    } else if (this.buffer.length < bytes) {
      this.buffer = Buffer.allocUnsafe(bytes);
    }
  }
}
