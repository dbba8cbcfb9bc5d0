#!/usr/bin/env node
// bench:search: the search index of issue 12 end to end, from the build output (npm run build).
// It starts the suite as deployed (gateway, ingestion, fitment; the indexer as an api process and one worker per
// queue: light, heavy, embed) on a database and namespace of its own, then:
// 1. seeds tenant `bench` with BENCH_PRODUCTS (100,000) generated products and their approved fitments, and
//    tenant `rel` with the first BENCH_RELEVANCE_PRODUCTS (3,000) of the same products, straight into the
//    catalog's and fitment's tables (as a migration of existing data would: no events);
// 2. rebuilds `rel` (admin API) and waits for its first embedding (the embed worker), beside the embedder's own
//    batch speed on the same texts measured in this process;
// 3. gives `bench` its vectors: real ones for BENCH_EMBED_ALL=1 (the embed worker embeds all of them, about 40
//    texts/s here), otherwise each product borrows the vector of a `rel` product of the same category and kind
//    (the first BENCH_RELEVANCE_PRODUCTS are the same products, so theirs are their own), stored with the
//    product's own content hash so the embed job leaves them: the vector search then costs what it costs at full
//    size, which is all the latency figures need;
// 4. rebuilds `bench` twice (the second with unchanged content: documents/s);
// 5. measures search latency through the gateway: the labelled queries one at a time by kind (a cold hybrid pass,
//    each query's vector embedded, then warm lexical and hybrid), then BENCH_CONNECTIONS clients in a closed loop
//    for BENCH_SECONDS, the queries in turn, for mode=lexical and mode=hybrid, with the gateway's `rpc` time
//    (Server-Timing) and the indexer's own search histogram beside it;
// 6. freshness: single products edited through the gateway (PATCH) one after another, each timed until a search
//    finds its new word, quiet and then under a burst of BENCH_BURST (10,000) changes committed as an import
//    does (one transaction: the products and their outbox events); then when the burst is all searchable;
// 7. relevance on `rel` (every vector real): recall@10 and nDCG@10 of the labelled queries for lexical, semantic
//    and hybrid, by kind; BENCH_SWEEP (e.g. `0.35:0.1:1,0.45:0.08:1.5`: min similarity, margin, semantic weight)
//    restarts the indexer's api process with each setting and measures hybrid and semantic again;
// 8. the peak RSS (VmHWM) of every indexer process.
// It exits 0 with the figures (1 when a step fails, with the reason) and drops its database and namespace
// (BENCH_KEEP=1 keeps the database).
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import {
  Apps,
  appEntry,
  appEnv,
  checkServers,
  cleaner,
  freePort,
  JWT_SECRET,
  loadServers,
  requireBuild,
  resetSuite,
  runBench,
} from './lib/suite.js';
import { fitmentRows, generateProducts } from './search-data/generate.js';
import { evaluate } from './search-data/metrics.js';
import { buildQueries, judge } from './search-data/queries.js';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const RELEVANCE_PRODUCTS = Number(process.env.BENCH_RELEVANCE_PRODUCTS ?? 3000);
const EMBED_ALL = process.env.BENCH_EMBED_ALL === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BURST = Number(process.env.BENCH_BURST ?? 10_000);
const SINGLES = Number(process.env.BENCH_SINGLES ?? 30);
const SWEEP = (process.env.BENCH_SWEEP ?? '')
  .split(',')
  .filter(Boolean)
  .map((s) => {
    const [min, margin, weight] = s.split(':').map(Number);
    return { min, margin, weight };
  });
const DATABASE = 'torque_bench_search';
const NAMESPACE = 'bsearch';
/** `rel` products have ids above this (the catalog's ids are unique across tenants). */
const REL_OFFSET = 10_000_000;
const WARMUP_SECONDS = 2;

requireBuild('bench:search');
const dist = (file) => import(new URL(`../dist/${file}`, import.meta.url).href);
const { signLocalToken } = await dist('apps/gateway/src/auth/jwt-verifier.service.js');
const { LocalEmbedder } = await dist('apps/indexer-service/src/embeddings/local-embedder.js');
const { embeddingText } = await dist('apps/indexer-service/src/semantic/embedding-text.js');
const { embeddingTextHash } = await dist('apps/indexer-service/src/embeddings/embedding-reuse.js');

