// Admin import of a VCdb-style vehicle CSV through the gateway: new makes/models/years and an extra
// submodel get catalog ids, bad rows are reported with line and column, only admins may import, a second
// import of the same file creates nothing, and the fitment engine sees the new vehicles at once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AiFitmentJobCreatedDto,
  AiFitmentJobDto,
  ErrorEnvelopeDto,
  JobFitmentsDto,
  ProductDto,
  VehicleImportResultDto,
  VehiclePageDto,
} from '@torque/contracts';
import pg from 'pg';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const IMPORT = '/api/v1/fitment/vehicles/import';
const JOBS = '/api/data-uploads/ai-fitment-jobs';

const CSV = [
  'year,make,model,submodel,engine',
  '2022,Vantor,Kestrel,Base,Electric',
  '2023,Vantor,Kestrel,Base,Electric',
  '2023,Vantor,Kestrel,Performance,1.6L I3 Turbo',
  '2024,Vantor,Kestrel,Base,Electric',
  '2024,Vantor,Quillback,,2.0L I4',
  '2020,Honda,Civic,Torque Edition,2.0L I4',
  '20x4,Vantor,Kestrel,Base,Electric',
  '2023,,Kestrel,Base,Electric',
  '2021,honda,civic,LX,2.0L I4',
  '',
].join('\n');

