import type { FileStorage } from '@torque/platform';
import { PassThrough } from 'node:stream';

/** A value as a CSV field: quoted when it holds a delimiter, a quote, a line break or edge spaces. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The rejected rows of an import as a CSV in storage: the file's own columns plus an `error` column,
 * so people can fix the rows and upload the file again. Streams to storage as rows come, so memory
 * stays small however many rows are rejected; the object only exists once a row was rejected.
 */
export class RejectedRowsWriter {
  private out: PassThrough | null = null;
  private stored: Promise<unknown> | null = null;
  rows = 0;

  constructor(
    private readonly storage: FileStorage,
    readonly key: string,
    private readonly headers: string[],
  ) {}

  add(fields: string[], messages: string[]): void {
    if (!this.out) {
      this.out = new PassThrough();
      this.stored = this.storage.put(this.key, this.out);
      // A failed store surfaces in finish(); this keeps it from being an unhandled rejection meanwhile.
      this.stored.catch(() => undefined);
      this.out.write(`${[...this.headers, 'error'].map(csvField).join(',')}\n`);
    }
    const cells = this.headers.map((_, i) => csvField(fields[i] ?? ''));
    this.out.write(`${[...cells, csvField(messages.join('; '))].join(',')}\n`);
    this.rows++;
  }

  /** Ends the file; resolves to its key, or null when no row was rejected. */
  async finish(): Promise<string | null> {
    if (!this.out) return null;
    this.out.end();
    await this.stored;
    return this.key;
  }

  /** Drops the file (a cancelled import). */
  async discard(): Promise<void> {
    if (!this.out) return;
    this.out.destroy();
    await this.stored?.catch(() => undefined);
    await this.storage.remove(this.key).catch(() => undefined);
  }
}
