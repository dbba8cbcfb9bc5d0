import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { FileSniffer, formatOfName, RefusedFileError } from './file-sniffer.js';

async function sniff(format: 'csv' | 'xlsx', chunks: Buffer[]): Promise<{ out: Buffer; sniffer: FileSniffer }> {
  const sniffer = new FileSniffer(format);
  const parts: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    sniffer,
    new Writable({
      write(chunk: Buffer, _e, cb) {
        parts.push(chunk);
        cb();
      },
    }),
  );
  return { out: Buffer.concat(parts), sniffer };
}

describe('formatOfName', () => {
  it('accepts .csv and .xlsx in any case', () => {
    expect(formatOfName('po.CSV')).toBe('csv');
    expect(formatOfName('Book 1.xlsx')).toBe('xlsx');
  });

  it('refuses other types with 415 and a message that says what to do', () => {
    expect(() => formatOfName('old.xls')).toThrow(/save the sheet as \.xlsx/);
    expect(() => formatOfName('scan.pdf')).toThrow(/got \.pdf/);
    try {
      formatOfName('noext');
    } catch (err) {
      expect((err as RefusedFileError).status).toBe(415);
    }
  });
});

describe('FileSniffer', () => {
  it('passes a CSV through unchanged and estimates its data rows', async () => {
    const text = 'a,b\n1,2\n3,4';
    const { out, sniffer } = await sniff('csv', [Buffer.from(text.slice(0, 5)), Buffer.from(text.slice(5))]);
    expect(out.toString()).toBe(text);
    expect(sniffer.rowEstimate).toBe(2);
  });

  it('passes files larger than the sniffed head through whole', async () => {
    const big = Buffer.alloc(200_000, 'x\n');
    const { out } = await sniff('csv', [big.subarray(0, 70_000), big.subarray(70_000)]);
    expect(out.equals(big)).toBe(true);
  });

  it.each([
    ['csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 415, /Excel workbook/],
    ['csv', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 415, /legacy Excel/],
    ['csv', Buffer.from('a,b\n\u0000\u0001'), 415, /binary/],
    ['csv', Buffer.from([0x61, 0x2c, 0xe9, 0x0a]), 415, /not UTF-8/],
    ['xlsx', Buffer.from('a,b\n1,2\n'), 415, /not an Excel workbook/],
  ] as const)('refuses a %s whose content is wrong', async (format, content, status, message) => {
    const err = await sniff(format, [content]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefusedFileError);
    expect((err as RefusedFileError).status).toBe(status);
    expect((err as Error).message).toMatch(message);
  });

  it('takes a complete workbook, however it is cut into chunks, and refuses a ZIP of something else (415) or a cut-off one (400)', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Lines');
    for (let i = 0; i < 3000; i++) sheet.addRow([`PO-${i}`, `Part ${i}`, i]);
    const whole = Buffer.from(await book.xlsx.writeBuffer());
    expect(whole.length).toBeGreaterThan(70_000);
    for (const size of [7, 4096, 70_000]) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < whole.length; at += size) chunks.push(whole.subarray(at, at + size));
      expect((await sniff('xlsx', chunks)).out.equals(whole)).toBe(true);
    }
    const other = await new JSZip().file('readme.txt', 'hello').generateAsync({ type: 'nodebuffer' });
    const notABook = (await sniff('xlsx', [other]).catch((e: unknown) => e)) as RefusedFileError;
    expect([notABook.status, notABook.message]).toEqual([415, expect.stringMatching(/holds no workbook/)]);
    const cut = (await sniff('xlsx', [whole.subarray(0, whole.length - 100)]).catch(
      (e: unknown) => e,
    )) as RefusedFileError;
    expect([cut.status, cut.message]).toEqual([400, expect.stringMatching(/ends early/)]);
  });

  it('refuses an empty file with 400', async () => {
    const err = (await sniff('csv', []).catch((e: unknown) => e)) as RefusedFileError;
    expect(err.status).toBe(400);
  });

  it('accepts UTF-8 whose last character is cut by the sample boundary', async () => {
    const text = Buffer.concat([Buffer.alloc(65_535, 'a'), Buffer.from('€\n')]);
    const { out } = await sniff('csv', [text]);
    expect(out.equals(text)).toBe(true);
  });
});