const { servers, adminUrl, benchUrl } = await loadServers(DATABASE);
const apps = new Apps({ exitCodeInErrors: true });
const load = () => loadavg()[0].toFixed(1);
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (v) => (v === undefined ? '-' : `${v.toFixed(1)} ms`);
const textOf = (p) => embeddingText({ name: p.name, description: p.description, category: p.category });

/** The indexer's processes: the api (RabbitMQ requests, events, searches) and a worker per queue. */
const INDEXER = [
  ['indexer', { ROLE: 'api' }],
  ['indexer-light', { ROLE: 'worker', WORKER_QUEUES: 'light' }],
  ['indexer-heavy', { ROLE: 'worker', WORKER_QUEUES: 'heavy' }],
  ['indexer-embed', { ROLE: 'worker', WORKER_QUEUES: 'embed' }],
];

/** Peak resident memory of a process (VmHWM), in MiB. */
function peakRss(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** Writes the products of `tenant` (ids `offset` + generated id) and their approved fitments. */
async function seed(db, tenant, products, offset) {
  const [{ id: baseVehicle }] = (await db.query(`SELECT min(id) AS id FROM fitment.base_vehicles`)).rows;
  for (let i = 0; i < products.length; i += 5000) {
    const chunk = products.slice(i, i + 5000);
    await db.query(
      `INSERT INTO ingestion.products (id, tenant_id, part_number, name, description, brand, category, attributes)
       SELECT * FROM unnest($1::bigint[], $2::varchar[], $3::varchar[], $4::text[], $5::text[], $6::varchar[],
                            $7::varchar[], $8::jsonb[])`,
      [
        chunk.map((p) => p.id + offset),
        chunk.map(() => tenant),
        chunk.map((p) => p.partNumber),
        chunk.map((p) => p.name),
        chunk.map((p) => p.description),
        chunk.map((p) => p.brand),
        chunk.map((p) => p.category),
        chunk.map((p) => JSON.stringify(p.attributes)),
      ],
    );
  }
  let rows = [];
  let fitments = 0;
  const flush = async () => {
    if (!rows.length) return;
    fitments += rows.length;
    await db.query(
      `INSERT INTO fitment.fitments (id, tenant_id, part_key, product_id, part_id, base_vehicle_id, year, make, model,
                                     submodel, confidence_score, source, status)
       SELECT gen_random_uuid(), $1, 'p' || f.product_id, f.product_id, f.part_id, $2, f.year, f.make, f.model,
              f.submodel, 0.9, 'text', 'approved'
         FROM unnest($3::bigint[], $4::varchar[], $5::smallint[], $6::varchar[], $7::varchar[], $8::varchar[])
              AS f(product_id, part_id, year, make, model, submodel)`,
      [
        tenant,
        baseVehicle,
        rows.map((r) => r.productId),
        rows.map((r) => r.partNumber),
        rows.map((r) => r.year),
        rows.map((r) => r.make),
        rows.map((r) => r.model),
        rows.map((r) => r.submodel),
      ],
    );
    rows = [];
  };
  for (const p of products) {
    for (const f of fitmentRows(p)) rows.push({ ...f, productId: p.id + offset, partNumber: p.partNumber });
    if (rows.length >= 20_000) await flush();
  }
  await flush();
  return fitments;
}

async function main() {
  console.log(`node ${process.version}, ${cpus().length} CPUs, 1-minute load average ${load()}`);
  await checkServers('bench:search', servers, adminUrl);
  await resetSuite({ servers, adminUrl, benchUrl, database: DATABASE, namespace: NAMESPACE });
  const db = new pg.Client({ connectionString: benchUrl });
  await db.connect();
  try {
    await run(db);
  } finally {
    await db.end();
  }
}

async function run(db) {
  const catalog = generateProducts({ count: PRODUCTS });
  const relCatalog = catalog.slice(0, RELEVANCE_PRODUCTS);
  let t = performance.now();
  const fitments = await seed(db, 'bench', catalog, 0);
  const relFitments = await seed(db, 'rel', relCatalog, REL_OFFSET);
  await db.query(
    `SELECT setval(pg_get_serial_sequence('ingestion.products', 'id'), (SELECT max(id) FROM ingestion.products))`,
  );
  await db.query('ANALYZE');
  console.log(
    `seeded: ${PRODUCTS} products with ${fitments} approved fitments (bench), ${RELEVANCE_PRODUCTS} with ${relFitments} (rel) in ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );

  // The embedder's own batch speed on the texts the embed job will read, before the suite competes for the CPU.
  const embedder = new LocalEmbedder(256);
  await embedder.load();
  const sample = relCatalog.slice(0, 512).map(textOf);
  await embedder.embed(sample.slice(0, 8));
  t = performance.now();
  for (let i = 0; i < sample.length; i += 64) await embedder.embed(sample.slice(i, i + 64));
  const embedderRate = sample.length / ((performance.now() - t) / 1000);
  await embedder.close();
  console.log(`embedder alone: ${embedderRate.toFixed(1)} texts/s (batch 64, ${sample.length} texts), load ${load()}`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = appEnv({ benchUrl, namespace: NAMESPACE, port, extra: { EMBEDDINGS_PROVIDER: 'local' } });
  for (const name of ['ingestion', 'fitment', 'media', 'gateway']) apps.start(name, env);
  const indexerEnv = (extra = {}) => ({ ...env, ...extra });
  const opsPort = await freePort();
  const lightOpsPort = await freePort();
  const ops = { indexer: opsPort, 'indexer-light': lightOpsPort };
  for (const [name, extra] of INDEXER)
    apps.start(
      name,
      indexerEnv({ ...extra, ...(ops[name] ? { HTTP_PORT: String(ops[name]) } : {}) }),
      [],
      appEntry('indexer'),
    );

  const token = await signLocalToken(JWT_SECRET, { sub: 'bench', tenants: ['bench', 'rel'], roles: ['admin'] });
  const headersOf = (tenant) => ({
    authorization: `Bearer ${token}`,
    'x-tenant-id': tenant,
    'content-type': 'application/json',
  });
  const api = (path, { tenant = 'bench', ...init } = {}) =>
    fetch(`${base}${path}`, { ...init, headers: headersOf(tenant) });
  const json = async (res) => {
    if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  const search = (tenant, params) => api(`/api/v1/search/products?${new URLSearchParams(params)}`, { tenant });
  await apps.until('the gateway to be ready', async () => (await fetch(`${base}/health/ready`)).ok);
  await apps.until('every service to answer', async () => (await api('/api/v1/jobs')).ok);
  const job = (id, tenant) => api(`/api/v1/jobs/${id}`, { tenant }).then(json);
  const settled = (id, tenant, timeoutMs) =>
    apps.until(
      `job ${id}`,
      async () => {
        const j = await job(id, tenant);
        if (j.status === 'failed' || j.status === 'cancelled')
          throw new Error(`job ${id} ${j.status}: ${j.error?.message}`);
        return j.status === 'completed' && j;
      },
      timeoutMs,
      250,
    );
  const rebuild = async (tenant) => {
    const accepted = await json(await api('/api/v1/admin/search/rebuild', { tenant, method: 'POST', body: '{}' }));
    const done = await settled(accepted.task_id, tenant, 30 * 60_000).catch((err) => {
      throw new Error(`rebuild of ${tenant}: ${err.message}`);
    });
    const seconds = (Date.parse(done.completedAt) - Date.parse(done.startedAt)) / 1000;
    return { seconds, documents: done.counts.documents, unchanged: done.counts.unchanged };
  };
  const embedJobs = async (tenant) =>
    (await json(await api(`/api/v1/jobs?type=indexer.embed&limit=100`, { tenant }))).data;
  const embedded = (tenant, timeoutMs) =>
    apps.until(
      `the embeddings of ${tenant}`,
      async () => {
        const jobs = await embedJobs(tenant);
        const failed = jobs.find((j) => j.status === 'failed');
        if (failed) throw new Error(`embed job of ${tenant} failed: ${failed.error?.message}`);
        return jobs.length > 0 && jobs.every((j) => j.status === 'completed') && jobs;
      },
      timeoutMs,
      500,
    );

  // 2. rel: rebuild, first embedding
  let r = await rebuild('rel');
  console.log(`rel: first rebuild ${r.documents} documents in ${r.seconds.toFixed(1)} s`);
  const relJobs = await embedded('rel', 30 * 60_000);
  const relEmbedded = relJobs.reduce((n, j) => n + (j.counts.embedded ?? 0), 0);
  const first = Math.min(...relJobs.map((j) => Date.parse(j.startedAt)));
  const last = Math.max(...relJobs.map((j) => Date.parse(j.completedAt)));
  const embedRate = relEmbedded / ((last - first) / 1000);
  console.log(
    `rel: first embedding ${relEmbedded} documents in ${((last - first) / 1000).toFixed(1)} s = ${embedRate.toFixed(1)} texts/s, ` +
      `${((100 * embedRate) / embedderRate).toFixed(0)}% of the embedder alone (target >= 80%), load ${load()}`,
  );

  // 3. bench: vectors
  const model = new LocalEmbedder(256).model;
  if (!EMBED_ALL) {
    t = performance.now();
    const relVectors = new Map(
      (
        await db.query(`SELECT product_id, vector FROM indexer.embeddings WHERE tenant_id = 'rel' AND model = $1`, [
          model,
        ])
      ).rows.map((row) => [Number(row.product_id) - REL_OFFSET, row.vector]),
    );
    const byKind = new Map();
    for (const p of relCatalog) {
      const key = `${p.category}|${p.kind}`;
      if (!byKind.has(key)) byKind.set(key, []);
      if (relVectors.has(p.id)) byKind.get(key).push(relVectors.get(p.id));
    }
    const any = [...relVectors.values()];
    let borrowed = 0;
    for (let i = 0; i < catalog.length; i += 2000) {
      const chunk = catalog.slice(i, i + 2000);
      const vectors = chunk.map((p, j) => {
        if (relVectors.has(p.id)) return relVectors.get(p.id);
        borrowed++;
        const same = byKind.get(`${p.category}|${p.kind}`);
        return same?.length ? same[(i + j) % same.length] : any[(i + j) % any.length];
      });
      await db.query(
        `INSERT INTO indexer.embeddings (tenant_id, model, product_id, content_hash, vector, updated_at)
         SELECT 'bench', $1, w.product_id, w.content_hash, w.vector, clock_timestamp()
           FROM unnest($2::bigint[], $3::text[], $4::bytea[]) AS w(product_id, content_hash, vector)`,
        [model, chunk.map((p) => p.id), chunk.map((p) => embeddingTextHash(textOf(p))), vectors],
      );
    }
    console.log(
      `bench: ${catalog.length} vectors stored (${catalog.length - borrowed} own, ${borrowed} borrowed from rel products of the same kind) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }

  // 4. bench: rebuilds
  r = await rebuild('bench');
  console.log(
    `bench: first rebuild ${r.documents} documents in ${r.seconds.toFixed(1)} s = ${Math.round(r.documents / r.seconds)} documents/s (new content), load ${load()}`,
  );
  await embedded('bench', EMBED_ALL ? 6 * 3600_000 : 10 * 60_000);
  if (EMBED_ALL) {
    const jobs = await embedJobs('bench');
    const n = jobs.reduce((s, j) => s + (j.counts.embedded ?? 0), 0);
    const span =
      (Math.max(...jobs.map((j) => Date.parse(j.completedAt))) -
        Math.min(...jobs.map((j) => Date.parse(j.startedAt)))) /
      1000;
    console.log(
      `bench: first embedding ${n} documents in ${span.toFixed(0)} s = ${(n / span).toFixed(1)} texts/s, ${((100 * n) / span / embedderRate).toFixed(0)}% of the embedder alone`,
    );
  }
  r = await rebuild('bench');
  const unchangedRate = r.documents / r.seconds;
  console.log(
    `bench: rebuild with unchanged content ${r.documents} documents (${r.unchanged} unchanged) in ${r.seconds.toFixed(1)} s = ${Math.round(unchangedRate)} documents/s (target >= 20,000), load ${load()}`,
  );
  await embedded('bench', 10 * 60_000);

  // 5. latency
  const queries = buildQueries(catalog);
  // one at a time, by kind: cold (each query's first search: its vector is embedded, then cached by the api
  // process), then warm lexical and hybrid
  const kinds = [...new Set(queries.map((q) => q.kind))];
  const sequential = async (mode) => {
    const times = new Map(kinds.map((k) => [k, []]));
    for (const q of queries) {
      const started = performance.now();
      await json(await search('bench', { q: q.text, mode, limit: '10' }));
      times.get(q.kind).push(performance.now() - started);
    }
    return times;
  };
  const passes = [
    ['hybrid, cold', await sequential('hybrid')],
    ['lexical', await sequential('lexical')],
    ['hybrid', await sequential('hybrid')],
  ];
  console.log(`\none at a time (${queries.length} labelled queries), p50 / max by kind:`);
  console.log(`  ${'pass'.padEnd(14)} ${kinds.map((k) => k.padEnd(20)).join(' ')} all p50 / p95`);
  for (const [label, times] of passes) {
    const all = [...times.values()].flat();
    const cells = kinds.map((k) => `${ms(quantile(times.get(k), 0.5))} / ${ms(Math.max(...times.get(k)))}`.padEnd(20));
    console.log(`  ${label.padEnd(14)} ${cells.join(' ')} ${ms(quantile(all, 0.5))} / ${ms(quantile(all, 0.95))}`);
  }
  const latency = {};
  for (const mode of ['lexical', 'hybrid']) {
    const paths = queries.map(
      (q) => `/api/v1/search/products?${new URLSearchParams({ q: q.text, mode, limit: '10' })}`,
    );
    await closedLoop(base, headersOf('bench'), paths, WARMUP_SECONDS);
    const before = await scrape(opsPort);
    const m = await closedLoop(base, headersOf('bench'), paths, SECONDS);
    const service = histogramDelta(before, await scrape(opsPort), mode);
    latency[mode] = m;
    console.log(
      `${mode.padEnd(7)} ${CONNECTIONS} concurrent, ${SECONDS} s: ${Math.round(m.count / SECONDS)} req/s, client p50 ${ms(m.p50)}, ` +
        `p95 ${ms(m.p95)} (target ${mode === 'lexical' ? 10 : 20} ms), p99 ${ms(m.p99)}; gateway rpc to the indexer p50 ${ms(m.rpc50)}, ` +
        `p95 ${ms(m.rpc95)}; indexer's search mean ${ms(service.mean)}, p95 <= ${service.p95le} ms (histogram bucket); ` +
        `non-200 ${m.failed}, load ${load()}`,
    );
  }

  // 6. freshness
  const { rows: editable } = await db.query(
    `SELECT id FROM ingestion.products WHERE tenant_id = 'bench' ORDER BY id DESC LIMIT $1`,
    [2 * SINGLES],
  );
  const editIds = editable.map((row) => Number(row.id));
  let word = 0;
  const single = async (id) => {
    const marker = `zqmark${++word}x`;
    const res = await api(`/api/v1/catalog/products/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ name: `Edited ${marker}` }),
    });
    if (!res.ok) throw new Error(`PATCH ${id} answered ${res.status}: ${await res.text()}`);
    const committed = performance.now();
    for (;;) {
      const found = await json(await search('bench', { q: marker, mode: 'lexical', limit: '1' }));
      if (found.data[0]?.product_id === id) return performance.now() - committed;
      if (performance.now() - committed > 60_000) throw new Error(`product ${id} not searchable 60 s after its edit`);
      await sleep(20);
    }
  };
  const quiet = [];
  for (const id of editIds.slice(0, SINGLES)) quiet.push(await single(id));
  console.log(
    `\nfreshness, quiet: ${SINGLES} edits (PATCH, then searched every 20 ms): p50 ${ms(quantile(quiet, 0.5))}, p95 ${ms(quantile(quiet, 0.95))}, max ${ms(Math.max(...quiet))}`,
  );
  // the burst: BURST products changed and announced in one transaction, as an import commits them
  const burstIds = catalog.slice(0, BURST).map((p) => p.id);
  const burstStarted = Date.now();
  await db.query('BEGIN');
  await db.query(
    `UPDATE ingestion.products SET description = description || ' Revised.', updated_at = clock_timestamp()
      WHERE tenant_id = 'bench' AND id = ANY($1::bigint[])`,
    [burstIds],
  );
  for (let i = 0; i < burstIds.length; i += 1000)
    await db.query(
      `INSERT INTO ingestion.outbox (id, routing_key, payload)
       SELECT e.id, 'catalog.products.changed.ingestion', jsonb_build_object('id', e.id, 'event', 'catalog.products.changed',
              'service', 'ingestion', 'tenantId', 'bench', 'correlationId', null, 'occurredAt', now(),
              'data', jsonb_build_object('kind', 'updated', 'productIds', $1::jsonb, 'source', jsonb_build_object('type', 'import')))
         FROM (SELECT gen_random_uuid() AS id) e`,
      [JSON.stringify(burstIds.slice(i, i + 1000))],
    );
  await db.query('COMMIT');
  const underBurst = [];
  for (const id of editIds.slice(SINGLES)) underBurst.push(await single(id));
  const revised = async () =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM indexer.search_documents d JOIN indexer.index_state s
            ON s.tenant_id = d.tenant_id AND s.active_generation = d.generation
          WHERE d.tenant_id = 'bench' AND d.description LIKE '% Revised.'`,
      )
    ).rows[0].n;
  const burstSearchable = await apps.until(
    'the burst to be searchable',
    async () => (await revised()) >= BURST && Date.now(),
    10 * 60_000,
    250,
  );
  const updates = (
    await db.query(
      `SELECT count(*)::int AS jobs, coalesce(sum((counts->>'changes')::int), 0)::int AS changes FROM indexer.jobs
        WHERE tenant_id = 'bench' AND type = 'indexer.update' AND created_at >= to_timestamp($1 / 1000.0)`,
      [burstStarted],
    )
  ).rows[0];
  console.log(
    `freshness under a burst of ${BURST} changes: ${SINGLES} edits p50 ${ms(quantile(underBurst, 0.5))}, p95 ${ms(quantile(underBurst, 0.95))} ` +
      `(target 2,000 ms), max ${ms(Math.max(...underBurst))}; the burst all searchable ${((burstSearchable - burstStarted) / 1000).toFixed(1)} s ` +
      `after its commit, in ${updates.jobs} update jobs taking ${updates.changes} changes, load ${load()}`,
  );
  const lag = histogramQuantiles(await scrapeText(lightOpsPort), 'torque_indexer_index_lag_seconds');
  console.log(`indexer's index lag histogram (light worker, every change so far): ${lag}`);

  // 7. relevance on rel
  const relQueries = buildQueries(relCatalog);
  const judgments = judge(relQueries, relCatalog);
  const relevance = async (label) => {
    const scores = {};
    for (const mode of ['lexical', 'semantic', 'hybrid']) {
      const results = new Map();
      for (const q of relQueries) {
        const found = await json(await search('rel', { q: q.text, mode, limit: '10' }));
        results.set(
          q.id,
          found.data.map((h) => h.product_id - REL_OFFSET),
        );
      }
      scores[mode] = evaluate(relQueries, results, judgments);
    }
    console.log(
      `\nrelevance (${label}; rel: ${RELEVANCE_PRODUCTS} products, ${relQueries.length} labelled queries), recall@10 / nDCG@10:`,
    );
    const kinds = Object.keys(scores.hybrid);
    console.log(`  ${'kind'.padEnd(20)} ${'n'.padStart(3)}  ${'lexical'.padEnd(13)} ${'semantic'.padEnd(13)} hybrid`);
    for (const kind of kinds) {
      const cell = (mode) => `${scores[mode][kind].recall.toFixed(3)} / ${scores[mode][kind].ndcg.toFixed(3)}`;
      console.log(
        `  ${kind.padEnd(20)} ${String(scores.hybrid[kind].queries).padStart(3)}  ${cell('lexical')}  ${cell('semantic')}  ${cell('hybrid')}`,
      );
    }
    return scores;
  };
  await relevance('defaults');
  for (const s of SWEEP) {
    await apps.stop('indexer');
    apps.start(
      'indexer',
      indexerEnv({
        ...INDEXER[0][1],
        HTTP_PORT: String(opsPort),
        EMBEDDINGS_MIN_SIMILARITY: String(s.min),
        EMBEDDINGS_SIMILARITY_MARGIN: String(s.margin),
        SEARCH_SEMANTIC_WEIGHT: String(s.weight),
      }),
      [],
      appEntry('indexer'),
    );
    await apps.until('the indexer to answer searches', async () => (await search('rel', { q: 'brake' })).ok);
    await relevance(`min similarity ${s.min}, margin ${s.margin}, semantic weight ${s.weight}`);
  }

  // 8. memory
  console.log('\npeak RSS (VmHWM):');
  for (const [name] of INDEXER) console.log(`  ${name.padEnd(14)} ${peakRss(apps.pid(name))} MiB`);
  for (const name of ['gateway', 'ingestion', 'fitment'])
    console.log(`  ${name.padEnd(14)} ${peakRss(apps.pid(name))} MiB`);
}

/**
 * A closed loop of CONNECTIONS clients for `seconds`, each sending the next of `paths` as soon as its previous
 * answer came: every request's time, and the gateway's `rpc` time to the indexer (Server-Timing).
 */
async function closedLoop(base, headers, paths, seconds) {
  const times = [];
  const rpc = [];
  let next = 0;
  let failed = 0;
  const deadline = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const path = paths[next++ % paths.length];
      const started = performance.now();
      const res = await fetch(`${base}${path}`, { headers });
      await res.arrayBuffer();
      times.push(performance.now() - started);
      if (res.status !== 200) failed++;
      const m = /rpc;desc="?indexer"?;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
      if (m) rpc.push(Number(m[1]));
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  return {
    count: times.length,
    failed,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    p99: quantile(times, 0.99),
    rpc50: quantile(rpc, 0.5),
    rpc95: quantile(rpc, 0.95),
  };
}

async function scrapeText(port) {
  return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
}

/** The buckets (cumulative counts by `le`), sum and count of the search histogram of `mode`. */
async function scrape(port) {
  const text = await scrapeText(port);
  const buckets = new Map();
  const totals = {};
  for (const line of text.split('\n')) {
    const m = /^torque_indexer_search_duration_seconds_(bucket|sum|count)\{([^}]*)\} ([\d.e+-]+)$/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[2].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    const key = labels.mode;
    if (m[1] === 'bucket') {
      if (!buckets.has(key)) buckets.set(key, new Map());
      const b = buckets.get(key);
      b.set(labels.le, (b.get(labels.le) ?? 0) + Number(m[3]));
    } else {
      totals[`${key}:${m[1]}`] = (totals[`${key}:${m[1]}`] ?? 0) + Number(m[3]);
    }
  }
  return { buckets, totals };
}