describe('vehicle catalog import', () => {
  let suite: Suite;
  let db: pg.Client;

  async function importCsv(csv: string, roles?: string[], name = 'vehicles.csv') {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), name);
    const res = await suite.http(IMPORT, { method: 'POST', body: form, roles });
    return { status: res.status, body: (await res.json()) as any };
  }
  async function search(query: string): Promise<VehiclePageDto> {
    const res = await suite.http(`/api/v1/fitment/vehicles?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as VehiclePageDto;
  }

  beforeAll(async () => {
    suite = await startSuite({ services: ['fitment', 'ingestion'] });
    db = new pg.Client({ connectionString: suite.db.url, options: '-c search_path=fitment' });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  it('refuses callers without the admin role (403)', async () => {
    const { status, body } = await importCsv(CSV, ['reviewer', 'operator']);
    expect(status).toBe(403);
    expect((body as ErrorEnvelopeDto).error).toBe('forbidden');
    expect((await db.query(`SELECT count(*)::int AS n FROM makes WHERE name = 'Vantor'`)).rows[0].n).toBe(0);
  });

  it('imports new makes, models, years and an extra submodel with catalog ids, and reports bad rows', async () => {
    const before = (await db.query(`SELECT max(id)::int AS id FROM makes`)).rows[0].id as number;
    const civicSubmodels = (await db.query(`SELECT max(id)::int AS id FROM submodels`)).rows[0].id as number;
    const { status, body } = await importCsv(CSV);
    expect(status).toBe(200);
    const result = body as VehicleImportResultDto;
    expect(result).toEqual(
      expect.objectContaining({
        rows: 9,
        rows_imported: 7,
        rows_rejected: 2,
        makes_created: 1,
        models_created: 2,
        base_vehicles_created: 4,
        submodels_created: 1, // Torque Edition (Performance and Base exist)
        engines_created: 1, // 1.6L I3 Turbo
        vehicles_created: 6,
      }),
    );
    expect(result.errors).toEqual([
      { row: 8, column: 'year', value: '20x4', expected: expect.stringContaining('1900 and 2100') },
      { row: 9, column: 'make', value: '', expected: expect.any(String) },
    ]);

    const make = (await db.query(`SELECT id FROM makes WHERE name = 'Vantor'`)).rows[0].id as number;
    expect(make).toBe(before + 1);
    const models = (await db.query(`SELECT id, name FROM models WHERE make_id = $1 ORDER BY id`, [make])).rows;
    expect(models).toEqual([
      { id: make * 100 + 1, name: 'Kestrel' },
      { id: make * 100 + 2, name: 'Quillback' },
    ]);
    const bases = (await db.query(`SELECT id FROM base_vehicles WHERE make_id = $1 ORDER BY id`, [make])).rows.map(
      (r) => r.id,
    );
    expect(bases).toEqual([
      (make * 100 + 1) * 10000 + 2022,
      (make * 100 + 1) * 10000 + 2023,
      (make * 100 + 1) * 10000 + 2024,
      (make * 100 + 2) * 10000 + 2024,
    ]);
    const torque = (await db.query(`SELECT id FROM submodels WHERE name = 'Torque Edition'`)).rows[0].id as number;
    expect(torque).toBeGreaterThan(civicSubmodels);
  });

  it('the vehicle routes find what was imported', async () => {
    const kestrel = await search('make=vantor&model=kestrel');
    expect(kestrel.meta.total).toBe(4);
    expect(kestrel.data.map((v) => `${v.year} ${v.submodel} ${v.engine}`)).toEqual([
      '2022 Base Electric',
      '2023 Base Electric',
      '2023 Performance 1.6L I3 Turbo',
      '2024 Base Electric',
    ]);
    const quill = await search('make=Vantor&model=Quillback');
    expect(quill.data).toEqual([expect.objectContaining({ year: 2024, submodel: 'Base', engine: '2.0L I4' })]);
    const civic = await search('year=2020&make=Honda&model=Civic&submodel=Torque%20Edition');
    expect(civic.data).toEqual([
      expect.objectContaining({ make_id: 11, model_id: 1101, base_vehicle_id: 11012020, engine: '2.0L I4' }),
    ]);
    const makes = (await (await suite.http('/api/v1/fitment/vehicles/makes?q=vant')).json()) as {
      data: Array<{ name: string; model_count: number }>;
    };
    expect(makes.data).toEqual([expect.objectContaining({ name: 'Vantor', model_count: 2 })]);
  });

  it('a second import of the same file creates nothing', async () => {
    const { status, body } = await importCsv(CSV);
    expect(status).toBe(200);
    expect(body).toEqual(
      expect.objectContaining({
        rows: 9,
        rows_imported: 7,
        makes_created: 0,
        models_created: 0,
        base_vehicles_created: 0,
        submodels_created: 0,
        engines_created: 0,
        vehicles_created: 0,
      }),
    );
    expect((await search('make=vantor')).meta.total).toBe(5);
  });

  it('a file with no good row is 400 with the rows named; a file without the header is 400; too large is 413', async () => {
    let { status, body } = await importCsv('year,make,model,submodel,engine\n1850,Vantor,Kestrel,,\n2024,Vantor,,,\n');
    expect(status).toBe(400);
    expect((body as ErrorEnvelopeDto).details).toEqual({
      'row 2': [expect.stringMatching(/^year "1850"/)],
      'row 3': [expect.stringMatching(/^model ""/)],
    });
    ({ status, body } = await importCsv('vehicle,description\nx,y\n'));
    expect(status).toBe(400);
    expect((body as ErrorEnvelopeDto).details?.file?.[0]).toMatch(/header/);
    ({ status } = await importCsv('x', undefined, 'vehicles.xlsx'));
    expect(status).toBe(415);
    const big = `year,make,model,submodel,engine\n${'2024,Vantor,Kestrel,Base,Electric\n'.repeat(130_000)}`;
    expect(big.length).toBeGreaterThan(4 * 1024 * 1024);
    ({ status, body } = await importCsv(big));
    expect(status).toBe(413);
    expect((body as ErrorEnvelopeDto).error).toBe('payload_too_large');
  });

  it('a fitment job finds the imported vehicle (the engine was rebuilt)', async () => {
    const res = await suite.http('/api/v1/catalog/products', {
      method: 'POST',
      json: {
        part_number: 'VK-1',
        name: 'Cabin Air Filter',
        description: 'Fits 2022-2024 Vantor Kestrel',
        category: 'Cabin Air Filters',
      },
    });
    expect(res.status).toBe(201);
    const productId = ((await res.json()) as ProductDto).id;
    const created = await suite.http(`${JOBS}/`, {
      method: 'POST',
      json: { product_ids: [productId], job_type: 'selection' },
    });
    const { job_id } = (await created.json()) as AiFitmentJobCreatedDto;
    await eventually(async () => {
      const job = (await (await suite.http(`${JOBS}/${job_id}/`)).json()) as AiFitmentJobDto;
      return ['review_required', 'completed', 'failed'].includes(job.status);
    }, 15_000);
    const fitments = (await (await suite.http(`${JOBS}/${job_id}/fitments/`)).json()) as JobFitmentsDto;
    const kestrel = fitments.fitments.filter((f) => f.make === 'Vantor' && f.model === 'Kestrel');
    expect(kestrel.map((f) => f.year).sort()).toEqual([2022, 2023, 2024]);
  });
});
