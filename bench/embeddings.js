// bench:embeddings: the local embedder and the in-process vector index, from the build output (npm run build).
// BENCH_PARTS (default `embed,search`) picks what runs:
// - embed: the model's load time, its speed at batch sizes 1, 64 and 256 on generated product texts (category,
//   title and description), at 64 on category and title alone, and the process RSS after each;
// - search: top-10 queries of the int8 index at BENCH_VECTORS (default 100,000) vectors of 512 dimensions
//   (p50/p95 over BENCH_SEARCHES, default 300), its recall@10 against exact float32 search, and that exact
//   search in plain JavaScript (typed arrays, bounded heap) for comparison;
// - pg: the vectors written into indexer.embeddings of a scratch database (torque_bench_embed on the server of
//   DATABASE_URL, dropped at the end), a replica loading them and refreshing with nothing changed;
// - relevance: a generated catalog of BENCH_RELEVANCE (default 1,000) products embedded (category, title and
//   description) and semantic search alone on the labelled queries (recall@10, nDCG@10 by kind).
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { generateProducts } from './search-data/generate.js';
import { evaluate } from './search-data/metrics.js';
import { buildQueries, judge } from './search-data/queries.js';

const DIST = new URL('../dist/apps/indexer-service/src/embeddings/', import.meta.url);
if (!existsSync(new URL('local-embedder.js', DIST))) {
  console.error('bench:embeddings runs the build output: run `npm run build` first.');
  process.exit(1);
}
const load = (file) => import(new URL(file, DIST).href);
const { LocalEmbedder } = await load('local-embedder.js');
const { VectorIndex } = await load('vector-index.js');
const { TopK } = await load('top-k.js');
const { l2Normalize } = await load('vectors.js');

const PARTS = new Set((process.env.BENCH_PARTS ?? 'embed,search').split(','));
const VECTORS = Number(process.env.BENCH_VECTORS ?? 100_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 300);
const RELEVANCE = Number(process.env.BENCH_RELEVANCE ?? 1000);
const mb = (bytes) => `${Math.round(bytes / 1048576)} MiB`;
const rss = () => mb(process.memoryUsage().rss);
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const meanLength = (texts) => Math.round(texts.reduce((s, x) => s + x.length, 0) / texts.length);
/** A product's text as the semantic index would read it: category, title, description. */
const textOf = (p) => `${p.category}: ${p.name}. ${p.description}`;
/** The short form: category and title. */
const titleOf = (p) => `${p.category}: ${p.name}`;
const loadAverage = () => loadavg()[0].toFixed(1);

console.log(`node ${process.version}, ${cpus().length} CPUs, 1-minute load average ${loadAverage()}`);
const embedder = new LocalEmbedder(256);
const rssBefore = rss();
let t = performance.now();
await embedder.load();
console.log(`model load (worker thread): ${(performance.now() - t).toFixed(0)} ms, RSS ${rssBefore} -> ${rss()}`);

const products = generateProducts({ count: 2000 });
// warm-up: the first calls compile the graph
await embedder.embed(products.slice(0, 8).map(textOf));

async function timeBatches(texts, batch) {
  const start = performance.now();
  const vectors = [];
  for (let i = 0; i < texts.length; i += batch) vectors.push(...(await embedder.embed(texts.slice(i, i + batch))));
  const ms = performance.now() - start;
  return { vectors, perSecond: texts.length / (ms / 1000), msPerText: ms / texts.length };
}

