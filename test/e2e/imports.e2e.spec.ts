import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ConflictPageDto,
  JobPageDto,
  JobViewDto,
  PreviewDto,
  ProcessAcceptedDto,
  CeleryProgressDto,
  UploadDto,
} from '@torque/contracts';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const PROCUREMENT = [
  'PO #,Vendor,Vendor ID,Part No,Material Description,Qty,Unit Cost,Curr,PO Date',
  'PO-1001,Acme Brakes,SUP-1,BR-100,"Brake rotor, front",4,45.50,EUR,2024-03-01',
  'PO-1001,Acme Brakes,SUP-1,BR-101,Brake pad set,8,"1,234.00",EUR,2024-03-01',
  'PO-1002,Filter World,SUP-2,FI-200,Oil filter,20,6.10,USD,03/05/2024',
  'PO-1003,Filter World,SUP-2,FI-201,Air filter,10,9.90,,2024-03-07',
].join('\n');

const MAX_BYTES = 1024 * 1024;

describe('uploads and imports through the gateway', () => {
  let suite: Suite;
  let db: pg.Client;

  beforeAll(async () => {
    // Every import here with new orders writes their lines as a partition of its own (the path of large files):
    // test/e2e/imports-large.e2e.spec.ts covers both paths with the default.
    suite = await startSuite({
      services: ['ingestion'],
      env: { UPLOAD_MAX_BYTES: String(MAX_BYTES), IMPORT_BLOCK_MIN_LINES: '1' },
    });
    db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  async function upload(name: string, content: string | Buffer, fields: Record<string, string> = {}, tenant = 'acme') {
    const form = new FormData();
    for (const [k, v] of Object.entries({ kind: 'procurement', ...fields })) form.append(k, v);
    form.append('file', new Blob([content]), name);
    return suite.http('/api/v1/ingestion/uploads', { method: 'POST', body: form, tenant });
  }

  /** Waits on the seed's progress endpoint (it asks the ingestion service only), then reads the job from the jobs API. */
  async function finished(jobId: string, tenant = 'acme'): Promise<JobViewDto> {
    await eventually(async () => {
      const p = (await (
        await suite.http(`/data-ingestion/progress/${jobId}/`, { tenant })
      ).json()) as CeleryProgressDto;
      return ['SUCCESS', 'FAILURE', 'REVOKED'].includes(p.state);
    }, 20_000);
    const page = (await (
      await suite.http('/api/v1/jobs?service=ingestion&type=ingestion.import&limit=100', { tenant })
    ).json()) as JobPageDto;
    return page.data.find((j) => j.id === jobId)!;
  }

  it("uploads, previews without writing, then imports a procurement CSV with the seed's counts", async () => {
    const res = await upload('po-lines.csv', PROCUREMENT);
    expect(res.status).toBe(201);
    const up = (await res.json()) as UploadDto;
    expect(up).toEqual(
      expect.objectContaining({
        kind: 'procurement',
        format: 'csv',
        status: 'uploaded',
        rowEstimate: 4,
        fileName: 'po-lines.csv',
      }),
    );

    const previewRes = await suite.http(`/api/v1/ingestion/uploads/${up.id}/preview`, { method: 'POST', json: {} });
    expect(previewRes.status).toBe(200);
    const preview = (await previewRes.json()) as PreviewDto;
    expect(preview.mapping.fields).toEqual(
      expect.objectContaining({ po_number: 'PO #', supplier_name: 'Vendor', part_number: 'Part No', quantity: 'Qty' }),
    );
    expect(preview.complete).toBe(true);
    expect(preview.counts).toEqual(
      expect.objectContaining({
        processed: 4,
        created_suppliers: 2,
        created_materials: 4,
        created_pos: 3,
        created_prices: 4,
      }),
    );
    expect(preview.sampleRows[1]).toEqual(
      expect.objectContaining({ row: 3, unit_price: '1234.00', order_date: '2024-03-01' }),
    );
    expect(preview.warnings).toEqual([expect.objectContaining({ row: 5, field: 'currency', severity: 'warning' })]);
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM ingestion.products`)).rows;
    expect(n).toBe(0);
    // A preview writes no partition of lines and takes no block number.
    const blocks = async () =>
      (
        await db.query(
          `SELECT (SELECT count(*)::int FROM pg_inherits WHERE inhparent = 'ingestion.purchase_order_lines'::regclass) AS partitions,
                  (SELECT is_called FROM ingestion.purchase_order_blocks) AS taken`,
        )
      ).rows[0];
    expect(await blocks()).toEqual({ partitions: 1, taken: false });

    const processRes = await suite.http(`/api/v1/ingestion/uploads/${up.id}/process`, { method: 'POST', json: {} });
    expect(processRes.status).toBe(202);
    const accepted = (await processRes.json()) as ProcessAcceptedDto;
    const job = await finished(accepted.job.id);
    expect(job.status).toBe('completed');
    expect(job.counts).toEqual(
      expect.objectContaining({
        processed: 4,
        created_suppliers: 2,
        created_materials: 4,
        created_pos: 3,
        created_prices: 4,
        created_lines: 4,
      }),
    );
    expect(await blocks()).toEqual({ partitions: 2, taken: true });

    const seed = (await (await suite.http(`/data-ingestion/progress/${accepted.job.id}/`)).json()) as CeleryProgressDto;
    expect(seed).toEqual(
      expect.objectContaining({
        state: 'SUCCESS',
        current: 4,
        total: 4,
        error: null,
        result: expect.objectContaining({ status: 'success', processed: 4, created_pos: 3 }),
      }),
    );
    const noSlash = await suite.http(`/data-ingestion/progress/${accepted.job.id}`);
    expect(noSlash.status).toBe(200);

    const after = (await (await suite.http(`/api/v1/ingestion/uploads/${up.id}`)).json()) as UploadDto;
    expect(after.status).toBe('completed');
    expect(after.quality).toEqual(expect.objectContaining({ validShare: 1, duplicateRows: 0 }));
    const lines =
      await db.query(`SELECT po.po_number, l.line_no, p.part_number, l.quantity::text, l.unit_price::text, l.currency
                                  FROM ingestion.purchase_order_lines l JOIN ingestion.purchase_orders po ON po.id = l.purchase_order_id
                                  JOIN ingestion.products p ON p.id = l.product_id ORDER BY 1, 2`);
    expect(lines.rows).toEqual([
      {
        po_number: 'PO-1001',
        line_no: 1,
        part_number: 'BR-100',
        quantity: '4.0000',
        unit_price: '45.5000',
        currency: 'EUR',
      },
      {
        po_number: 'PO-1001',
        line_no: 2,
        part_number: 'BR-101',
        quantity: '8.0000',
        unit_price: '1234.0000',
        currency: 'EUR',
      },
      {
        po_number: 'PO-1002',
        line_no: 1,
        part_number: 'FI-200',
        quantity: '20.0000',
        unit_price: '6.1000',
        currency: 'USD',
      },
      {
        po_number: 'PO-1003',
        line_no: 1,
        part_number: 'FI-201',
        quantity: '10.0000',
        unit_price: '9.9000',
        currency: 'USD',
      },
    ]);
  });
  it("refuses files by size (413), type (415), emptiness (400) and a repeated upload (409 with the first upload's id) unless forced", async () => {
    const first = (await (
      await upload('repeat.csv', 'PO,SKU,Qty,Price,Supplier\nP-1,X-1,1,2,S\n')
    ).json()) as UploadDto;
    const again = await upload('repeat-renamed.csv', 'PO,SKU,Qty,Price,Supplier\nP-1,X-1,1,2,S\n');
    expect(again.status).toBe(409);
    const body = (await again.json()) as { error: string; message: string; details: Record<string, string[]> };
    expect(body.details.uploadId).toEqual([first.id]);
    expect(body.message).toMatch(/force=true/);
    const forced = await upload('repeat.csv', 'PO,SKU,Qty,Price,Supplier\nP-1,X-1,1,2,S\n', { force: 'true' });
    expect(forced.status).toBe(201);
    expect(((await forced.json()) as UploadDto).id).not.toBe(first.id);
    // Another tenant may upload the same file.
    expect((await upload('repeat.csv', 'PO,SKU,Qty,Price,Supplier\nP-1,X-1,1,2,S\n', {}, 'globex')).status).toBe(201);

    const tooBig = await upload('big.csv', `PO,SKU,Qty,Price,Supplier\n${'P-1,X-1,1,2,S\n'.repeat(MAX_BYTES / 10)}`);
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { message: string }).message).toMatch(
      new RegExp(`larger than ${MAX_BYTES} bytes`),
    );
    const pdf = await upload('scan.pdf', '%PDF-1.4');
    expect(pdf.status).toBe(415);
    expect(await pdf.json()).toEqual({
      error: 'unsupported_media_type',
      message: expect.stringMatching(/Only \.csv and \.xlsx/),
      details: { file: [expect.stringMatching(/Only/)] },
    });
    const fakeXlsx = await upload('book.xlsx', 'a,b\n1,2\n');
    expect(fakeXlsx.status).toBe(415);
    expect((await upload('empty.csv', '')).status).toBe(400);
    const noKind = new FormData();
    noKind.append('file', new Blob(['a,b\n']), 'x.csv');
    const missingKind = await suite.http('/api/v1/ingestion/uploads', { method: 'POST', body: noKind });
    expect(missingKind.status).toBe(400);
    expect(JSON.stringify(await missingKind.json())).toMatch(/kind must be procurement or products/);
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM ingestion.uploads WHERE file_name IN ('big.csv','scan.pdf','book.xlsx','empty.csv')`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('records each bad row with row, column, value and expectation, and serves the rejected rows as CSV', async () => {
    const csv = [
      'PO,Supplier,SKU,Qty,Price,Currency,Date',
      'V-1,Acme,A-1,1,10,EUR,2024-01-01',
      'V-1,Acme,A-2,ten,10,EUR,2024-01-01',
      'V-2,Acme,,1,-5,EUR,2024-13-01',
      'V-3,Acme,A-3,2,11,EUR,2024-01-02',
    ].join('\n');
    const up = (await (await upload('validation.csv', csv)).json()) as UploadDto;
    const accepted = (await (
      await suite.http(`/api/v1/ingestion/uploads/${up.id}/process`, { method: 'POST', json: {} })
    ).json()) as ProcessAcceptedDto;
    const job = await finished(accepted.job.id);
    expect(job.status).toBe('completed');
    expect(job.counts).toEqual(expect.objectContaining({ processed: 2, rejected_rows: 2 }));
    const after = (await (await suite.http(`/api/v1/ingestion/uploads/${up.id}`)).json()) as UploadDto;
    expect(after.problems).toEqual([
      {
        row: 3,
        column: 'Qty',
        field: 'quantity',
        value: 'ten',
        expected: 'a number greater than 0',
        severity: 'error',
      },
      {
        row: 4,
        column: 'SKU',
        field: 'part_number',
        value: '',
        expected: 'a part or material number',
        severity: 'error',
      },
      {
        row: 4,
        column: 'Price',
        field: 'unit_price',
        value: '-5',
        expected: expect.stringMatching(/^a price of 0 or more/),
        severity: 'error',
      },
      {
        row: 4,
        column: 'Date',
        field: 'order_date',
        value: '2024-13-01',
        expected: expect.stringMatching(/^a date/),
        severity: 'error',
      },
    ]);
    expect(after.errorsAvailable).toBe(true);
    expect(after.quality?.validShare).toBe(0.5);
    const report = await suite.http(`/api/v1/ingestion/uploads/${up.id}/errors.csv`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(report.headers.get('content-disposition')).toMatch(/validation-rejected-rows\.csv/);
    const lines = (await report.text()).trim().split('\n');
    expect(lines[0]).toBe('PO,Supplier,SKU,Qty,Price,Currency,Date,error');
    expect(lines[1]).toBe('V-1,Acme,A-2,ten,10,EUR,2024-01-01,"Qty: ""ten"" is not a number greater than 0"');
    expect(lines).toHaveLength(3);

    // The report, fixed, goes back in: its error column is ignored.
    const fixed = lines
      .map((l, i) =>
        i === 0 ? l : l.replace(',ten,', ',10,').replace(',,1,-5,', ',A-9,1,5,').replace('2024-13-01', '2024-12-01'),
      )
      .join('\n');
    const again = (await (await upload('validation-fixed.csv', fixed)).json()) as UploadDto;
    const rerun = (await (
      await suite.http(`/api/v1/ingestion/uploads/${again.id}/process`, { method: 'POST', json: {} })
    ).json()) as ProcessAcceptedDto;
    expect((await finished(rerun.job.id)).counts).toEqual(expect.objectContaining({ processed: 2, rejected_rows: 0 }));
  });

  it('fails past the error cap and leaves the catalog exactly as it was', async () => {
    const before = (
      await db.query(
        `SELECT (SELECT count(*) FROM ingestion.products)::int AS p, (SELECT count(*) FROM ingestion.purchase_order_lines)::int AS l, (SELECT count(*) FROM ingestion.outbox WHERE routing_key LIKE 'catalog.%')::int AS e`,
      )
    ).rows[0];
    const csv = [
      'PO,Supplier,SKU,Qty,Price',
      'C-1,Capco,C-NEW-1,1,1',
      'C-1,Capco,C-NEW-2,x,1',
      'C-1,Capco,C-NEW-3,y,1',
      'C-2,Capco,C-NEW-4,1,1',
    ].join('\n');
    const up = (await (await upload('cap.csv', csv)).json()) as UploadDto;
    const accepted = (await (
      await suite.http(`/api/v1/ingestion/uploads/${up.id}/process`, { method: 'POST', json: { maxErrors: 1 } })
    ).json()) as ProcessAcceptedDto;
    const job = await finished(accepted.job.id);
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({
      code: 'too_many_errors',
      message: expect.stringMatching(/More than 1 rows are invalid.*row 3, Qty: "x"/),
    });
    const after = (
      await db.query(
        `SELECT (SELECT count(*) FROM ingestion.products)::int AS p, (SELECT count(*) FROM ingestion.purchase_order_lines)::int AS l, (SELECT count(*) FROM ingestion.outbox WHERE routing_key LIKE 'catalog.%')::int AS e`,
      )
    ).rows[0];
    expect(after).toEqual(before);
    const view = (await (await suite.http(`/api/v1/ingestion/uploads/${up.id}`)).json()) as UploadDto;
    expect(view.status).toBe('failed');
    expect(view.error?.code).toBe('too_many_errors');
    expect(view.errorsAvailable).toBe(true);
    const seed = (await (await suite.http(`/data-ingestion/progress/${accepted.job.id}/`)).json()) as CeleryProgressDto;
    expect(seed.state).toBe('FAILURE');
    // Where it stopped, not a step that reads as if it were still running.
    expect(seed.status).toMatch(/^Failed during: /);
    expect(seed.error).toMatch(/More than 1 rows/);

    // With the default cap the same file imports its good rows.
    const ok = (await (
      await suite.http(`/api/v1/ingestion/uploads/${up.id}/process`, { method: 'POST', json: {} })
    ).json()) as ProcessAcceptedDto;
    expect((await finished(ok.job.id)).counts).toEqual(expect.objectContaining({ processed: 2, rejected_rows: 2 }));
  });

  it('counts rows that repeat a key of their order in the quality score: a part twice, or a numbered line twice (the last one wins)', async () => {
    const importCsv = async (name: string, csv: string) => {
      const up = (await (await upload(name, csv)).json()) as UploadDto;
      const accepted = (await (
        await suite.http(`/api/v1/ingestion/uploads/${up.id}/process`, { method: 'POST', json: {} })
      ).json()) as ProcessAcceptedDto;
      const job = await finished(accepted.job.id);
      expect(job.status).toBe('completed');
      return { job, upload: (await (await suite.http(`/api/v1/ingestion/uploads/${up.id}`)).json()) as UploadDto };
    };
    // Without line numbers the key is (order, part): D-1 holds part DUP-1 twice; D-2's DUP-1 is another order's.
    const parts = await importCsv(
      'dup-parts.csv',
      [
        'PO,Supplier,SKU,Qty,Price',
        'D-1,Dupco,DUP-1,1,10',
        'D-1,Dupco,DUP-1,2,10',
        'D-1,Dupco,DUP-2,1,10',
        'D-2,Dupco,DUP-1,1,10',
      ].join('\n'),
    );
    expect(parts.job.counts).toEqual(expect.objectContaining({ processed: 4, created_lines: 4 }));
    expect(parts.upload.quality).toEqual(expect.objectContaining({ duplicateRows: 1 }));
    // With line numbers the key is (order, line): the second E-1 line 1 replaces the first, which is reported.
    const numbered = await importCsv(
      'dup-lines.csv',
      [
        'PO,Line,Supplier,SKU,Qty,Price',
        'E-1,1,Eco,DUP-1,1,10',
        'E-1,1,Eco,DUP-2,1,11',
        'E-1,2,Eco,DUP-1,1,10',
        'E-2,1,Eco,DUP-2,1,10',
      ].join('\n'),
    );
    expect(numbered.job.counts).toEqual(expect.objectContaining({ processed: 3, created_lines: 3 }));
    expect(numbered.upload.quality).toEqual(expect.objectContaining({ duplicateRows: 1 }));
    expect(numbered.upload.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 2, value: 'E-1 line 1' })]),
    );
    const line = await db.query(
      `SELECT p.part_number FROM ingestion.purchase_order_lines l JOIN ingestion.purchase_orders po ON po.id = l.purchase_order_id
       JOIN ingestion.products p ON p.id = l.product_id WHERE po.po_number = 'E-1' AND l.line_no = 1`,
    );
    expect(line.rows).toEqual([{ part_number: 'DUP-2' }]);
  });

  it('re-imports procurement files: upsert updates lines of existing orders in their partition and adds new ones; insert keeps them', async () => {
    const run = async (name: string, csv: string, mode: 'insert' | 'upsert') => {
      const up = (await (await upload(name, csv)).json()) as UploadDto;
      const accepted = (await (
        await suite.http(`/api/v1/ingestion/uploads/${up.id}/process`, { method: 'POST', json: { mode } })
      ).json()) as ProcessAcceptedDto;
      const job = await finished(accepted.job.id);
      expect(job.status).toBe('completed');
      return job.counts;
    };
    const lines = async () =>
      (
        await db.query(
          `SELECT po.po_number, l.line_no, l.unit_price::text AS price, l.quantity::text AS qty, c.relname AS partition
           FROM ingestion.purchase_order_lines l JOIN ingestion.purchase_orders po ON po.id = l.purchase_order_id
           JOIN pg_class c ON c.oid = l.tableoid WHERE po.po_number LIKE 'U-%' ORDER BY 1, 2`,
        )
      ).rows;
    const header = 'PO,Line,Supplier,SKU,Qty,Price,Currency,Order Date';
    expect(
      await run(
        'u-first.csv',
        [
          header,
          'U-1,1,Upco,U-P1,1,10,EUR,2024-05-01',
          'U-1,2,Upco,U-P2,2,20,EUR,2024-05-01',
          'U-2,1,Upco,U-P1,3,10,EUR,2024-05-02',
        ].join('\n'),
        'insert',
      ),
    ).toEqual(expect.objectContaining({ created_pos: 2, created_lines: 2 + 1 }));
    const first = await lines();
    const block = first[0].partition as string;
    expect(block).toMatch(/^purchase_order_lines_b\d+$/);
    expect(first.every((l) => l.partition === block)).toBe(true);

    // Upsert: U-1 line 1 gets a new price, U-1 line 3 is new, U-2 line 1 is unchanged, U-3 is a new order.
    const second = [
      header,
      'U-1,1,Upco,U-P1,1,12,EUR,2024-05-01',
      'U-1,3,Upco,U-P3,5,30,EUR,2024-05-01',
      'U-2,1,Upco,U-P1,3,10,EUR,2024-05-02',
      'U-3,1,Upco,U-P2,1,21,EUR,2024-05-03',
    ];
    expect(await run('u-second.csv', second.join('\n'), 'upsert')).toEqual(
      expect.objectContaining({ created_pos: 1, updated_lines: 1, created_lines: 2 }),
    );
    const after = await lines();
    expect(after.map(({ po_number, line_no, price }) => [po_number, line_no, price])).toEqual([
      ['U-1', 1, '12.0000'],
      ['U-1', 2, '20.0000'],
      ['U-1', 3, '30.0000'],
      ['U-2', 1, '10.0000'],
      ['U-3', 1, '21.0000'],
    ]);
    // The lines of an order stay in its partition; the new order's went into a block of the second import.
    expect(after.filter((l) => l.po_number !== 'U-3').every((l) => l.partition === block)).toBe(true);
    expect(after.find((l) => l.po_number === 'U-3')!.partition).toMatch(/^purchase_order_lines_b\d+$/);
    expect(after.find((l) => l.po_number === 'U-3')!.partition).not.toBe(block);

    // Insert mode leaves existing lines as they are and adds only what is new.
    expect(
      await run(
        'u-third.csv',
        [header, 'U-1,1,Upco,U-P1,9,99,EUR,2024-05-01', 'U-1,4,Upco,U-P1,1,40,EUR,2024-05-01'].join('\n'),
        'insert',
      ),
    ).toEqual(expect.objectContaining({ created_pos: 0, created_lines: 1 }));
    const last = await lines();
    expect(last.filter((l) => l.po_number === 'U-1').map((l) => [l.line_no, l.price])).toEqual([
      [1, '12.0000'],
      [2, '20.0000'],
      [3, '30.0000'],
      [4, '40.0000'],
    ]);
  });

  it('re-imports files without line numbers by part: the fixed rejected rows are added, a changed part is added, nothing is overwritten', async () => {
    const run = async (name: string, csv: string, mode: 'insert' | 'upsert', fields: Record<string, string> = {}) => {
      const up = (await (await upload(name, csv, fields)).json()) as UploadDto;
      const accepted = (await (
        await suite.http(`/api/v1/ingestion/uploads/${up.id}/process`, { method: 'POST', json: { mode } })
      ).json()) as ProcessAcceptedDto;
      const job = await finished(accepted.job.id);
      expect(job.status).toBe('completed');
      return { counts: job.counts, upload: up };
    };
    const lines = async (po: string) =>
      (
        await db.query(
          `SELECT l.line_no, p.part_number, l.quantity::int AS qty, l.unit_price::text AS price
           FROM ingestion.purchase_order_lines l JOIN ingestion.purchase_orders po ON po.id = l.purchase_order_id
           JOIN ingestion.products p ON p.id = l.product_id WHERE po.po_number = $1 ORDER BY 1`,
          [po],
        )
      ).rows.map((r) => [r.line_no, r.part_number, r.qty, r.price]);
    const header = 'PO,Supplier,SKU,Qty,Price';
    // Two of W-1's four rows are rejected; the fixed report goes back in.
    const first = await run(
      'w-first.csv',
      [header, 'W-1,Wco,W-P1,1,10', 'W-1,Wco,W-P2,two,20', 'W-1,Wco,W-P3,3,30', 'W-1,Wco,W-P4,4,-1'].join('\n'),
      'insert',
    );
    expect(first.counts).toEqual(expect.objectContaining({ processed: 2, rejected_rows: 2, created_lines: 2 }));
    const report = (await (await suite.http(`/api/v1/ingestion/uploads/${first.upload.id}/errors.csv`)).text())
      .trim()
      .split('\n');
    const fixed = report.map((l, i) => (i === 0 ? l : l.replace(',two,', ',2,').replace(',-1,', ',40,'))).join('\n');
    const second = await run('w-fixed.csv', fixed, 'insert');
    expect(second.counts).toEqual(expect.objectContaining({ processed: 2, created_lines: 2, unchanged_lines: 0 }));
    expect(await lines('W-1')).toEqual([
      [1, 'W-P1', 1, '10.0000'],
      [3, 'W-P3', 3, '30.0000'],
      [4, 'W-P2', 2, '20.0000'],
      [5, 'W-P4', 4, '40.0000'],
    ]);
    // The same file again, in insert mode: every row finds its line, which is left as it is.
    expect((await run('w-again.csv', fixed, 'insert', { force: 'true' })).counts).toEqual(
      expect.objectContaining({ processed: 2, created_lines: 0, unchanged_lines: 2 }),
    );
    // Upsert: W-P1 is found by its part and updated; W-P5 is not on the order and is added, not written over a line;
    // W-P3 twice: the first row goes to its line, the second is added.
    const upsert = await run(
      'w-upsert.csv',
      [header, 'W-1,Wco,W-P5,5,50', 'W-1,Wco,W-P1,1,11', 'W-1,Wco,W-P3,3,30', 'W-1,Wco,W-P3,6,31'].join('\n'),
      'upsert',
    );
    expect(upsert.counts).toEqual(
      expect.objectContaining({ processed: 4, updated_lines: 1, unchanged_lines: 1, created_lines: 2 }),
    );
    expect(await lines('W-1')).toEqual([
      [1, 'W-P1', 1, '11.0000'],
      [3, 'W-P3', 3, '30.0000'],
      [4, 'W-P2', 2, '20.0000'],
      [5, 'W-P4', 4, '40.0000'],
      [6, 'W-P5', 5, '50.0000'],
      [7, 'W-P3', 6, '31.0000'],
    ]);
  });

  it('answers a preview 409 when an import holds its purchase orders longer than IMPORT_PREVIEW_LOCK_TIMEOUT_MS', async () => {
    const header = 'PO,Supplier,SKU,Qty,Price';
    const first = (await (
      await upload('lock-first.csv', [header, 'LK-1,Lockco,LK-P1,1,10'].join('\n'))
    ).json()) as UploadDto;
    const accepted = (await (
      await suite.http(`/api/v1/ingestion/uploads/${first.id}/process`, { method: 'POST', json: {} })
    ).json()) as ProcessAcceptedDto;
    expect((await finished(accepted.job.id)).status).toBe('completed');
    const again = (await (
      await upload('lock-again.csv', [header, 'LK-1,Lockco,LK-P2,1,10'].join('\n'))
    ).json()) as UploadDto;
    const holder = new pg.Client({ connectionString: suite.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(
        `SELECT 1 FROM ingestion.purchase_orders WHERE tenant_id = 'acme' AND po_number = 'LK-1' FOR UPDATE`,
      );
      const res = await suite.http(`/api/v1/ingestion/uploads/${again.id}/preview`, { method: 'POST', json: {} });
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({
        error: 'conflict',
        message: expect.stringMatching(/^An import is writing purchase orders of this file: preview it again/),
      });
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    // Once they are free, the preview answers.
    expect(
      (await suite.http(`/api/v1/ingestion/uploads/${again.id}/preview`, { method: 'POST', json: {} })).status,
    ).toBe(200);
  });

  it("uses an explicit mapping, saves it for a supplier and reuses it for the supplier's next file", async () => {
    const csv = ['Bestellnummer;Artikel;Menge;Preis', 'M-1;ART-1;3;2,50', 'M-2;ART-2;1;7,00'].join('\n');
    const up = (await (await upload('lieferant.csv', csv, { supplier_code: 'LIEF-1' })).json()) as UploadDto;
    const blind = (await (
      await suite.http(`/api/v1/ingestion/uploads/${up.id}/preview`, { method: 'POST', json: {} })
    ).json()) as PreviewDto;
    expect(blind.mapping.missingRequired).toEqual(['po_number', 'part_number', 'quantity', 'unit_price']);
    expect(blind.problems[0]).toEqual(expect.objectContaining({ row: 1, field: 'po_number', severity: 'error' }));

    const mapping = { po_number: 'Bestellnummer', part_number: 'Artikel', quantity: 'Menge', unit_price: 'Preis' };
    const saved = await suite.http('/api/v1/ingestion/mappings', {
      method: 'POST',
      json: { kind: 'procurement', supplierCode: 'LIEF-1', mapping },
    });
    expect(saved.status).toBe(200);
    const bad = await suite.http('/api/v1/ingestion/mappings', {
      method: 'POST',
      json: { kind: 'procurement', mapping: { colour: 'Farbe' } },
    });
    expect(bad.status).toBe(400);
    const list = (await (await suite.http('/api/v1/ingestion/mappings?kind=procurement')).json()) as {
      data: { supplierCode: string; mapping: object }[];
    };
    expect(list.data).toEqual([expect.objectContaining({ supplierCode: 'LIEF-1', mapping })]);

    const preview = (await (
      await suite.http(`/api/v1/ingestion/uploads/${up.id}/preview`, { method: 'POST', json: {} })
    ).json()) as PreviewDto;
    expect(preview.mapping.source).toEqual({
      po_number: 'saved',
      part_number: 'saved',
      quantity: 'saved',
      unit_price: 'saved',
    });
    expect(preview.counts).toEqual(expect.objectContaining({ processed: 2, created_suppliers: 1 }));
    expect(preview.sampleRows[0]).toEqual(expect.objectContaining({ supplier_code: 'LIEF-1', unit_price: '2.50' }));

    const override = (await (
      await suite.http(`/api/v1/ingestion/uploads/${up.id}/preview`, {
        method: 'POST',
        json: { mapping: { quantity: 'Preis', unit_price: 'Menge' } },
      })
    ).json()) as PreviewDto;
    expect(override.mapping.source).toEqual(expect.objectContaining({ quantity: 'explicit', unit_price: 'explicit' }));
    expect(override.sampleRows[0]).toEqual(expect.objectContaining({ quantity: '2.50', unit_price: '3' }));
  });

  it('imports a products master from .xlsx, updates it in upsert mode, and publishes catalog.products.changed in the same transaction', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Products');
    sheet.addRow(['SKU', 'Product Name', 'Brand', 'Category', 'Position']);
    sheet.addRow(['XL-1', 'Brake rotor', 'Brembo', 'Brakes', 'Front']);
    sheet.addRow(['XL-2', 'Wiper blade 22"', 'Bosch', 'Wipers', '']);
    sheet.addRow(['XL-3', 'Spark plug', 'NGK', 'Ignition', '']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const res = await upload('master.xlsx', xlsx, { kind: 'products' });
    expect(res.status).toBe(201);
    const up = (await res.json()) as UploadDto;
    expect(up.format).toBe('xlsx');
    const accepted = (await (
      await suite.http(`/api/v1/ingestion/uploads/${up.id}/process`, { method: 'POST', json: {} })
    ).json()) as ProcessAcceptedDto;
    const job = await finished(accepted.job.id);
    expect(job.status).toBe('completed');
    expect(job.counts).toEqual(expect.objectContaining({ processed: 3, created_materials: 3 }));
    const products = await db.query(
      `SELECT part_number, name, brand, category, attributes FROM ingestion.products WHERE part_number LIKE 'XL-%' ORDER BY 1`,
    );
    expect(products.rows[0]).toEqual({
      part_number: 'XL-1',
      name: 'Brake rotor',
      brand: 'Brembo',
      category: 'Brakes',
      attributes: { Position: 'Front' },
    });
    const events = await db.query(
      `SELECT payload FROM ingestion.outbox WHERE routing_key = 'catalog.products.changed.ingestion' AND payload->'data'->'source'->>'uploadId' = $1`,
      [up.id],
    );
    expect(events.rows).toHaveLength(1);
    const ids =
      products.rows.length &&
      (await db.query(`SELECT id FROM ingestion.products WHERE part_number LIKE 'XL-%' ORDER BY id`)).rows.map((r) =>
        Number(r.id),
      );
    expect(events.rows[0].payload.data).toEqual({
      kind: 'created',
      productIds: ids,
      source: { type: 'import', uploadId: up.id },
    });
    expect(events.rows[0].payload.tenantId).toBe('acme');

    // Upsert: one product renamed, one brand differs -> updated, conflicts recorded, an `updated` event.
    const book2 = new ExcelJS.Workbook();
    const s2 = book2.addWorksheet('Products');
    s2.addRow(['SKU', 'Product Name', 'Brand']);
    s2.addRow(['XL-1', 'Brake rotor', 'Brembo']);
    s2.addRow(['XL-2', 'Wiper blade 22"', 'Valeo']);
    const up2 = (await (
      await upload('master-2.xlsx', Buffer.from(await book2.xlsx.writeBuffer()), { kind: 'products', mode: 'upsert' })
    ).json()) as UploadDto;
    const acc2 = (await (
      await suite.http(`/api/v1/ingestion/uploads/${up2.id}/process`, { method: 'POST', json: {} })
    ).json()) as ProcessAcceptedDto;
    expect((await finished(acc2.job.id)).counts).toEqual(
      expect.objectContaining({ processed: 2, created_materials: 0, updated_materials: 1, conflicts: 1 }),
    );
    const upd = await db.query(
      `SELECT payload FROM ingestion.outbox WHERE payload->'data'->'source'->>'uploadId' = $1`,
      [up2.id],
    );
    expect(upd.rows.map((r) => r.payload.data.kind)).toEqual(['updated']);

    // The conflict: keep the catalog's old brand.
    const conflicts = (await (
      await suite.http(`/api/v1/ingestion/uploads/${up2.id}/conflicts`)
    ).json()) as ConflictPageDto;
    expect(conflicts.data).toEqual([
      expect.objectContaining({
        entity: 'product',
        key: 'XL-2',
        field: 'brand',
        existingValue: 'Bosch',
        incomingValue: 'Valeo',
        applied: 'incoming',
        status: 'open',
      }),
    ]);
    const resolved = await suite.http(`/api/v1/ingestion/conflicts/${conflicts.data[0].id}/resolve`, {
      method: 'POST',
      json: { resolution: 'keep_existing' },
    });
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toEqual(
      expect.objectContaining({ status: 'resolved', resolution: 'keep_existing', applied: 'existing' }),
    );
    expect((await db.query(`SELECT brand FROM ingestion.products WHERE part_number = 'XL-2'`)).rows[0].brand).toBe(
      'Bosch',
    );
    const twice = await suite.http(`/api/v1/ingestion/conflicts/${conflicts.data[0].id}/resolve`, {
      method: 'POST',
      json: { resolution: 'take_incoming' },
    });
    expect(twice.status).toBe(409);
  });

  it('lists conflicts of a procurement import: a supplier with another name and a price far from its history', async () => {
    const first = [
      'PO,Supplier Code,Supplier Name,SKU,Qty,Price,Date',
      'H-1,HIST-1,History Parts,H-PART,1,100,2024-01-01',
      'H-2,HIST-1,History Parts,H-PART,1,104,2024-02-01',
    ].join('\n');
    const a = (await (await upload('history.csv', first)).json()) as UploadDto;
    const accA = (await (
      await suite.http(`/api/v1/ingestion/uploads/${a.id}/process`, { method: 'POST', json: {} })
    ).json()) as ProcessAcceptedDto;
    await finished(accA.job.id);
    const second = [
      'PO,Supplier Code,Supplier Name,SKU,Qty,Price,Date',
      'H-3,HIST-1,History Parts GmbH,H-PART,1,250,2024-03-01',
    ].join('\n');
    const b = (await (await upload('history-2.csv', second)).json()) as UploadDto;
    const accB = (await (
      await suite.http(`/api/v1/ingestion/uploads/${b.id}/process`, { method: 'POST', json: {} })
    ).json()) as ProcessAcceptedDto;
    const job = await finished(accB.job.id);
    expect(job.counts).toEqual(expect.objectContaining({ conflicts: 2, created_prices: 1 }));
    const view = (await (await suite.http(`/api/v1/ingestion/uploads/${b.id}`)).json()) as UploadDto;
    expect(view.quality?.priceOutliers).toBe(1);
    const { data } = (await (
      await suite.http(`/api/v1/ingestion/uploads/${b.id}/conflicts`)
    ).json()) as ConflictPageDto;
    const byEntity = Object.fromEntries(data.map((c) => [c.entity, c]));
    expect(byEntity.supplier).toEqual(
      expect.objectContaining({
        key: 'HIST-1',
        existingValue: 'History Parts',
        incomingValue: 'History Parts GmbH',
        applied: 'existing',
      }),
    );
    expect(byEntity.price).toEqual(
      expect.objectContaining({ key: 'H-PART @ HIST-1', existingValue: '102.0000', incomingValue: '250.0000' }),
    );
    // take_incoming renames the supplier; keep_existing drops the outlier price from the history.
    await suite.http(`/api/v1/ingestion/conflicts/${byEntity.supplier.id}/resolve`, {
      method: 'POST',
      json: { resolution: 'take_incoming' },
    });
    await suite.http(`/api/v1/ingestion/conflicts/${byEntity.price.id}/resolve`, {
      method: 'POST',
      json: { resolution: 'keep_existing' },
    });
    expect((await db.query(`SELECT name FROM ingestion.suppliers WHERE code = 'HIST-1'`)).rows[0].name).toBe(
      'History Parts GmbH',
    );
    const prices = await db.query(
      `SELECT unit_price::float AS p FROM ingestion.price_history pr JOIN ingestion.products p ON p.id = pr.product_id WHERE p.part_number = 'H-PART' ORDER BY 1`,
    );
    expect(prices.rows.map((r) => r.p)).toEqual([100, 104]);
    // The line itself stays: the purchase order says what it says.
    const lines = await db.query(
      `SELECT l.unit_price::float AS p, l.price_excluded FROM ingestion.purchase_order_lines l JOIN ingestion.products p ON p.id = l.product_id WHERE p.part_number = 'H-PART' ORDER BY 1`,
    );
    expect(lines.rows).toEqual([
      { p: 100, price_excluded: false },
      { p: 104, price_excluded: false },
      { p: 250, price_excluded: true },
    ]);

    // One code, two names in one file: the alphabetically first is imported, the other's first row is reported.
    const named = [
      'PO,Supplier Code,Supplier Name,SKU,Qty,Price,Currency,Date',
      'N-1,NAME-1,Nameco Parts,N-PART,1,5,EUR,2024-01-01',
      'N-2,NAME-1,Nameco Ltd,N-PART,1,5,EUR,2024-01-01',
      'N-3,NAME-1, nameco ltd ,N-PART,1,5,EUR,2024-01-01',
    ];
    const n = (await (await upload('names.csv', named.join('\n'))).json()) as UploadDto;
    const accN = (await (
      await suite.http(`/api/v1/ingestion/uploads/${n.id}/process`, { method: 'POST', json: {} })
    ).json()) as ProcessAcceptedDto;
    expect((await finished(accN.job.id)).counts).toEqual(
      expect.objectContaining({ created_suppliers: 1, warning_rows: 1 }),
    );
    const viewN = (await (await suite.http(`/api/v1/ingestion/uploads/${n.id}`)).json()) as UploadDto;
    expect(viewN.warnings).toEqual([
      {
        row: 2,
        column: 'Supplier Name',
        field: 'supplier_name',
        value: 'Nameco Parts',
        expected: 'the name supplier NAME-1 has on other rows of the file ("Nameco Ltd", which is the one imported)',
        severity: 'warning',
      },
    ]);
    expect((await db.query(`SELECT name FROM ingestion.suppliers WHERE code = 'NAME-1'`)).rows[0].name).toBe(
      'Nameco Ltd',
    );
  });

  it('answers the seed progress endpoint for an unknown task with 404 and keeps tenants apart', async () => {
    const res = await suite.http(`/data-ingestion/progress/00000000-0000-4000-8000-000000000000/`);
    expect(res.status).toBe(404);
    const list = (await (await suite.http('/api/v1/ingestion/uploads?limit=100', { tenant: 'globex' })).json()) as {
      data: UploadDto[];
    };
    expect(list.data.map((u) => u.fileName)).toEqual(['repeat.csv']);
  });
  it('imports the demo catalog and the demo procurement file (what `npm start` loads) without rejected rows', async () => {
    for (const [file, kind] of [
      ['demo/catalog-products.csv', 'products'],
      ['demo/procurement-demo.csv', 'procurement'],
    ] as const) {
      if (!existsSync(file)) continue;
      const up = (await (
        await upload(path.basename(file), await readFile(file), { kind }, 'demo')
      ).json()) as UploadDto;
      const accepted = (await (
        await suite.http(`/api/v1/ingestion/uploads/${up.id}/process`, { method: 'POST', json: {}, tenant: 'demo' })
      ).json()) as ProcessAcceptedDto;
      const job = await finished(accepted.job.id, 'demo');
      expect(job.status).toBe('completed');
      expect(job.counts.rejected_rows).toBe(0);
      expect(job.counts.processed).toBeGreaterThan(100);
    }
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM ingestion.products WHERE tenant_id = 'demo' AND description ILIKE '%civic%'`,
    );
    if (existsSync('demo/catalog-products.csv')) expect(rows[0].n).toBeGreaterThan(0);
  });
});
