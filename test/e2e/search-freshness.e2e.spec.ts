// Freshness of the search index: bursts of change events coalesced into few batch jobs, an update racing a
// delete never resurrecting the product, and vehicles taken from approved fitments only.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AiFitmentJobCreatedDto, FitmentPageDto, ProductDto, SearchResultDto } from '@torque/contracts';
import pg from 'pg';
import { DocumentWriterService } from '../../apps/indexer-service/src/documents/document-writer.service.js';
import { ChangeBatchesService } from '../../apps/indexer-service/src/freshness/change-batches.service.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

const SEARCH = '/api/v1/search/products';

describe('search index freshness', () => {
  let suite: Suite;
  let db: pg.Client;

  const search = async (query: string): Promise<SearchResultDto> => {
    const res = await suite.http(`${SEARCH}?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as SearchResultDto;
  };
  const create = async (product: Record<string, unknown>): Promise<ProductDto> => {
    const res = await suite.http('/api/v1/catalog/products', { method: 'POST', json: product });
    expect(res.status).toBe(201);
    return (await res.json()) as ProductDto;
  };
  /** An event as the catalog's outbox would carry it; the relay publishes it at its next poll. */
  const announce = (event: string, tenant: string, productIds: number[]) =>
    db.query(
      `INSERT INTO ingestion.outbox (id, routing_key, payload)
       SELECT e.id, $1 || '.ingestion', jsonb_build_object('id', e.id, 'event', $1::text, 'service', 'ingestion',
              'tenantId', $2::text, 'correlationId', null, 'occurredAt', now(),
              'data', jsonb_build_object('kind', 'created', 'productIds', $3::jsonb, 'source', jsonb_build_object('type', 'manual')))
         FROM (SELECT gen_random_uuid() AS id) e`,
      [event, tenant, JSON.stringify(productIds)],
    );
  const updateJobs = async (tenant: string) =>
    (
      await db.query(`SELECT status, counts FROM indexer.jobs WHERE tenant_id = $1 AND type = 'indexer.update'`, [
        tenant,
      ])
    ).rows as { status: string; counts: { changes: number } }[];

  beforeAll(async () => {
    suite = await startSuite({
      services: ['ingestion', 'fitment', 'indexer'],
      serviceEnv: {
        // The sweep runs when the test calls it (its timer would race the test's calls).
        indexer: {
          INDEX_BURST_MIN_CHANGES: '50',
          INDEX_DEBOUNCE_MS: '6000',
          INDEX_MAX_WAIT_MS: '6000',
          INDEX_SWEEP_MS: '600000',
        },
      },
    });
    db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  it('coalesces a burst of change events into few batch jobs, each product indexed once per batch', async () => {
    const { rows } = await db.query(
      `INSERT INTO ingestion.products (tenant_id, part_number, name, category)
       SELECT 'burst', 'BU-' || i, 'Burst Spark Plug ' || i, 'Ignition' FROM generate_series(1, 2000) i RETURNING id`,
    );
    const ids = rows.map((r: { id: string }) => Number(r.id));
    // 100 events of 20 products, every product named twice (keep-latest takes it once per batch).
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < ids.length; i += 40)
        await announce('catalog.products.changed', 'burst', ids.slice(i, i + 40));
    const done = await eventually(
      async () => {
        const jobs = await updateJobs('burst');
        const indexed = await db.query(
          `SELECT count(*)::int AS n FROM indexer.search_documents WHERE tenant_id = 'burst'`,
        );
        return indexed.rows[0].n === 2000 && jobs.every((j) => j.status === 'completed') ? jobs : null;
      },
      30_000,
      200,
    );
    expect(done.length).toBeGreaterThanOrEqual(1);
    expect(done.length).toBeLessThanOrEqual(4);
    const taken = done.reduce((n, j) => n + j.counts.changes, 0);
    expect(taken).toBeGreaterThanOrEqual(2000);
    expect(taken).toBeLessThan(4000);
    const res = await suite.http(`${SEARCH}?q=BU-1999`, { tenant: 'burst' });
    expect(((await res.json()) as SearchResultDto).data[0].part_number).toBe('BU-1999');
  });

  it('indexes a hand edit during a burst at once (express job) while the burst stays debounced', async () => {
    const { rows } = await db.query(
      `INSERT INTO ingestion.products (tenant_id, part_number, name, category)
       SELECT 'express', 'EX-' || i, 'Express Fuel Filter ' || i, 'Fuel' FROM generate_series(1, 200) i RETURNING id`,
    );
    const ids = rows.map((r: { id: string }) => Number(r.id));
    await announce('catalog.products.changed', 'express', ids.slice(0, 100));
    await eventually(async () => (await updateJobs('express')).some((j) => j.status === 'completed'), 10_000);
    // The tenant is in a burst now: the next batch waits for the debounce window (6 s here).
    await announce('catalog.products.changed', 'express', ids.slice(100, 199));
    const started = Date.now();
    await announce('catalog.products.changed', 'express', [ids[199]]);
    const hit = await eventually(
      async () => {
        const res = await suite.http(`${SEARCH}?q=EX-200`, { tenant: 'express' });
        const r = (await res.json()) as SearchResultDto;
        return r.data[0]?.part_number === 'EX-200' ? Date.now() - started : null;
      },
      5000,
      50,
    );
    expect(hit).toBeLessThan(4000);
    // Hand edits one after another each get an express job (none waits for the burst behind a finishing one).
    for (const [n, id] of [ids[0], ids[1], ids[2]].entries()) {
      const word = `zqedit${n}x`;
      const edited = Date.now();
      await db.query(`UPDATE ingestion.products SET name = $2, updated_at = clock_timestamp() WHERE id = $1`, [
        id,
        `Express Fuel Filter ${word}`,
      ]);
      await announce('catalog.products.changed', 'express', [id]);
      const lag = await eventually(
        async () => {
          const res = await suite.http(`${SEARCH}?q=${word}`, { tenant: 'express' });
          const r = (await res.json()) as SearchResultDto;
          return r.data[0]?.product_id === id ? Date.now() - edited : null;
        },
        5000,
        50,
      );
      expect(lag).toBeLessThan(4000);
    }
    // The 99 products of the debounced batch are not searchable yet, and come with it.
    const indexed = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM indexer.search_documents WHERE tenant_id = 'express'`)).rows[0]
        .n as number;
    expect(await indexed()).toBe(101);
    await eventually(async () => (await indexed()) === 200, 15_000, 200);
  });

  it('handles each event once, whatever the redeliveries', async () => {
    const p = await create({ part_number: 'ONCE-1', name: 'Once Only Fuse' });
    await eventually(async () => (await search('q=ONCE-1')).data.length === 1, 5000, 20);
    const id = '6f9d3c1e-0c1b-4f4e-9a55-0d9b1e2f3a4b';
    const payload = {
      id,
      event: 'catalog.products.changed',
      service: 'ingestion',
      tenantId: 'acme',
      correlationId: null,
      occurredAt: new Date().toISOString(),
      data: { kind: 'updated', productIds: [p.id], source: { type: 'manual' } },
    };
    for (let i = 0; i < 3; i++)
      await db.query(`INSERT INTO ingestion.outbox (id, routing_key, payload) VALUES (gen_random_uuid(), $1, $2)`, [
        'catalog.products.changed.ingestion',
        payload,
      ]);
    await eventually(
      async () =>
        (await db.query(`SELECT count(*)::int AS n FROM ingestion.outbox WHERE published_at IS NULL`)).rows[0].n === 0,
    );
    await eventually(async () => {
      const r = await db.query(`SELECT count(*)::int AS n FROM indexer.inbox WHERE event_id = $1`, [id]);
      return r.rows[0].n === 1;
    });
  });

  it('sweeps up changes left without a job, once however many replicas sweep', async () => {
    const { rows } = await db.query(
      `INSERT INTO ingestion.products (tenant_id, part_number, name) VALUES ('sweep', 'SWP-1', 'Swept Wiper Arm') RETURNING id`,
    );
    // As a crash between an event's commit and its job's submission leaves it: a change, no batch.
    await db.query(
      `INSERT INTO indexer.pending_changes (tenant_id, product_id, first_changed_at) VALUES ('sweep', $1, now() - interval '1 hour')`,
      [rows[0].id],
    );
    const batches = suite.services.get('indexer')!.get(ChangeBatchesService);
    const swept = await Promise.all([batches.sweep(), batches.sweep()]);
    expect(swept[0] + swept[1]).toBe(1);
    await eventually(async () => {
      const res = await suite.http(`${SEARCH}?q=SWP-1`, { tenant: 'sweep' });
      return ((await res.json()) as SearchResultDto).data.length === 1;
    }, 5000);
    expect(await batches.sweep()).toBe(0);
  });

  it('never resurrects a deleted product, whichever of update and delete lands last', async () => {
    const indexer = suite.services.get('indexer')!;
    const writer = indexer.get(DocumentWriterService);
    const meta = { tenantId: 'acme', correlationId: 'race' };
    for (let round = 0; round < 10; round++) {
      const p = await create({ part_number: `RACE-${round}`, name: `Racing Relay ${round}` });
      await eventually(async () => (await search(`q=RACE-${round}`)).data.length === 1, 5000, 20);
      // Updates read before the delete, written concurrently with and after it; the delete through the catalog.
      const readBefore = new Date();
      const stale = { ...p, name: `Racing Relay ${round} (stale)`, updated_at: new Date().toISOString() };
      const del = suite.http(`/api/v1/catalog/products/${p.id}`, { method: 'DELETE' });
      const writes = Array.from({ length: 5 }, () => writer.index(meta, [stale], [], readBefore, 'live', 'update'));
      expect((await del).status).toBe(204);
      await Promise.all(writes);
      await eventually(async () => (await search(`q=RACE-${round}`)).data.length === 0, 5000, 20);
      await writer.index(meta, [stale], [], new Date(), 'live', 'update');
      const left = await db.query(
        `SELECT count(*)::int AS n FROM indexer.search_documents WHERE tenant_id = 'acme' AND product_id = $1`,
        [p.id],
      );
      expect(left.rows[0].n).toBe(0);
    }
  });

  it('keeps a later read when an earlier one is written last', async () => {
    const writer = suite.services.get('indexer')!.get(DocumentWriterService);
    const meta = { tenantId: 'acme', correlationId: 'order' };
    const p = await create({ part_number: 'ORD-1', name: 'Ordered Gasket' });
    await eventually(async () => (await search('q=ORD-1')).data.length === 1, 5000, 20);
    const later = new Date(Date.now() + 60_000);
    await writer.index(meta, [{ ...p, name: 'Ordered Gasket New' }], [], later, 'live', 'update');
    await writer.index(meta, [{ ...p, name: 'Ordered Gasket Old' }], [], new Date(), 'live', 'update');
    expect((await search('q=ORD-1')).data[0].name).toBe('Ordered Gasket New');
  });

  it('indexes the prices and suppliers a procurement import brings (catalog.prices.changed)', async () => {
    const existing = await create({ part_number: 'IMP-1', name: 'Imported Air Filter', category: 'Filters' });
    await eventually(async () => (await search('q=IMP-1')).data.length === 1, 5000, 20);
    const form = new FormData();
    form.append('kind', 'procurement');
    const csv = ['PO,Supplier,SKU,Qty,Price', 'PO-77,ACME,IMP-1,2,19.90', 'PO-78,GLOBEX,IMP-1,1,24.10'].join('\n');
    form.append('file', new Blob([csv]), 'prices.csv');
    const up = (await (await suite.http('/api/v1/ingestion/uploads', { method: 'POST', body: form })).json()) as {
      id: string;
    };
    const processed = await suite.http(`/api/v1/ingestion/uploads/${up.id}/process`, { method: 'POST', json: {} });
    expect(processed.status).toBeLessThan(300);
    const hit = await eventually(async () => {
      const r = await search('q=IMP-1&price_min=20');
      return r.data[0]?.price ? r.data[0] : null;
    }, 15_000);
    expect(hit.product_id).toBe(existing.id);
    expect(hit.price).toEqual({ min: '19.9000', max: '24.1000', currency: 'USD' });
    expect(hit.suppliers.map((x) => x.code)).toEqual(['ACME', 'GLOBEX']);
  });

  it('filters by vehicle from approved fitments only', async () => {
    const civic = await create({
      part_number: 'VF-100',
      name: 'Front Brake Pads',
      description: 'Ceramic front pads. Fits 2016-2018 Honda Civic.',
      category: 'Brake Pads',
    });
    const camry = await create({
      part_number: 'VF-200',
      name: 'Front Brake Pads HD',
      description: 'Fits 2015 Toyota Camry.',
      category: 'Brake Pads',
    });
    await eventually(
      async () => (await search('q=VF')).data.length >= 0 && (await search('q=vf-100')).data.length === 1,
    );
    const created = await suite.http('/api/data-uploads/ai-fitment-jobs/', {
      method: 'POST',
      json: { product_ids: [civic.id, camry.id], job_type: 'selection' },
    });
    expect(created.status).toBeLessThan(300);
    const { job_id } = (await created.json()) as AiFitmentJobCreatedDto;
    const fitments = await eventually(async () => {
      const res = await suite.http(`/api/v1/fitment/fitments?job_id=${job_id}&limit=100`);
      const page = (await res.json()) as FitmentPageDto;
      return page.data.length >= 2 && page.data.some((f) => f.make === 'Honda') ? page.data : null;
    }, 20_000);
    // Pending fitments are not vehicles of the product.
    await eventually(async () => (await search('q=brake%20pads')).meta.total >= 2);
    expect((await search('q=brake%20pads&make=honda')).data).toEqual([]);

    const hondaIds = fitments.filter((f) => f.make === 'Honda').map((f) => f.id);
    const approve = await suite.http('/api/v1/fitment/fitments/review', {
      method: 'POST',
      json: { action: 'approve', fitment_ids: hondaIds },
    });
    expect(approve.status).toBe(200);
    const found = await eventually(async () => {
      const r = await search('q=brake%20pads&year=2016&make=Honda&model=civic');
      return r.data.length === 1 ? r : null;
    }, 10_000);
    expect(found.data[0].product_id).toBe(civic.id);
    expect(found.data[0].vehicles.some((v) => v.make === 'Honda' && v.year === 2016)).toBe(true);
    expect(found.facets.make).toEqual([{ value: 'Honda', count: 1 }]);
    expect((await search('q=brake%20pads&year=2010&make=Honda')).data).toEqual([]);
    expect((await search('q=brake%20pads&make=toyota')).data).toEqual([]);
    // "brake pads for a 2016 civic": the vehicle's words are in the document too.
    expect((await search(`q=${encodeURIComponent('brake pads for a 2016 civic')}`)).data[0].product_id).toBe(civic.id);

    const reject = await suite.http('/api/v1/fitment/fitments/review', {
      method: 'POST',
      json: { action: 'reject', fitment_ids: hondaIds },
    });
    expect(reject.status).toBe(200);
    await eventually(async () => (await search('q=brake%20pads&make=Honda')).data.length === 0, 10_000);
  });
});