let sample = [];
if (PARTS.has('embed')) {
  const texts = products.map(textOf);
  console.log(`texts: generated products' category, title and description, mean ${meanLength(texts)} chars`);
  for (const [batch, count] of [
    [1, 48],
    [64, 512],
    [256, 1024],
  ]) {
    const r = await timeBatches(texts.slice(0, count), batch);
    console.log(
      `batch ${String(batch).padStart(3)}: ${r.perSecond.toFixed(1)} texts/s (${r.msPerText.toFixed(1)} ms/text, ${count} texts), RSS ${rss()}, load ${loadAverage()}`,
    );
    if (r.vectors.length > sample.length) sample = r.vectors;
  }
  const titles = products.slice(0, 512).map(titleOf);
  const r = await timeBatches(titles, 64);
  console.log(
    `batch  64, category and title only (mean ${meanLength(titles)} chars): ${r.perSecond.toFixed(1)} texts/s (${r.msPerText.toFixed(1)} ms/text), load ${loadAverage()}`,
  );
}

let rows = [];
if (PARTS.has('search') || PARTS.has('pg')) {
  if (sample.length === 0) sample = (await timeBatches(products.slice(0, 256).map(titleOf), 64)).vectors;
  rows = noisyCopies(sample, VECTORS);
}

if (PARTS.has('search')) {
  const index = new VectorIndex(512);
  t = performance.now();
  rows.forEach((v, i) => index.upsert(i + 1, v));
  console.log(
    `index: ${VECTORS} x 512 (embeddings of ${sample.length} texts, each copied with noise), upserts ${(performance.now() - t).toFixed(0)} ms, ` +
      `WebAssembly memory ${mb(index.memoryBytes)}, RSS ${rss()}`,
  );
  const queryVectors = await embedder.embed(buildQueries(products).map((q) => q.text));
  for (let i = 0; i < 20; i++) index.search(queryVectors[i % queryVectors.length], 10);
  const times = [];
  for (let i = 0; i < SEARCHES; i++) {
    t = performance.now();
    index.search(queryVectors[i % queryVectors.length], 10);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `int8 search, top 10 of ${VECTORS}: p50 ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms, ` +
      `max ${times[times.length - 1].toFixed(2)} ms (${SEARCHES} searches), load ${loadAverage()}`,
  );
  const exactTimes = [];
  let recall = 0;
  for (const q of queryVectors) {
    t = performance.now();
    const want = exactTop(rows, q, 10);
    exactTimes.push(performance.now() - t);
    const ids = new Set(want.map((s) => s.productId));
    recall += index.search(q, 10).filter((s) => ids.has(s.productId)).length / 10;
  }
  exactTimes.sort((a, b) => a - b);
  console.log(
    `exact float32 in JavaScript: p50 ${quantile(exactTimes, 0.5).toFixed(1)} ms, p95 ${quantile(exactTimes, 0.95).toFixed(1)} ms; ` +
      `int8 recall@10 against it ${(recall / queryVectors.length).toFixed(3)} over ${queryVectors.length} queries`,
  );
}

if (PARTS.has('pg')) await benchPostgres(rows);
if (PARTS.has('relevance')) await benchRelevance();
console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
await embedder.close();

/** `count` unit vectors: the sample's vectors in turn, each with Gaussian noise (sd 0.02 a dimension). */
function noisyCopies(vectors, count) {
  let seed = 12345;
  const uniform = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) + 1) / 4294967297;
  const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return Array.from({ length: count }, (_, i) => {
    const base = vectors[i % vectors.length];
    return l2Normalize(Float32Array.from(base, (x) => x + 0.02 * gauss()));
  });
}

function exactTop(vectors, q, k) {
  const top = new TopK(k);
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i];
    let s = 0;
    for (let j = 0; j < v.length; j++) s += v[j] * q[j];
    if (s > top.threshold) top.push(i + 1, s);
  }
  return top.sorted();
}

