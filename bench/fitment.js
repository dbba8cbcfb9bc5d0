#!/usr/bin/env node
// `npm run bench:fitment` (run `npm run build` first): an AI fitment job of 5,000 catalog products against the
// full demo vehicle catalog, through the gateway, with the local engine (FITMENT_PROVIDER=local).
// Creates a fresh database (torque_bench_fitment) and namespace (benchfit), starts the gateway and the fitment
// and ingestion services from dist/ as child processes (role both, as `npm start` does), creates the products
// through the catalog API (their fitment text generated from the vehicle catalog: year ranges, "18+",
// two-digit years, aliases such as Chevy and VW, trims and engines, a few universal parts), then times
// POST /api/data-uploads/ai-fitment-jobs/ until the job waits for review, twice (the first run builds the
// engine's index). Prints products/s and fitments/s. Drops the database and the namespace afterwards; app
// logs go to bench/.out/. BENCH_PRODUCTS changes the number of products.
import os from 'node:os';
import pg from 'pg';
import {
  Apps,
  appEnv,
  checkServers,
  cleaner,
  freePort,
  JWT_SECRET,
  LOG_DIR,
  loadServers,
  requireBuild,
  resetSuite,
  runBench,
} from './lib/suite.js';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 5000);
const ROUNDS = 2;
const DATABASE = 'torque_bench_fitment';
const NAMESPACE = 'benchfit';
const TENANT = 'bench';
const APPS = ['fitment', 'ingestion'];

requireBuild('bench:fitment');
const { signLocalToken } = await import('../dist/apps/gateway/src/auth/jwt-verifier.service.js');

const { servers, adminUrl, benchUrl } = await loadServers(DATABASE);
const apps = new Apps({ logPrefix: 'fitment-bench-' });
const until = (...args) => apps.until(...args);

/** A small seeded PRNG (mulberry32), so every run generates the same products. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PART_TYPES = [
  ['Brake Rotors', 'Front Disc Brake Rotor, Vented', { position: 'Front' }],
  ['Brake Pads', 'Rear Ceramic Brake Pad Set', { position: 'Rear', qty: 1 }],
  ['Oil Filters', 'Engine Oil Filter', {}],
  ['Air Filters', 'Engine Air Filter', {}],
  ['Cabin Air Filters', 'Cabin Air Filter with Activated Carbon', {}],
  ['Spark Plugs', 'Iridium Spark Plug', { qty: 4 }],
  ['Shocks', 'Front Strut Assembly', { position: 'Front', qty: 2 }],
  ['Wiper Blades', 'Beam Wiper Blade 22 in', {}],
];
const MAKE_ALIASES = { Chevrolet: 'Chevy', Volkswagen: 'VW', 'Mercedes-Benz': 'Mercedes' };

/** Product texts written the ways sellers write fitment statements, from the catalog's own vehicles. */
async function productTexts(db, n) {
  const random = rng(20251008);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const models = (
    await db.query(`
      SELECT m.name AS make, mo.name AS model, mo.id,
             array_agg(DISTINCT b.year ORDER BY b.year) AS years,
             (SELECT array_agg(DISTINCT s.name) FROM fitment.vehicles v JOIN fitment.base_vehicles bb ON bb.id = v.base_vehicle_id
               JOIN fitment.submodels s ON s.id = v.submodel_id WHERE bb.model_id = mo.id) AS trims,
             (SELECT array_agg(DISTINCT e.liters::text) FROM fitment.vehicles v JOIN fitment.base_vehicles bb ON bb.id = v.base_vehicle_id
               JOIN fitment.engines e ON e.id = v.engine_id WHERE bb.model_id = mo.id AND e.liters IS NOT NULL) AS liters
        FROM fitment.models mo JOIN fitment.makes m ON m.id = mo.make_id JOIN fitment.base_vehicles b ON b.model_id = mo.id
       GROUP BY m.name, mo.name, mo.id`)
  ).rows;
  const out = [];
  for (let i = 0; i < n; i++) {
    const [category, name, attributes] = pick(PART_TYPES);
    const m = pick(models);
    const from = m.years[Math.floor(random() * Math.max(1, m.years.length - 3))];
    const to = Math.min(m.years[m.years.length - 1], from + 1 + Math.floor(random() * 6));
    const make = random() < 0.3 && MAKE_ALIASES[m.make] ? MAKE_ALIASES[m.make] : m.make;
    const two = (y) => String(y).slice(2);
    let description;
    switch (i % 6) {
      case 0:
        description = `Fits ${from}-${to} ${make} ${m.model}${m.trims?.length ? ` ${m.trims.slice(0, 2).join(', ')}` : ''}`;
        break;
      case 1:
        description = `for ${two(from)}-${two(to)} ${make} ${m.model}${m.liters?.length ? ` ${m.liters[0]}L` : ''}`;
        break;
      case 2:
        description = `${to}+ ${m.model}. Direct replacement, OE quality.`;
        break;
      case 3:
        description = `Compatible with ${make} ${m.model} ${from}, ${from + 1 <= to ? from + 1 : from} and ${to}.`;
        break;
      case 4:
        description = `${make} ${m.model} (${from}-${to}). Not for hybrid models.`;
        break;
      default:
        description = i % 30 === 5 ? 'Universal fit, one size fits most vehicles.' : `Fits ${from} ${make} ${m.model}`;
    }
    out.push({
      part_number: `BENCH-${String(i + 1).padStart(5, '0')}`,
      name: `${name}`,
      description,
      category,
      brand: 'Torque Bench',
      attributes,
    });
  }
  return out;
}

