import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PreviewDto, ProcessAcceptedDto, CeleryProgressDto, UploadDto, UploadPageDto } from '@torque/contracts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const CSV = 'PO,SKU,Qty,Price,Supplier\nP-1,X-1,1,2,S\n';
const MAX_BYTES = 2 * 1024 * 1024;
/** Short, so that a preview held up for longer shows which deadline the gateway applies to it. */
const RPC_TIMEOUT_MS = 2000;

type Part = [name: string, value: string] | [name: string, content: string | Buffer, fileName: string];

interface ErrorBody {
  error: string;
  message: string;
  details?: Record<string, string[]>;
}

describe('upload intake: the form and the file are checked before an upload is registered', () => {
  let suite: Suite;
  let storageDir: string;

  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(tmpdir(), 'torque-upload-intake-'));
    suite = await startSuite({
      services: ['ingestion'],
      env: {
        STORAGE_DIR: storageDir,
        UPLOAD_MAX_BYTES: String(MAX_BYTES),
        RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS),
        IMPORT_PREVIEW_LOCK_TIMEOUT_MS: '10000',
      },
    });
  });
  afterAll(async () => {
    await suite?.close();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  /** Posts the parts in the order given (fetch keeps FormData's order on the wire). */
  function post(tenant: string, parts: Part[]) {
    const form = new FormData();
    for (const [name, value, fileName] of parts) {
      if (fileName === undefined) form.append(name, value as string);
      else form.append(name, new Blob([value]), fileName);
    }
    return suite.http('/api/v1/ingestion/uploads', { method: 'POST', body: form, tenant });
  }

  async function registered(tenant: string): Promise<UploadDto[]> {
    return ((await (await suite.http('/api/v1/ingestion/uploads?limit=100', { tenant })).json()) as UploadPageDto).data;
  }

  /** Files (not folders) the tenant has in storage. */
  async function storedFiles(tenant: string): Promise<string[]> {
    const root = path.join(storageDir, 'uploads', tenant);
    const names = await readdir(root, { recursive: true }).catch(() => [] as string[]);
    const files: string[] = [];
    for (const name of names) if ((await stat(path.join(root, name))).isFile()) files.push(name);
    return files;
  }

  /**
   * The tenant has no file in storage. Waited for: a refused upload's stream fails in several places at once, and
   * seen once in CI, its temporary file was there right after the answer (not reproduced since).
   */
  async function expectNothingStored(tenant: string): Promise<void> {
    await eventually(async () => (await storedFiles(tenant)).length === 0, 5_000).catch(async () => {
      expect(await storedFiles(tenant)).toEqual([]);
    });
  }

  async function expectRefused(res: Response, status: number): Promise<ErrorBody> {
    const body = (await res.json()) as ErrorBody;
    expect({ status: res.status, body }).toEqual({
      status,
      body: expect.objectContaining({ error: expect.any(String) }),
    });
    return body;
  }

  it('refuses a field sent after the file with 400 naming it, and keeps nothing of the file', async () => {
    const res = await post('intake-order', [
      ['kind', 'procurement'],
      ['force', 'true'],
      ['file', CSV, 'small.csv'],
      ['mode', 'upsert'],
    ]);
    const body = await expectRefused(res, 400);
    expect(body.error).toBe('validation_failed');
    expect(body.details).toEqual({ mode: ['mode must come before the file part in the form'] });
    // A file of many chunks: the field arrives well after the parser saw the file end.
    const big = `${CSV}${'P-2,X-2,1,2,S\n'.repeat(120_000)}`;
    const late = await post('intake-order', [
      ['kind', 'procurement'],
      ['file', big, 'big.csv'],
      ['mapping', '{}'],
    ]);
    expect((await expectRefused(late, 400)).details).toEqual({
      mapping: ['mapping must come before the file part in the form'],
    });
    expect(await registered('intake-order')).toEqual([]);
    await expectNothingStored('intake-order');
  });

  it('refuses force=true after the file of a repeated upload with 400 (not 409 asking for force=true)', async () => {
    const first = await post('intake-force', [
      ['kind', 'procurement'],
      ['file', CSV, 'y.csv'],
    ]);
    expect(first.status).toBe(201);
    const again = await post('intake-force', [
      ['kind', 'procurement'],
      ['file', CSV, 'y.csv'],
      ['force', 'true'],
      ['supplier_code', 'S'],
    ]);
    const body = await expectRefused(again, 400);
    expect(body.details).toEqual({
      force: ['force must come before the file part in the form'],
      supplier_code: ['supplier_code must come before the file part in the form'],
    });
    expect(body.message).toMatch(/force, supplier_code/);
    expect(await registered('intake-force')).toHaveLength(1);
    expect(await storedFiles('intake-force')).toHaveLength(1);
  });

  it('refuses a second file part with 400 that says so, and keeps neither file', async () => {
    const res = await post('intake-two', [
      ['kind', 'procurement'],
      ['file', CSV, 'one.csv'],
      ['file', CSV, 'two.csv'],
    ]);
    const body = await expectRefused(res, 400);
    expect(body.error).toBe('validation_failed');
    expect(body.message).toMatch(/more than one file/);
    expect(body.details?.file).toEqual([expect.stringMatching(/second file/)]);
    const other = await post('intake-two', [
      ['kind', 'procurement'],
      ['file', CSV, 'one.csv'],
      ['attachment', 'x', 'notes.txt'],
    ]);
    expect((await expectRefused(other, 400)).message).toMatch(/more than one file/);
    expect(await registered('intake-two')).toEqual([]);
    await expectNothingStored('intake-two');
  });

  it('keeps its other refusals when fields follow the file: a file over the limit (413), no kind (400)', async () => {
    const tooBig = await post('intake-other', [
      ['kind', 'procurement'],
      ['file', `${CSV}${'P-2,X-2,1,2,S\n'.repeat(MAX_BYTES / 12)}`, 'big.csv'],
      ['mode', 'upsert'],
    ]);
    expect((await expectRefused(tooBig, 413)).message).toMatch(`larger than ${MAX_BYTES} bytes`);
    const noKind = await post('intake-other', [
      ['file', CSV, 'a.csv'],
      ['kind', 'procurement'],
    ]);
    expect(JSON.stringify(await expectRefused(noKind, 400))).toMatch(/kind must be procurement or products/);
    expect(await registered('intake-other')).toEqual([]);
    await expectNothingStored('intake-other');
  });

  it('refuses a CSV without a header row (blank lines only) with 400 and details.file', async () => {
    for (const content of ['\n\n', ' \r\n\t\n  ']) {
      const res = await post('intake-blank', [
        ['kind', 'procurement'],
        ['file', content, 'blank.csv'],
      ]);
      const body = await expectRefused(res, 400);
      expect(body.error).toBe('validation_failed');
      expect(body.details?.file).toEqual([expect.stringMatching(/no header row/)]);
    }
    expect(await registered('intake-blank')).toEqual([]);
    await expectNothingStored('intake-blank');
  });

  it('refuses an .xlsx that is a ZIP without a workbook (415) or cut off (400); one without a worksheet fails its preview', async () => {
    const notABook = await post('intake-xlsx', [
      ['kind', 'products'],
      ['file', await new JSZip().file('readme.txt', 'hello').generateAsync({ type: 'nodebuffer' }), 'fake.xlsx'],
    ]);
    const body = await expectRefused(notABook, 415);
    expect(body.message).toMatch(/not an Excel workbook/);
    expect(body.message).not.toMatch(/empty/);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Products');
    sheet.addRow(['SKU', 'Name']);
    for (let i = 0; i < 500; i++) sheet.addRow([`P-${i}`, `Part ${i}`]);
    const whole = Buffer.from(await book.xlsx.writeBuffer());
    const cut = await post('intake-xlsx', [
      ['kind', 'products'],
      ['file', whole.subarray(0, whole.length >> 1), 'cut.xlsx'],
    ]);
    expect((await expectRefused(cut, 400)).details?.file).toEqual([
      expect.stringMatching(/ends early \(it may be cut off\)/),
    ]);

    expect(await registered('intake-xlsx')).toEqual([]);
    await expectNothingStored('intake-xlsx');

    const good = await post('intake-xlsx', [
      ['kind', 'products'],
      ['mode', 'upsert'],
      ['file', whole, 'good.xlsx'],
    ]);
    expect(good.status).toBe(201);
    expect((await good.json()) as UploadDto).toEqual(
      expect.objectContaining({ format: 'xlsx', mode: 'upsert', fileName: 'good.xlsx' }),
    );

    // A complete workbook without a worksheet is only found out by reading it: its preview says so.
    const noSheet = await post('intake-xlsx', [
      ['kind', 'products'],
      ['file', Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer()), 'nosheet.xlsx'],
    ]);
    expect(noSheet.status).toBe(201);
    const preview = await suite.http(`/api/v1/ingestion/uploads/${((await noSheet.json()) as UploadDto).id}/preview`, {
      method: 'POST',
      json: {},
      tenant: 'intake-xlsx',
    });
    const refused = await expectRefused(preview, 400);
    expect(refused.message).toBe('The .xlsx file has no worksheet');
    expect(refused).toEqual(
      expect.objectContaining({ error: 'validation_failed', details: { file: ['The .xlsx file has no worksheet'] } }),
    );
  });

  it('waits longer than RPC_TIMEOUT_MS for a preview, which runs the import before it answers', async () => {
    const tenant = 'intake-preview';
    const first = (await (
      await post(tenant, [
        ['kind', 'procurement'],
        ['file', CSV, 'first.csv'],
      ])
    ).json()) as UploadDto;
    const accepted = (await (
      await suite.http(`/api/v1/ingestion/uploads/${first.id}/process`, { method: 'POST', json: {}, tenant })
    ).json()) as ProcessAcceptedDto;
    await eventually(
      async () =>
        (
          (await (
            await suite.http(`/data-ingestion/progress/${accepted.job.id}/`, { tenant })
          ).json()) as CeleryProgressDto
        ).state === 'SUCCESS',
      20_000,
    );
    const again = (await (
      await post(tenant, [
        ['kind', 'procurement'],
        ['file', CSV.replace(',2,', ',3,'), 'again.csv'],
      ])
    ).json()) as UploadDto;
    // The preview's merge locks order P-1 (it holds lines of it): held here for longer than RPC_TIMEOUT_MS.
    const db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
    try {
      await db.query('BEGIN');
      await db.query(`SELECT 1 FROM ingestion.purchase_orders WHERE tenant_id = $1 AND po_number = 'P-1' FOR UPDATE`, [
        tenant,
      ]);
      const started = Date.now();
      const preview = suite.http(`/api/v1/ingestion/uploads/${again.id}/preview`, { method: 'POST', json: {}, tenant });
      await new Promise((resolve) => setTimeout(resolve, RPC_TIMEOUT_MS + 1000));
      await db.query('COMMIT');
      const res = await preview;
      expect({ status: res.status, body: res.status === 200 ? null : await res.text() }).toEqual({
        status: 200,
        body: null,
      });
      expect(Date.now() - started).toBeGreaterThan(RPC_TIMEOUT_MS);
      expect(((await res.json()) as PreviewDto).counts).toEqual(
        expect.objectContaining({ unchanged_lines: 1, created_lines: 0 }),
      );
    } finally {
      await db.query('ROLLBACK').catch(() => undefined);
      await db.end();
    }
  });

  it('names the field of a mapping whose column the file lacks, and the field a mapping names that is none', async () => {
    const tenant = 'intake-mapping';
    const up = (await (
      await post(tenant, [
        ['kind', 'procurement'],
        ['file', CSV, 'mapping.csv'],
      ])
    ).json()) as UploadDto;
    const res = await suite.http(`/api/v1/ingestion/uploads/${up.id}/preview`, {
      method: 'POST',
      json: { mapping: { quantity: 'Nope' } },
      tenant,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as PreviewDto).problems).toEqual([
      {
        row: 1,
        column: null,
        field: 'quantity',
        value: 'Nope',
        expected: 'a column of the file (it has: PO, SKU, Qty, Price, Supplier)',
        severity: 'error',
      },
    ]);
    const unknown = await suite.http(`/api/v1/ingestion/uploads/${up.id}/preview`, {
      method: 'POST',
      json: { mapping: { qty: 'Qty' } },
      tenant,
    });
    expect((await expectRefused(unknown, 400)).details).toEqual({
      mapping: [expect.stringMatching(/^mapping has no import field qty \(the fields: /)],
    });
  });

  it('still takes a valid file with its fields before it', async () => {
    const res = await post('intake-ok', [
      ['kind', 'procurement'],
      ['mode', 'upsert'],
      ['supplier_code', 'S'],
      ['file', CSV, 'ok.csv'],
    ]);
    expect(res.status).toBe(201);
    const up = (await res.json()) as UploadDto;
    expect(up).toEqual(
      expect.objectContaining({
        kind: 'procurement',
        mode: 'upsert',
        supplierCode: 'S',
        rowEstimate: 1,
        fileName: 'ok.csv',
      }),
    );
    expect((await registered('intake-ok')).map((u) => u.id)).toEqual([up.id]);
    expect(await storedFiles('intake-ok')).toHaveLength(1);
  });
});