/** The mean and the bucket of the 95th percentile of the searches of `mode` between two scrapes. */
function histogramDelta(before, after, mode) {
  const count = (after.totals[`${mode}:count`] ?? 0) - (before.totals[`${mode}:count`] ?? 0);
  const sum = (after.totals[`${mode}:sum`] ?? 0) - (before.totals[`${mode}:sum`] ?? 0);
  const a = after.buckets.get(mode) ?? new Map();
  const b = before.buckets.get(mode) ?? new Map();
  let p95le = '-';
  for (const le of [...a.keys()].sort((x, y) => (x === '+Inf' ? 1 : y === '+Inf' ? -1 : Number(x) - Number(y)))) {
    if ((a.get(le) - (b.get(le) ?? 0)) / count >= 0.95) {
      p95le = le === '+Inf' ? le : String(Number(le) * 1000);
      break;
    }
  }
  return { mean: count ? (sum / count) * 1000 : undefined, p95le };
}

/** p50/p95 bucket bounds of a histogram without labels, as text. */
function histogramQuantiles(text, name) {
  const buckets = [];
  let count = 0;
  for (const line of text.split('\n')) {
    const m = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)`).exec(line);
    if (m) buckets.push([m[1], Number(m[2])]);
    const c = new RegExp(`^${name}_count (\\d+)`).exec(line);
    if (c) count = Number(c[1]);
  }
  if (!count) return 'no observations';
  const at = (q) => buckets.find(([, n]) => n / count >= q)?.[0] ?? '+Inf';
  return `${count} changes, p50 <= ${at(0.5)} s, p95 <= ${at(0.95)} s`;
}

// BENCH_KEEP=1 leaves the database (torque_bench_search) for a look at its plans; the apps stop either way.
const cleanUp =
  process.env.BENCH_KEEP === '1'
    ? () => apps.stopAll()
    : cleaner({ apps, servers, adminUrl, database: DATABASE, namespace: NAMESPACE });
await runBench('bench:search', main, cleanUp);