async function main() {
  await checkServers('bench:fitment', servers, adminUrl);
  await resetSuite({ servers, adminUrl, benchUrl, database: DATABASE, namespace: NAMESPACE });

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = appEnv({
    benchUrl,
    namespace: NAMESPACE,
    port,
    extra: { FITMENT_PROVIDER: 'local', STORAGE_DIR: `${LOG_DIR}/storage` },
  });
  for (const name of [...APPS, 'gateway']) apps.start(name, env);
  const token = await signLocalToken(JWT_SECRET, { sub: 'bench', tenants: [TENANT], roles: ['admin', 'reviewer'] });
  const headers = { authorization: `Bearer ${token}`, 'x-tenant-id': TENANT, 'content-type': 'application/json' };
  const api = (path, init = {}) => fetch(`${base}${path}`, { ...init, headers });
  await until('the gateway to be ready', async () => (await fetch(`${base}/health/ready`)).ok);
  await until(
    'the services to answer',
    async () =>
      (await api('/api/data-uploads/ai-fitment-jobs/')).ok && (await api('/api/v1/catalog/products?limit=1')).ok,
  );

  const db = new pg.Client({ connectionString: benchUrl });
  await db.connect();
  const catalog = (
    await db.query(
      `SELECT (SELECT count(*) FROM fitment.vehicles)::int AS vehicles, (SELECT count(*) FROM fitment.base_vehicles)::int AS bases`,
    )
  ).rows[0];
  const texts = await productTexts(db, PRODUCTS);
  await db.end();

  const createdAt = performance.now();
  const ids = new Array(texts.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < texts.length) {
        const i = next++;
        const res = await api('/api/v1/catalog/products', { method: 'POST', body: JSON.stringify(texts[i]) });
        if (res.status !== 201) throw new Error(`creating product ${i}: ${res.status} ${await res.text()}`);
        ids[i] = (await res.json()).id;
      }
    }),
  );
  console.log(
    `${PRODUCTS} products created through the catalog API in ${((performance.now() - createdAt) / 1000).toFixed(1)} s`,
  );
  console.log(`vehicle catalog: ${catalog.vehicles} vehicles, ${catalog.bases} base vehicles\n`);

  const rows = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const started = performance.now();
    const res = await api('/api/data-uploads/ai-fitment-jobs/', {
      method: 'POST',
      body: JSON.stringify({ product_ids: ids, job_type: 'selection' }),
    });
    if (res.status !== 201) throw new Error(`creating the job: ${res.status} ${await res.text()}`);
    const { job_id: jobId } = await res.json();
    const done = await until(
      'the job to finish',
      async () => {
        const p = await (await api(`/api/data-uploads/ai-fitment-jobs/${jobId}/progress/`)).json();
        if (p.job.status === 'failed') throw new Error(`the job failed: ${p.job.error_message}`);
        return ['review_required', 'completed'].includes(p.job.status) ? p : null;
      },
      600_000,
      50,
    );
    const seconds = (performance.now() - started) / 1000;
    rows.push({ round, seconds, products: done.job.product_count, fitments: done.job.fitments_count });
    process.stdout.write(
      `run ${round}: ${done.job.product_count} products, ${done.job.fitments_count} fitments in ${seconds.toFixed(2)} s\n`,
    );
  }

  console.log(
    `\nAI fitment job through the gateway, local engine, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), node ${process.version}\n`,
  );
  console.log('| run | products | fitments | seconds (POST to review_required) | products/s | fitments/s |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.round} | ${r.products} | ${r.fitments} | ${r.seconds.toFixed(2)} | ${Math.round(r.products / r.seconds)} | ${Math.round(r.fitments / r.seconds)} |`,
    );
  }
}

await runBench('bench:fitment', main, cleaner({ apps, servers, adminUrl, database: DATABASE, namespace: NAMESPACE }));
