// ACES-style XML and CSV exports of approved fitments through the gateway: a full file, then a net change
// since it (adds and deletes, edits as delete + add), a large export run as a job, and the XML parsed and
// its structure checked (Header, one App per application with action and catalog ids, Footer).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AiFitmentJobCreatedDto,
  AiFitmentJobDto,
  FitmentDto,
  FitmentExportDto,
  FitmentPageDto,
  ProductDto,
} from '@torque/contracts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import pg from 'pg';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const FITMENTS = '/api/v1/fitment/fitments';
const EXPORTS = '/api/v1/fitment/exports';
const INLINE_MAX = 10;

interface AcesApp {
  '@_action': 'A' | 'D';
  '@_id': string;
  BaseVehicle: { '@_id': string };
  SubModel?: { '@_id': string };
  EngineBase?: { '@_id': string };
  Note?: string[];
  Qty: number;
  PartType?: { '@_id': string };
  Position?: { '@_id': string };
  Part: string | number;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => name === 'App' || name === 'Note',
  parseTagValue: true,
});

describe('ACES export', () => {
  let suite: Suite;
  let db: pg.Client;
  let jobId = '';

  const exportOf = async (body: Record<string, unknown>, tenant = 'acme') => {
    const res = await suite.http(EXPORTS, { method: 'POST', json: body, tenant });
    return { status: res.status, body: (await res.json()) as FitmentExportDto & { error?: string } };
  };
  const download = async (e: FitmentExportDto) => {
    const res = await suite.http(e.download_url!);
    expect(res.status).toBe(200);
    return {
      text: await res.text(),
      type: res.headers.get('content-type'),
      disposition: res.headers.get('content-disposition'),
    };
  };
  const apps = (xml: string): { doc: any; apps: AcesApp[] } => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    return { doc, apps: doc.ACES.App ?? [] };
  };
  const fitments = async (query: string) =>
    ((await (await suite.http(`${FITMENTS}?job_id=${jobId}&limit=200&${query}`)).json()) as FitmentPageDto).data;
  const review = (action: 'approve' | 'reject', ids: string[]) =>
    suite.http(`${FITMENTS}/review`, { method: 'POST', json: { action, fitment_ids: ids } });

  beforeAll(async () => {
    process.env.FITMENT_EXPORT_INLINE_MAX = String(INLINE_MAX);
    suite = await startSuite({ services: ['fitment', 'ingestion'] });
    db = new pg.Client({ connectionString: suite.db.url, options: '-c search_path=fitment' });
    await db.connect();
    const ids: number[] = [];
    for (const p of [
      {
        part_number: 'R&D-1',
        name: 'Front Brake Rotor',
        description: 'Fits 2018-2019 Honda Civic LX, EX',
        category: 'Brake Rotors',
        attributes: { position: 'Front' },
      },
      {
        part_number: 'PAD-2',
        name: 'Rear Brake Pad Set',
        description: 'For 2010-2024 Ford F-150',
        category: 'Brake Pads',
        attributes: { position: 'Rear', qty: 2 },
      },
    ]) {
      const res = await suite.http('/api/v1/catalog/products', { method: 'POST', json: p });
      ids.push(((await res.json()) as ProductDto).id);
    }
    const res = await suite.http('/api/data-uploads/ai-fitment-jobs/', {
      method: 'POST',
      json: { product_ids: ids, job_type: 'selection' },
    });
    jobId = ((await res.json()) as AiFitmentJobCreatedDto).job_id;
    await eventually(
      async () =>
        ((await (await suite.http(`/api/data-uploads/ai-fitment-jobs/${jobId}/`)).json()) as AiFitmentJobDto).status ===
        'review_required',
      15_000,
    );
  });
  afterAll(async () => {
    delete process.env.FITMENT_EXPORT_INLINE_MAX;
    await db?.end();
    await suite?.close();
  });

  let full: FitmentExportDto;
  let approved: FitmentDto[] = [];

  it('refuses a net change when there is nothing to compare with', async () => {
    const { status, body } = await exportOf({ submission_type: 'NET_CHANGE' });
    expect(status).toBe(409);
    expect(body.error).toBe('conflict');
  });

  it('exports the approved fitments as a full ACES file whose structure checks out', async () => {
    const civic = await fitments('model=Civic');
    expect(civic).toHaveLength(4);
    approved = civic;
    expect(
      (
        await review(
          'approve',
          civic.map((f) => f.id),
        )
      ).status,
    ).toBe(200);
    const { status, body } = await exportOf({
      format: 'aces',
      sender_name: 'Jane Parts',
      company: 'Acme <Auto> Parts',
      brand_aaiaid: 'ABCD',
    });
    expect(status).toBe(201);
    expect(body).toEqual(
      expect.objectContaining({
        status: 'completed',
        submission_type: 'FULL',
        fitment_count: 4,
        add_count: 4,
        delete_count: 0,
        job_id: null,
      }),
    );
    full = body;

    const { text, type, disposition } = await download(body);
    expect(type).toMatch(/^application\/xml/);
    expect(disposition).toMatch(/attachment; filename="aces-acme-\d{8}-FULL-.*\.xml"/);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const { doc, apps: list } = apps(text);
    expect(doc.ACES['@_version']).toBe('4.2');
    expect(doc.ACES.Header).toEqual(
      expect.objectContaining({
        Company: 'Acme <Auto> Parts',
        SenderName: 'Jane Parts',
        BrandAAIAID: 'ABCD',
        SubmissionType: 'FULL',
        TransferDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    );
    expect(doc.ACES.Footer.RecordCount).toBe(4);
    expect(list.map((a) => a['@_id'])).toEqual(['1', '2', '3', '4']);
    for (const app of list) {
      expect(app['@_action']).toBe('A');
      expect(String(app.Part)).toBe('R&D-1');
      expect(app.Qty).toBe(1);
      expect(app.PartType).toEqual({ '@_id': '1896' });
      expect(app.Position).toEqual({ '@_id': '22' });
      const base = await db.query(
        `SELECT b.year, m.name FROM base_vehicles b JOIN models m ON m.id = b.model_id WHERE b.id = $1`,
        [Number(app.BaseVehicle['@_id'])],
      );
      expect(base.rows[0].name).toBe('Civic');
      expect(await db.query(`SELECT 1 FROM submodels WHERE id = $1`, [Number(app.SubModel!['@_id'])])).toHaveProperty(
        'rowCount',
        1,
      );
    }
    // element order of an ACES App
    const order = [...text.matchAll(/<App [^>]*>([\s\S]*?)<\/App>/g)][0][1].match(/<(\w+)/g)!.map((t) => t.slice(1));
    expect(order.filter((t) => t !== 'Note')).toEqual(
      ['BaseVehicle', 'SubModel', 'EngineBase', 'Qty', 'PartType', 'Position', 'Part'].filter((t) => order.includes(t)),
    );
  });

  it('exports a net change since the full file: new and changed applications as A, removed and changed as D', async () => {
    const [gone, edited] = approved;
    expect((await review('reject', [gone.id])).status).toBe(200);
    const current = (await (await suite.http(`${FITMENTS}/${edited.id}`)).json()) as FitmentDto;
    expect(
      (
        await suite.http(`${FITMENTS}/${edited.id}`, {
          method: 'PATCH',
          json: { revision: current.revision, qty: 2, notes: 'Vented' },
        })
      ).status,
    ).toBe(200);
    const f150 = (await fitments('make=Ford&year=2015'))[0];
    expect((await review('approve', [f150.id])).status).toBe(200);

    const { status, body } = await exportOf({ submission_type: 'NET_CHANGE' });
    expect(status).toBe(201);
    expect(body).toEqual(
      expect.objectContaining({ since_export_id: full.id, fitment_count: 4, add_count: 2, delete_count: 2 }),
    );
    const { doc, apps: list } = apps((await download(body)).text);
    expect(doc.ACES.Header.SubmissionType).toBe('NET CHANGES');
    const summary = list.map(
      (a) => `${a['@_action']} ${a.Part} ${a.BaseVehicle['@_id']} qty=${a.Qty}${a.Note ? ` ${a.Note.join('|')}` : ''}`,
    );
    expect(summary).toEqual(
      expect.arrayContaining([
        `D R&D-1 ${gone.base_vehicle_id} qty=1`,
        `D R&D-1 ${edited.base_vehicle_id} qty=1`,
        `A R&D-1 ${edited.base_vehicle_id} qty=2 Vented`,
        `A PAD-2 ${f150.base_vehicle_id} qty=2`,
      ]),
    );
    expect(list).toHaveLength(4);
    expect(list.findIndex((a) => a['@_action'] === 'A')).toBe(2);

    // nothing changed since: an empty net change
    const empty = await exportOf({ submission_type: 'NET_CHANGE', since_export_id: body.id });
    expect(empty.body).toEqual(expect.objectContaining({ add_count: 0, delete_count: 0, fitment_count: 4 }));
    expect(apps((await download(empty.body)).text).apps).toEqual([]);
  });

  it('exports flat CSV', async () => {
    const { body } = await exportOf({ format: 'csv' });
    const { text, type } = await download(body);
    expect(type).toMatch(/^text\/csv/);
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe(
      'action,part_number,part_type,year,make,model,submodel,engine,qty,position,notes,base_vehicle_id,submodel_id,engine_id',
    );
    expect(lines).toHaveLength(1 + 4);
    expect(lines.some((l) => l.startsWith('A,PAD-2,Brake Pads,2015,Ford,F-150,,,2,Rear,,'))).toBe(true);
  });

  it('runs a large export as a job', async () => {
    await suite.http(`${FITMENTS}/review`, {
      method: 'POST',
      json: { action: 'approve', filter: { job_id: jobId, make: 'Ford' } },
    });
    const approvedNow = (
      await db.query(`SELECT count(*)::int AS n FROM fitments WHERE tenant_id = 'acme' AND status = 'approved'`)
    ).rows[0].n;
    expect(approvedNow).toBeGreaterThan(INLINE_MAX);
    const { status, body } = await exportOf({ format: 'aces' });
    expect(status).toBe(202);
    expect(body.status).toMatch(/queued|processing/);
    expect(body.job_id).toEqual(expect.any(String));
    const done = await eventually(async () => {
      const e = (await (await suite.http(`${EXPORTS}/${body.id}`)).json()) as FitmentExportDto;
      return e.status === 'completed' ? e : null;
    }, 15_000);
    expect(done.fitment_count).toBe(approvedNow);
    expect(apps((await download(done)).text).apps).toHaveLength(approvedNow);
    const job = await (await suite.http(`/api/v1/jobs/${body.job_id}`)).json();
    expect(job).toEqual(expect.objectContaining({ type: 'fitment.export', status: 'completed' }));
    const page = (await (await suite.http(EXPORTS)).json()) as { meta: { total: number } };
    expect(page.meta.total).toBe(5);
  });
});
