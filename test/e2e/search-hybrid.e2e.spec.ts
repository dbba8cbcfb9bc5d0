// Hybrid search through the gateway with the local embedder (USE Lite): products created through the gateway are
// indexed lexically at once, an `indexer.embed` job gives them vectors afterwards, and a query sharing no word
// with a product finds it by meaning, fused with the lexical ranking. Filters apply to semantic hits, and
// semantic hits never cross tenants. (The rest of the e2e suite runs with EMBEDDINGS_PROVIDER=none.)
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { JobPageDto, ProductDto } from '@torque/contracts';
import pg from 'pg';
import { ids, PRODUCTS, q, SEARCH, searchClient } from '../support/search-client.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

jest.setTimeout(180_000);

const QUERY = 'battery powered screwdriver';

describe('hybrid (lexical + semantic) product search', () => {
  let suite: Suite;

  const { create, search } = searchClient(() => suite);
  /** The tenant's embed jobs once none is queued or running and one completed. */
  const embedded = (tenant: string) =>
    eventually(
      async () => {
        const res = await suite.http(`/api/v1/jobs?service=indexer&type=indexer.embed&limit=100`, { tenant });
        const page = (await res.json()) as JobPageDto;
        const open = page.data.some((j) => j.status === 'queued' || j.status === 'processing');
        return !open && page.data.some((j) => j.status === 'completed') && page.data;
      },
      120_000,
      200,
    );

  let drill: ProductDto;
  let impact: ProductDto;
  let pads: ProductDto;
  let wrench: ProductDto;
  let wiper: ProductDto;

  beforeAll(async () => {
    suite = await startSuite({
      services: ['ingestion', 'fitment', 'indexer'],
      serviceEnv: { indexer: { EMBEDDINGS_PROVIDER: 'local', EMBEDDINGS_QUERY_TIMEOUT_MS: '5000' } },
    });
    drill = await create({
      part_number: 'DD-18',
      name: 'Cordless Drill/Driver 18V',
      description: 'Lithium-ion pack, two-speed gearbox, keyless chuck.',
      brand: 'Makita',
      category: 'Power Tools',
    });
    impact = await create({
      part_number: 'ID-20',
      name: 'Cordless Impact Driver 20V',
      description: 'Brushless motor, quarter-inch hex chuck.',
      brand: 'DeWalt',
      category: 'Power Tools',
    });
    pads = await create({
      part_number: 'CP-200',
      name: 'Ceramic Brake Pads',
      description: 'Low-dust ceramic compound for quiet stops.',
      brand: 'Bosch',
      category: 'Brake Pads',
    });
    wiper = await create({
      part_number: 'WB-22',
      name: 'Wiper Blade 22 in',
      description: 'All-season beam blade.',
      brand: 'Bosch',
      category: 'Wipers',
    });
    wrench = await create(
      {
        part_number: 'RW-12',
        name: 'Ratchet Wrench Set',
        description: 'Twelve metric sockets, quick-release ratchet.',
        brand: 'Tekton',
        category: 'Hand Tools',
      },
      'globex',
    );
    // lexical first: searchable by part number well before any vector exists
    await eventually(async () => ids(await search(q('DD-18'))).includes(drill.id), 15_000);
    await eventually(async () => ids(await search(q('RW-12'), 'globex')).includes(wrench.id), 15_000);
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('embeds the documents in an indexer.embed job after the update batch', async () => {
    const jobs = await embedded('acme');
    const done = jobs.filter((j) => j.status === 'completed');
    const total = done.reduce((n, j) => n + (j.counts.embedded ?? 0), 0);
    expect(total).toBe(4);
    expect(jobs.every((j) => j.tenant === 'acme')).toBe(true);
    await embedded('globex');
  });

  it('finds the cordless drill/driver for "battery powered screwdriver", which shares no word with it', async () => {
    await embedded('acme');
    const r = await eventually(async () => {
      const found = await search(q(QUERY));
      return ids(found).includes(drill.id) && found;
    }, 15_000);
    // lexical alone does not find it: it is a semantic-only hit, ranked on the first page
    const hit = r.data.find((h) => h.product_id === drill.id)!;
    expect(hit.match).toBe('semantic');
    expect(ids(r).indexOf(drill.id)).toBeLessThan(3);
    expect(ids(r)).not.toContain(pads.id);
    // the lexical path still ranks part numbers first
    expect(ids(await search(q('DD-18')))[0]).toBe(drill.id);
  });

  it('answers each mode: lexical without meaning, semantic without words, hybrid with both', async () => {
    await embedded('acme');
    await eventually(async () => ids(await search(q(QUERY))).includes(drill.id), 15_000);
    const lexical = await search(q(QUERY, '&mode=lexical'));
    expect(ids(lexical)).not.toContain(drill.id);
    expect(lexical.data.every((h) => h.match !== 'semantic')).toBe(true);
    const semantic = await search(q(QUERY, '&mode=semantic'));
    expect(ids(semantic).slice(0, 2)).toContain(drill.id);
    expect(ids(semantic)).not.toContain(pads.id);
    expect(semantic.data.every((h) => h.match === 'semantic')).toBe(true);
    expect(semantic.meta.total).toBe(semantic.data.length);
    expect(semantic.facets.brand.map((f) => f.value)).toContain('Makita');
    // lexical mode still ranks part numbers first
    expect(ids(await search(q('DD-18', '&mode=lexical')))[0]).toBe(drill.id);
    const bad = await suite.http(`${SEARCH}?${q(QUERY, '&mode=vector')}`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('mode');
  });

  it('applies filters to semantic hits', async () => {
    await embedded('acme');
    const makita = await eventually(async () => {
      const found = await search(q(QUERY, '&brand=Makita'));
      return ids(found).includes(drill.id) && found;
    }, 15_000);
    expect(makita.data.every((h) => h.brand === 'Makita')).toBe(true);
    expect(ids(makita)).not.toContain(impact.id);
    const bosch = await search(q(QUERY, '&brand=Bosch'));
    expect(ids(bosch)).not.toContain(drill.id);
    expect(ids(bosch)).not.toContain(impact.id);
  });

  it("never answers another tenant's products by meaning", async () => {
    await embedded('globex');
    const acmeIds = new Set([drill.id, impact.id, pads.id]);
    const r = await search(q(QUERY), 'globex');
    expect(ids(r).filter((id) => acmeIds.has(id))).toEqual([]);
    expect(ids(await search(q('ratchet tool'))).includes(wrench.id)).toBe(false);
  });

  it('removes the vectors of deleted products', async () => {
    const db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
    const vectorsOf = async (id: number) =>
      (await db.query(`SELECT 1 FROM indexer.embeddings WHERE tenant_id = 'acme' AND product_id = $1`, [id])).rowCount;
    try {
      await embedded('acme');
      expect(await vectorsOf(wiper.id)).toBe(1);
      expect((await suite.http(`${PRODUCTS}/${wiper.id}`, { method: 'DELETE' })).status).toBe(204);
      await eventually(async () => (await vectorsOf(wiper.id)) === 0, 30_000, 100);
      expect(await vectorsOf(drill.id)).toBe(1);
    } finally {
      await db.end();
    }
  });

  it("removes a former model's vectors once every document has one of the current model", async () => {
    const db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
    const former = async () =>
      (await db.query(`SELECT 1 FROM indexer.embeddings WHERE tenant_id = 'acme' AND model = 'former:model'`)).rowCount;
    try {
      await embedded('acme');
      await db.query(
        `INSERT INTO indexer.embeddings (tenant_id, model, product_id, content_hash, vector, updated_at)
         SELECT tenant_id, 'former:model', product_id, content_hash, vector, now() FROM indexer.embeddings
          WHERE tenant_id = 'acme' AND product_id = $1`,
        [drill.id],
      );
      expect(await former()).toBe(1);
      // a change makes an embed job; it embeds the new document, then removes the former model's vectors
      await create({ part_number: 'HM-16', name: 'Claw Hammer 16 oz', category: 'Hand Tools' });
      await eventually(async () => (await former()) === 0, 60_000, 200);
      const jobs = await embedded('acme');
      expect(jobs.some((j) => (j.counts.obsolete ?? 0) >= 1)).toBe(true);
      expect((await search(q('battery powered screwdriver'))).data.map((h) => h.product_id)).toContain(drill.id);
    } finally {
      await db.end();
    }
  });
});
