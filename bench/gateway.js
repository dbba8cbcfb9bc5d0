#!/usr/bin/env node
// `npm run bench:gateway` (run `npm run build` first): the whole suite under load, end to end.
// Creates a fresh database (torque_bench) and uses its own namespace (bench), starts the gateway and the
// four services from dist/ as child processes (role both, as `npm start` does), creates a few jobs, then
// drives GET /api/v1/jobs and POST /api/v1/admin/maintenance/cleanup with autocannon for BENCH_SECONDS
// (default 10) each and prints requests/s, latency and non-2xx counts. It stops everything and drops the
// database and the namespace afterwards; app logs go to bench/.out/.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import amqplib from 'amqplib';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DATABASE = 'torque_bench';
const NAMESPACE = 'bench';
const TENANT = 'bench';
const JWT_SECRET = 'torque-bench-secret-0123456789';
const SEED_ROUNDS = 3;
const LOG_DIR = `${ROOT}bench/.out`;

if (!existsSync(`${ROOT}dist/apps/gateway/src/main.js`)) {
  console.error('bench:gateway runs the build output: run `npm run build` first.');
  process.exit(1);
}
const { loadEnv, PlatformEnv, preflight, PreflightError, rmqNames } = await import('../dist/libs/platform/src/index.js');
const { SERVICE_NAMES } = await import('../dist/libs/contracts/src/index.js');
const { signLocalToken } = await import('../dist/apps/gateway/src/auth/jwt-verifier.service.js');

// The same servers the apps would use (DATABASE_URL, REDIS_URL, RABBITMQ_URL or their defaults), another database.
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

/** Deletes the namespace's RabbitMQ queues and exchanges and its Redis keys (Bull, rate limits, idempotency). */
async function dropNamespace() {
  const names = rmqNames(NAMESPACE);
  const connection = await amqplib.connect(servers.RABBITMQ_URL);
  try {
    const deletions = [
      ...SERVICE_NAMES.flatMap((s) => [(ch) => ch.deleteQueue(names.serviceQueue(s)), (ch) => ch.deleteQueue(names.deadLetterQueue(s))]),
      (ch) => ch.deleteExchange(names.deadLetterExchange),
      (ch) => ch.deleteExchange(names.eventsExchange),
    ];
    // A failed delete closes its channel, so each gets a channel of its own.
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
  };
  const apps = [...SERVICE_NAMES.map((s) => [s, `dist/apps/${s}-service/src/main.js`]), ['gateway', 'dist/apps/gateway/src/main.js']];
  for (const [name, entry] of apps) {
    const log = createWriteStream(`${LOG_DIR}/${name}.log`);
    const child = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    children.push({ name, child });
  }
}

const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;

function exitedApp() {
  return children.find(({ child }) => hasExited(child));
}

async function stopApps() {
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise((resolve) => {
          if (hasExited(child)) return resolve();
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

/** Polls until `fn` answers truthy; fails at once when an app died (its log says why). */
async function until(what, fn, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = exitedApp();
    if (dead) {
      const { name, child } = dead;
      throw new Error(`${name} exited (${child.signalCode ?? child.exitCode}) while waiting for ${what}; see bench/.out/${name}.log`);
    }
    try {
      const value = await fn();
      if (value) return value;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function main() {
  try {
    // The bench database does not exist yet: check the server through its `postgres` database.
    await preflight({ ...servers, DATABASE_URL: adminUrl }, { postgres: true });
  } catch (err) {
    if (err instanceof PreflightError) {
      console.error(`bench:gateway cannot start:\n  ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  await dropDatabase();
  await dropNamespace();
  const migrate = spawnSync(process.execPath, ['scripts/migrate.js'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: benchUrl },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migration of ${DATABASE} failed:\n${migrate.stdout}${migrate.stderr}`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  startApps(port);
  const token = await signLocalToken(JWT_SECRET, { sub: 'bench', tenants: [TENANT], roles: ['admin'] });
  const headers = { authorization: `Bearer ${token}`, 'x-tenant-id': TENANT, 'content-type': 'application/json' };
  const api = (path, init = {}) => fetch(`${base}${path}`, { ...init, headers });
  const cleanupJobs = async (status) => {
    const page = await (await api(`/api/v1/jobs?type=maintenance.cleanup${status ? `&status=${status}` : ''}`)).json();
    return page.meta.total;
  };

  await until('the gateway to be ready', async () => (await fetch(`${base}/health/ready`)).ok);
  await until('every service to answer', async () => (await api('/api/v1/jobs')).ok);
  for (let round = 1; round <= SEED_ROUNDS; round++) {
    const res = await api('/api/v1/admin/maintenance/cleanup', { method: 'POST', body: '{}' });
    if (res.status !== 202) throw new Error(`seeding: clean-up answered ${res.status} ${await res.text()}`);
    await until('the seed jobs to complete', async () => (await cleanupJobs('completed')) === round * SERVICE_NAMES.length);
  }
  const seeded = await cleanupJobs();
  console.log(`suite up on ${base} (${DATABASE}, namespace ${NAMESPACE}); ${seeded} jobs in the list\n`);

  const scenarios = [
    { name: 'GET /api/v1/jobs', method: 'GET', path: '/api/v1/jobs?limit=20' },
    { name: 'POST /api/v1/admin/maintenance/cleanup', method: 'POST', path: '/api/v1/admin/maintenance/cleanup', body: '{}' },
  ];
  const rows = [];
  for (const s of scenarios) {
    const opts = { url: `${base}${s.path}`, method: s.method, headers, body: s.body, connections: CONNECTIONS };
    await autocannon({ ...opts, duration: WARMUP_SECONDS });
    process.stdout.write(`${s.name}: ${SECONDS} s at ${CONNECTIONS} connections...\n`);
    const r = await autocannon({ ...opts, duration: SECONDS });
    rows.push({ ...s, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, total: r.requests.total });
  }
  const created = (await cleanupJobs()) - seeded;

  console.log(`\nGateway -> RabbitMQ -> 4 services, ${SECONDS} s each, ${CONNECTIONS} connections, node ${process.version}\n`);
  console.log('| endpoint | requests/s | p50 ms | p99 ms | non-2xx | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`);
  console.log(`\nThe clean-up requests (warm-up included) created ${created} jobs; the other answers returned the running job of each service.`);
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
  console.error(`bench:gateway failed: ${err.message}`);
} finally {
  await cleanUp();
}
process.exit(failed ? 1 : 0);