async function benchPostgres(vectors) {
  const { adminQuery, checkServers, dropDatabase, loadServers } = await import('./lib/suite.js');
  const { DataSource } = await import('typeorm');
  const { Embeddings1765000000000 } = await load('1765000000000-embeddings.js');
  const { EmbeddingsRepository } = await load('embeddings.repository.js');
  const { TenantVectors } = await load('tenant-vectors.js');
  const database = 'torque_bench_embed';
  const { servers, adminUrl, benchUrl } = await loadServers(database);
  await checkServers('bench:embeddings', servers, adminUrl);
  await dropDatabase(adminUrl, database);
  await adminQuery(adminUrl, `CREATE DATABASE ${database}`);
  const ds = await new DataSource({ type: 'postgres', url: benchUrl }).initialize();
  try {
    await ds.query('CREATE SCHEMA indexer');
    const runner = ds.createQueryRunner();
    await new Embeddings1765000000000().up(runner);
    await runner.release();
    const repository = new EmbeddingsRepository();
    const model = 'bench:noisy-use-512';
    let start = performance.now();
    for (let i = 0; i < vectors.length; i += 1000) {
      const writes = vectors
        .slice(i, i + 1000)
        .map((vector, j) => ({ productId: i + j + 1, contentHash: '0'.repeat(64), vector }));
      await repository.upsert(ds.manager, 'bench', model, writes);
    }
    const writeMs = performance.now() - start;
    const [{ bytes }] = await ds.query(`SELECT pg_total_relation_size('indexer.embeddings') AS bytes`);
    console.log(
      `PostgreSQL: ${vectors.length} vectors written in ${(writeMs / 1000).toFixed(1)} s (${Math.round(vectors.length / (writeMs / 1000))}/s, ` +
        `statements of 1,000), table ${mb(Number(bytes))}, load ${loadAverage()}`,
    );
    await ds.query('ANALYZE indexer.embeddings'); // as autovacuum would after such a load
    // past the refresh overlap: the first refresh would read the rows of the last 2 s of the writes again
    await new Promise((resolve) => setTimeout(resolve, 2500));
    let clock = 0;
    const replica = new TenantVectors(ds, repository, { model, dimensions: 512, refreshMs: 1000, now: () => clock });
    const before = rss();
    start = performance.now();
    const loaded = await replica.index('bench');
    console.log(
      `replica load of ${loaded.size} vectors: ${(performance.now() - start).toFixed(0)} ms, RSS ${before} -> ${rss()}`,
    );
    clock += 1000;
    start = performance.now();
    await replica.index('bench');
    console.log(`replica refresh, nothing changed: ${(performance.now() - start).toFixed(1)} ms`);
    const changed = vectors
      .slice(0, 1000)
      .map((vector, i) => ({ productId: i + 1, contentHash: '1'.repeat(64), vector }));
    await repository.upsert(ds.manager, 'bench', model, changed);
    await repository.delete(
      ds.manager,
      'bench',
      Array.from({ length: 100 }, (_, i) => 5001 + i),
    );
    clock += 1000;
    start = performance.now();
    const refreshed = await replica.index('bench');
    console.log(
      `replica refresh after 1,000 rewritten and 100 deleted: ${(performance.now() - start).toFixed(1)} ms (${refreshed.size} vectors)`,
    );
  } finally {
    await ds.destroy();
    await dropDatabase(adminUrl, database);
  }
}

async function benchRelevance() {
  const catalog = generateProducts({ count: RELEVANCE });
  const queries = buildQueries(catalog);
  const judgments = judge(queries, catalog);
  const index = new VectorIndex(512);
  const r = await timeBatches(catalog.map(textOf), 64);
  catalog.forEach((p, i) => index.upsert(p.id, r.vectors[i]));
  console.log(
    `relevance catalog: ${RELEVANCE} products (category, title, description) embedded at ${r.perSecond.toFixed(1)} texts/s, load ${loadAverage()}`,
  );
  const queryVectors = await embedder.embed(queries.map((q) => q.text));
  const results = new Map(queries.map((q, i) => [q.id, index.search(queryVectors[i], 10).map((s) => s.productId)]));
  for (const [kind, s] of Object.entries(evaluate(queries, results, judgments)))
    console.log(
      `semantic only, ${kind.padEnd(19)} ${String(s.queries).padStart(2)} queries: recall@10 ${s.recall.toFixed(3)}, nDCG@10 ${s.ndcg.toFixed(3)}`,
    );
}
