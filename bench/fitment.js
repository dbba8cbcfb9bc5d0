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
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import amqplib from 'amqplib';
import { Redis } from 'ioredis';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 5000);
const ROUNDS = 2;
const DATABASE = 'torque_bench_fitment';
const NAMESPACE = 'benchfit';
const TENANT = 'bench';
const JWT_SECRET = 'torque-bench-secret-0123456789';
const LOG_DIR = `${ROOT}bench/.out`;
const APPS = ['fitment', 'ingestion'];

if (!existsSync(`${ROOT}dist/apps/gateway/src/main.js`)) {
  console.error('bench:fitment runs the build output: run `npm run build` first.');
  process.exit(1);
}
const { loadEnv, PlatformEnv, preflight, PreflightError, rmqNames } = await import('../dist/libs/platform/src/index.js');
const { SERVICE_NAMES } = await import('../dist/libs/contracts/src/index.js');
const { signLocalToken } = await import('../dist/apps/gateway/src/auth/jwt-verifier.service.js');

const servers = loadEnv(PlatformEnv);
const adminUrl = withDatabase(servers.DATABASE_URL, 'postgres');
const benchUrl = withDatabase(servers.DATABASE_URL, DATABASE);

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function dropDatabase() {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Deletes the namespace's RabbitMQ queues and exchanges and its Redis keys. */
async function dropNamespace() {
  const names = rmqNames(NAMESPACE);
  const connection = await amqplib.connect(servers.RABBITMQ_URL);
  try {
    const deletions = [
      ...SERVICE_NAMES.flatMap((s) => [(ch) => ch.deleteQueue(names.serviceQueue(s)), (ch) => ch.deleteQueue(names.deadLetterQueue(s))]),
      (ch) => ch.deleteExchange(names.deadLetterExchange),
      (ch) => ch.deleteExchange(names.eventsExchange),
    ];
    for (const remove of deletions) {
      const ch = await connection.createChannel();
      await remove(ch).catch(() => undefined);
      await ch.close().catch(() => undefined);
    }
  } finally {
    await connection.close();
  }
  const redis = new Redis(servers.REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${NAMESPACE}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const children = [];

function startApps(port) {
  mkdirSync(LOG_DIR, { recursive: true });
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATABASE_URL: benchUrl,
    NAMESPACE,
    ROLE: 'both',
    HTTP_PORT: '0',
    PORT: String(port),
    JWT_SECRET,
    RATE_LIMIT_PER_MINUTE: '1000000000',
    SCHEDULES_ENABLED: 'false',
    SHUTDOWN_GRACE_MS: '5000',
    FITMENT_PROVIDER: 'local',
    STORAGE_DIR: `${LOG_DIR}/storage`,
  };
  const apps = [...APPS.map((s) => [s, `dist/apps/${s}-service/src/main.js`]), ['gateway', 'dist/apps/gateway/src/main.js']];
  for (const [name, entry] of apps) {
    const log = createWriteStream(`${LOG_DIR}/fitment-bench-${name}.log`);
    const child = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    children.push({ name, child });
  }
}

function exitedApp() {
  return children.find(({ child }) => child.exitCode !== null || child.signalCode !== null);
}

async function stopApps() {
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

async function until(what, fn, timeoutMs = 60_000, everyMs = 200) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = exitedApp();
    if (dead) throw new Error(`${dead.name} exited while waiting for ${what}; see bench/.out/fitment-bench-${dead.name}.log`);
    try {
      const value = await fn();
      if (value) return value;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

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
    out.push({ part_number: `BENCH-${String(i + 1).padStart(5, '0')}`, name: `${name}`, description, category, brand: 'Torque Bench', attributes });
  }
  return out;
}

async function main() {
  try {
    await preflight({ ...servers, DATABASE_URL: adminUrl }, { postgres: true });
  } catch (err) {
    if (err instanceof PreflightError) {
      console.error(`bench:fitment cannot start:\n  ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  await dropDatabase();
  await dropNamespace();
  const migrate = spawnSync(process.execPath, ['scripts/migrate.js'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: benchUrl }, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(`migration of ${DATABASE} failed:\n${migrate.stdout}${migrate.stderr}`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  startApps(port);
  const token = await signLocalToken(JWT_SECRET, { sub: 'bench', tenants: [TENANT], roles: ['admin', 'reviewer'] });
  const headers = { authorization: `Bearer ${token}`, 'x-tenant-id': TENANT, 'content-type': 'application/json' };
  const api = (path, init = {}) => fetch(`${base}${path}`, { ...init, headers });
  await until('the gateway to be ready', async () => (await fetch(`${base}/health/ready`)).ok);
  await until('the services to answer', async () => (await api('/api/data-uploads/ai-fitment-jobs/')).ok && (await api('/api/v1/catalog/products?limit=1')).ok);

  const db = new pg.Client({ connectionString: benchUrl });
  await db.connect();
  const catalog = (await db.query(`SELECT (SELECT count(*) FROM fitment.vehicles)::int AS vehicles, (SELECT count(*) FROM fitment.base_vehicles)::int AS bases`)).rows[0];
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
  console.log(`${PRODUCTS} products created through the catalog API in ${((performance.now() - createdAt) / 1000).toFixed(1)} s`);
  console.log(`vehicle catalog: ${catalog.vehicles} vehicles, ${catalog.bases} base vehicles\n`);

  const rows = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const started = performance.now();
    const res = await api('/api/data-uploads/ai-fitment-jobs/', { method: 'POST', body: JSON.stringify({ product_ids: ids, job_type: 'selection' }) });
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
    process.stdout.write(`run ${round}: ${done.job.product_count} products, ${done.job.fitments_count} fitments in ${seconds.toFixed(2)} s\n`);
  }

  console.log(`\nAI fitment job through the gateway, local engine, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), node ${process.version}\n`);
  console.log('| run | products | fitments | seconds (POST to review_required) | products/s | fitments/s |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.round} | ${r.products} | ${r.fitments} | ${r.seconds.toFixed(2)} | ${Math.round(r.products / r.seconds)} | ${Math.round(r.fitments / r.seconds)} |`);
  }
}

let failed = false;
let cleaning = false;
async function cleanUp() {
  if (cleaning) return;
  cleaning = true;
  await stopApps();
  await dropDatabase().catch((err) => console.error(`could not drop ${DATABASE}: ${err.message}`));
  await dropNamespace().catch((err) => console.error(`could not delete namespace ${NAMESPACE}: ${err.message}`));
}
process.on('SIGINT', () => cleanUp().then(() => process.exit(130)));
try {
  await main();
} catch (err) {
  failed = true;
  console.error(`bench:fitment failed: ${err.message}`);
} finally {
  await cleanUp();
}
process.exit(failed ? 1 : 0);
