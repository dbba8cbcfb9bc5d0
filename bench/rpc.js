#!/usr/bin/env node
// `npm run bench:rpc` (run `npm run build` first): what the gateway costs over the RabbitMQ request-reply it
// is built on. In one run it measures
//  1. the raw limit: a minimal Nest RMQ server (NestFactory.createMicroservice, Transport.RMQ, a queue of its own,
//     in a child process) and a ClientProxyFactory client in this process, with the platform's RabbitMQ options
//     (durable queue, persistent messages, manual ack, prefetch RMQ_PREFETCH, direct reply-to), the handler
//     doing one primary-key SELECT on a small table of the bench database;
//  2. the same loads through the gateway of the suite (gateway and four services from dist/, as bench:gateway
//     starts them) for a product by id, the jobs list, a fitment job's progress and creating fitment jobs (a
//     different product set each request, so none dedupes);
// each one at a time (BENCH_CALLS sequential calls) and at 10 and 50 concurrent (BENCH_SECONDS each), and
// prints the figures with their ratio to the raw pair. Also the list's floor (`raw4`: four raw requests at once, as
// the jobs list asks four services) and, for each gateway case one at a time, where the time went: the gateway's
// Server-Timing stages (auth, ratelimit, rpc, gateway) and the services' own handler time
// (torque_rpc_handler_duration_seconds, scraped before and after). Drops the database and the namespace afterwards; app
// logs go to bench/.out/rpc-*.log. BENCH_CASES (comma-separated: raw,raw4,product,jobs,progress,create) picks cases;
// BENCH_GATEWAY_NODE_ARGS passes node flags to the gateway (e.g. `--cpu-prof --cpu-prof-dir=bench/.out/prof`),
// BENCH_SERVICE_NODE_ARGS to the four services.
import { spawn } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
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
  ROOT,
  runBench,
} from './lib/suite.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const WARMUP_SECONDS = 1;
const CONCURRENCY = [10, 50];
const DATABASE = 'torque_bench_rpc';
const NAMESPACE = 'benchrpc';
const RAW_QUEUE = `${NAMESPACE}.raw-rpc`;
const RAW_ROWS = 1000;
const TENANT = 'bench';
/** Catalog products for the job creations: 3-product sets of 40 products give 9,880 distinct selections. */
const SELECTION_PRODUCTS = 40;
const ALL_CASES = ['raw', 'raw4', 'product', 'jobs', 'jobs-busy', 'progress', 'create'];
/** Jobs created per second in the background of `jobs-busy`: each one's events drop the list's cache. */
const BUSY_JOBS_PER_SECOND = Number(process.env.BENCH_BUSY_JOBS_PER_SECOND ?? 10);
const CASES = (process.env.BENCH_CASES ?? ALL_CASES.join(',')).split(',').map((s) => s.trim());

requireBuild('bench:rpc');
const platform = await import('../dist/libs/platform/src/index.js');

// ---------------------------------------------------------------------------------------------------------------
// The raw server: this file again, in a child process (BENCH_RPC_ROLE=raw-server).

async function rawServer() {
  await import('reflect-metadata');
  const { Controller, Module } = await import('@nestjs/common');
  const { NestFactory } = await import('@nestjs/core');
  const { Ctx, MessagePattern, Payload, Transport } = await import('@nestjs/microservices');
  const env = platform.loadEnv(platform.PlatformEnv);
  const pool = new pg.Pool({ connectionString: process.env.BENCH_RAW_DATABASE_URL, max: 10 });

  class RawController {
    async get(data, ctx) {
      try {
        const { rows } = await pool.query('SELECT id, name, price FROM bench_rpc_items WHERE id = $1', [data.id]);
        return rows[0] ?? null;
      } finally {
        // Manual ack (noAck false), once the handler has its answer, as RmqAckInterceptor does.
        ctx.getChannelRef().ack(ctx.getMessage());
      }
    }
  }
  // The decorators applied by hand, as the TypeScript compiler would.
  MessagePattern('raw.get')(
    RawController.prototype,
    'get',
    Object.getOwnPropertyDescriptor(RawController.prototype, 'get'),
  );
  Payload()(RawController.prototype, 'get', 0);
  Ctx()(RawController.prototype, 'get', 1);
  Controller()(RawController);
  class RawModule {}
  Module({ controllers: [RawController] })(RawModule);

  const app = await NestFactory.createMicroservice(RawModule, {
    logger: ['error', 'warn'],
    transport: Transport.RMQ,
    options: {
      urls: [env.RABBITMQ_URL],
      queue: RAW_QUEUE,
      queueOptions: { durable: true },
      noAck: false,
      prefetchCount: env.RMQ_PREFETCH,
      persistent: true,
      socketOptions: platform.RMQ_SOCKET_OPTIONS,
    },
  });
  await app.listen();
  process.stdout.write('ready\n');
  process.on('SIGTERM', async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  });
}

if (process.env.BENCH_RPC_ROLE === 'raw-server') {
  await rawServer();
} else {
  await benchMain();
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring.

function summarize(latencies, elapsedMs, errors) {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN;
  return { n: sorted.length, rps: (sorted.length / elapsedMs) * 1000, mean, p50: at(0.5), p99: at(0.99), errors };
}

/**
 * Closed loop: `concurrency` workers each call `call(i)` (i counts all calls) again as soon as the last answered,
 * until `calls` calls were made or `seconds` passed. `call` resolves true for a success, false for an error
 * (non-2xx); a throw counts as an error too.
 */
async function load(call, { concurrency, seconds = Infinity, calls = Infinity }) {
  const latencies = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < calls && performance.now() < deadline) {
        const i = next++;
        const t = performance.now();
        let ok;
        try {
          ok = await call(i);
        } catch {
          ok = false;
        }
        if (ok) latencies.push(performance.now() - t);
        else errors++;
      }
    }),
  );
  return summarize(latencies, performance.now() - started, errors);
}

/** One at a time (CALLS calls), then at each of CONCURRENCY for SECONDS, each after an unreported warm-up. */
async function measure(name, call, { aroundOne } = {}) {
  const load1 = os.loadavg()[0];
  process.stdout.write(`${name}: `);
  await load(call, { concurrency: 1, seconds: WARMUP_SECONDS });
  let stages;
  const one = aroundOne
    ? await aroundOne(() => load(call, { concurrency: 1, calls: CALLS, seconds: 60 })).then((r) => {
        stages = r.stages;
        return r.result;
      })
    : await load(call, { concurrency: 1, calls: CALLS, seconds: 60 });
  process.stdout.write(`1 at a time ${one.mean.toFixed(2)} ms mean`);
  const concurrent = {};
  for (const c of CONCURRENCY) {
    await load(call, { concurrency: c, seconds: WARMUP_SECONDS });
    concurrent[c] = await load(call, { concurrency: c, seconds: SECONDS });
    process.stdout.write(`, ${c} concurrent ${Math.round(concurrent[c].rps)} req/s`);
  }
  process.stdout.write(` (load average ${load1.toFixed(2)})\n`);
  return { name, one, concurrent, load1, stages };
}

/** `Server-Timing` header -> [{name, desc, dur}] */
function parseServerTiming(header) {
  return String(header ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name, ...params] = entry.split(';');
      const param = (key) => params.find((p) => p.trim().startsWith(`${key}=`))?.split('=')[1];
      return { name: name.trim(), desc: param('desc')?.replaceAll('"', ''), dur: Number(param('dur')) };
    });
}

/** Sum and count of torque_rpc_handler_duration_seconds by pattern in a Prometheus text scrape. */
function handlerTotals(text, into = new Map()) {
  for (const line of text.split('\n')) {
    const m = /^torque_rpc_handler_duration_seconds_(sum|count)\{pattern="([^"]+)"[^}]*\} (\S+)$/.exec(line);
    if (!m) continue;
    const entry = into.get(m[2]) ?? { sum: 0, count: 0 };
    entry[m[1]] += Number(m[3]);
    into.set(m[2], entry);
  }
  return into;
}

/** What changed between two scrapes: {pattern: {sum, count}} of the patterns that were asked. */
function handlerDelta(before, after) {
  const delta = new Map();
  for (const [pattern, a] of after) {
    const b = before.get(pattern) ?? { sum: 0, count: 0 };
    if (a.count > b.count) delta.set(pattern, { sum: a.sum - b.sum, count: a.count - b.count });
  }
  return delta;
}

/**
 * Mean per request of each stage: the client's whole request, the gateway's time (`gateway`), its auth and rate
 * limit, the RabbitMQ requests (`rpc`: how many, their sum and the longest, the one a fan-out waits for), and
 * the services' handler time over the same requests (payload validation and SQL included).
 */
function stageBreakdown(timings, handlers, requests) {
  const total = (pick) => timings.reduce((n, t) => n + pick(t), 0) / (timings.length || 1);
  const stage = (entries, name) => entries.filter((e) => e.name === name);
  const rpcs = (t) => stage(t.entries, 'rpc');
  return {
    client: total((t) => t.clientMs),
    gateway: total((t) => stage(t.entries, 'gateway').reduce((n, e) => n + e.dur, 0)),
    auth: total((t) => stage(t.entries, 'auth').reduce((n, e) => n + e.dur, 0)),
    ratelimit: total((t) => stage(t.entries, 'ratelimit').reduce((n, e) => n + e.dur, 0)),
    rpcCount: total((t) => rpcs(t).length),
    rpcSum: total((t) => rpcs(t).reduce((n, e) => n + e.dur, 0)),
    rpcMax: total((t) => Math.max(0, ...rpcs(t).map((e) => e.dur))),
    /** Every pattern the services answered meanwhile, the one asked most often (the case's own) first. */
    handlers: [...handlers]
      .map(([pattern, h]) => ({ pattern, mean: (h.sum * 1000) / h.count, perRequest: h.count / (requests || 1) }))
      .sort((a, b) => b.perRequest - a.perRequest || b.mean - a.mean),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The bench.

async function benchMain() {
  const { servers, adminUrl, benchUrl } = await loadServers(DATABASE);
  const apps = new Apps({ logPrefix: 'rpc-', exitCodeInErrors: true });
  let rawChild;
  let selectionsUsed = 0;
  let createCosts = null;
  const cleanSuite = cleaner({ apps, servers, adminUrl, database: DATABASE, namespace: NAMESPACE });
  const deleteRawQueue = async () => {
    const amqplib = (await import('amqplib')).default;
    const connection = await amqplib.connect(servers.RABBITMQ_URL);
    const ch = await connection.createChannel();
    await ch.deleteQueue(RAW_QUEUE).catch(() => undefined);
    await connection.close().catch(() => undefined);
  };
  const cleanUp = async () => {
    if (rawChild && rawChild.exitCode === null) {
      const exited = new Promise((resolve) => rawChild.once('exit', resolve));
      rawChild.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000).then(() => rawChild.kill('SIGKILL'))]);
    }
    await deleteRawQueue().catch((err) => console.error(`could not delete ${RAW_QUEUE}: ${err.message}`));
    await cleanSuite();
  };

  async function main() {
    await checkServers('bench:rpc', servers, adminUrl);
    await resetSuite({ servers, adminUrl, benchUrl, database: DATABASE, namespace: NAMESPACE });
    await deleteRawQueue();
    const db = new pg.Client({ connectionString: benchUrl });
    await db.connect();
    await db.query(
      'CREATE TABLE bench_rpc_items (id int PRIMARY KEY, name text NOT NULL, price numeric(12, 2) NOT NULL)',
    );
    await db.query(
      `INSERT INTO bench_rpc_items SELECT g, 'item ' || g, g * 1.25 FROM generate_series(1, ${RAW_ROWS}) g`,
    );
    await db.query('ANALYZE bench_rpc_items');
    await db.end();

    const results = [];

    // 1. The raw pair.
    if (CASES.includes('raw')) {
      rawChild = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
        cwd: ROOT,
        env: { ...process.env, BENCH_RPC_ROLE: 'raw-server', BENCH_RAW_DATABASE_URL: benchUrl },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise((resolve, reject) => {
        rawChild.stdout.on('data', (chunk) => String(chunk).includes('ready') && resolve());
        rawChild.once('exit', (code) => reject(new Error(`the raw server exited (${code}) before it was ready`)));
      });
      const { ClientProxyFactory, Transport } = await import('@nestjs/microservices');
      (await import('@nestjs/common')).Logger.overrideLogger(['error', 'warn']);
      const { firstValueFrom } = await import('rxjs');
      const client = ClientProxyFactory.create({
        transport: Transport.RMQ,
        options: {
          urls: [servers.RABBITMQ_URL],
          queue: RAW_QUEUE,
          queueOptions: { durable: true },
          noAck: true, // replies on amq.rabbitmq.reply-to, as rmqClientOptions
          persistent: true,
          socketOptions: platform.RMQ_SOCKET_OPTIONS,
        },
      });
      await client.connect();
      const first = await firstValueFrom(client.send('raw.get', { id: 1 }));
      if (first?.id !== 1) throw new Error(`the raw server answered ${JSON.stringify(first)}`);
      const rawGet = async (i) => {
        const row = await firstValueFrom(client.send('raw.get', { id: (i % RAW_ROWS) + 1 }));
        return row?.id === (i % RAW_ROWS) + 1;
      };
      results.push(await measure('raw Nest RMQ pair + PK SELECT', rawGet));
      if (CASES.includes('raw4')) {
        // The least a request asking four services can cost: four raw round trips at once, nothing else.
        results.push(
          await measure('raw pair, 4 requests at once (the list floor)', async (i) =>
            (await Promise.all([0, 1, 2, 3].map((k) => rawGet(i * 4 + k)))).every(Boolean),
          ),
        );
      }
      await client.close();
    }

    // 2. The suite.
    const suiteCases = CASES.filter((c) => c !== 'raw' && c !== 'raw4');
    if (suiteCases.length) {
      const { SERVICE_NAMES } = await import('../dist/libs/contracts/src/index.js');
      const { signLocalToken } = await import('../dist/apps/gateway/src/auth/jwt-verifier.service.js');
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const env = appEnv({
        benchUrl,
        namespace: NAMESPACE,
        port,
        extra: {
          FITMENT_PROVIDER: 'local',
          STORAGE_DIR: `${LOG_DIR}/storage-rpc`,
          // The gateway's list cache, to compare with it off (0).
          ...(process.env.JOBS_LIST_CACHE_MS ? { JOBS_LIST_CACHE_MS: process.env.JOBS_LIST_CACHE_MS } : {}),
        },
      });
      const serviceArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
      const opsPorts = {};
      for (const name of SERVICE_NAMES) {
        opsPorts[name] = await freePort();
        apps.start(name, { ...env, HTTP_PORT: String(opsPorts[name]) }, serviceArgs);
      }
      const scrapeHandlers = async () => {
        const totals = new Map();
        for (const name of SERVICE_NAMES)
          handlerTotals(await (await fetch(`http://127.0.0.1:${opsPorts[name]}/metrics`)).text(), totals);
        return totals;
      };
      const gatewayArgs = (process.env.BENCH_GATEWAY_NODE_ARGS ?? '').split(' ').filter(Boolean);
      apps.start('gateway', env, gatewayArgs);
      const token = await signLocalToken(JWT_SECRET, {
        sub: 'bench',
        tenants: [TENANT],
        roles: ['admin', 'reviewer'],
      });
      const headers = { authorization: `Bearer ${token}`, 'x-tenant-id': TENANT, 'content-type': 'application/json' };
      const api = (path, init = {}) => fetch(`${base}${path}`, { ...init, headers });
      await apps.until('the gateway to be ready', async () => (await fetch(`${base}/health/ready`)).ok);
      await apps.until('every service to answer', async () => (await api('/api/v1/jobs')).ok);

      const productIds = [];
      for (let i = 0; i < SELECTION_PRODUCTS; i++) {
        const res = await api('/api/v1/catalog/products', {
          method: 'POST',
          body: JSON.stringify({
            part_number: `RPC-${String(i + 1).padStart(4, '0')}`,
            name: 'Front Disc Brake Rotor, Vented',
            description: `Fits ${2010 + (i % 10)}-${2014 + (i % 10)} Honda Civic`,
            category: 'Brake Rotors',
            brand: 'Torque Bench',
            attributes: { position: 'Front' },
          }),
        });
        if (res.status !== 201) throw new Error(`creating product ${i}: ${res.status} ${await res.text()}`);
        productIds.push((await res.json()).id);
      }
      // Every 3-product set of the products, in a fixed order: request i takes set i.
      const selections = [];
      for (let a = 0; a < productIds.length; a++)
        for (let b = a + 1; b < productIds.length; b++)
          for (let c = b + 1; c < productIds.length; c++)
            selections.push([productIds[a], productIds[b], productIds[c]]);
      const createJob = (ids) =>
        api('/api/data-uploads/ai-fitment-jobs/', {
          method: 'POST',
          body: JSON.stringify({ product_ids: ids, job_type: 'selection' }),
        });
      let nextSelection = 0;
      const firstJob = await createJob(selections[nextSelection++]);
      if (firstJob.status !== 201) throw new Error(`creating a job: ${firstJob.status} ${await firstJob.text()}`);
      const { job_id: jobId } = await firstJob.json();
      console.log(`suite up on ${base} (${DATABASE}, namespace ${NAMESPACE}); ${productIds.length} products\n`);

      const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
      const authHeaders = { authorization: headers.authorization, 'x-tenant-id': TENANT };
      /** While set, each answer's Server-Timing and the client's time of the request are kept here. */
      let timings = null;
      /** One HTTP request; resolves true for a 2xx, after reading the whole answer. */
      const request = (method, path, body) =>
        new Promise((resolve, reject) => {
          const sent = performance.now();
          const req = http.request(
            `${base}${path}`,
            {
              method,
              agent,
              headers: body
                ? { ...authHeaders, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
                : authHeaders,
            },
            (res) => {
              res.on('data', () => undefined);
              res.on('end', () => {
                timings?.push({
                  clientMs: performance.now() - sent,
                  entries: parseServerTiming(res.headers['server-timing']),
                });
                resolve(res.statusCode >= 200 && res.statusCode < 300);
              });
              res.on('error', reject);
            },
          );
          req.on('error', reject);
          req.end(body);
        });

      const suite = {
        product: [
          'GET /api/v1/catalog/products/{id}',
          () => request('GET', `/api/v1/catalog/products/${productIds[0]}`),
          'catalog.products.get',
        ],
        jobs: ['GET /api/v1/jobs?limit=20', () => request('GET', '/api/v1/jobs?limit=20'), 'jobs.list'],
        'jobs-busy': [
          `GET /api/v1/jobs?limit=20 while ${BUSY_JOBS_PER_SECOND} jobs/s are created`,
          () => request('GET', '/api/v1/jobs?limit=20'),
          'jobs.list',
        ],
        progress: [
          'GET /api/data-uploads/ai-fitment-jobs/{id}/progress/',
          () => request('GET', `/api/data-uploads/ai-fitment-jobs/${jobId}/progress/`),
          'fitment.ai-jobs.progress',
        ],
        create: [
          'POST /api/data-uploads/ai-fitment-jobs/ (3 products)',
          () => {
            if (nextSelection >= selections.length) throw new Error('out of distinct selections');
            const body = JSON.stringify({ product_ids: selections[nextSelection++], job_type: 'selection' });
            return request('POST', '/api/data-uploads/ai-fitment-jobs/', body);
          },
          'fitment.ai-jobs.create',
        ],
      };
      const statsDb = new pg.Client({ connectionString: benchUrl });
      await statsDb.connect();
      /** Transactions committed and rows written per table of the bench database, as PostgreSQL counts them. */
      const dbStats = async () => {
        const [{ rows: db }, { rows: tables }] = await Promise.all([
          statsDb.query(
            'SELECT xact_commit::bigint AS commits FROM pg_stat_database WHERE datname = current_database()',
          ),
          statsDb.query(
            `SELECT schemaname || '.' || relname AS name, (n_tup_ins + n_tup_upd + n_tup_del)::bigint AS written
               FROM pg_stat_user_tables`,
          ),
        ]);
        return { commits: Number(db[0].commits), tables: new Map(tables.map((t) => [t.name, Number(t.written)])) };
      };
      /** Waits until no fitment job is queued or processing; returns the seconds it took and the jobs by status. */
      const settleJobs = async () => {
        const started = performance.now();
        for (;;) {
          const { rows } = await statsDb.query(
            "SELECT status, count(*)::int AS n FROM fitment.jobs WHERE type = 'fitment.generate' GROUP BY status",
          );
          const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
          if (!byStatus.queued && !byStatus.processing)
            return { seconds: (performance.now() - started) / 1000, byStatus };
          if (performance.now() - started > 300_000)
            throw new Error(`fitment jobs still running after 300 s: ${JSON.stringify(byStatus)}`);
          await sleep(200);
        }
      };
      let backgroundErrors = 0;
      const createJobInBackground = async () => {
        if (nextSelection >= selections.length) return;
        const body = JSON.stringify({ product_ids: selections[nextSelection++], job_type: 'selection' });
        if (!(await request('POST', '/api/data-uploads/ai-fitment-jobs/', body).catch(() => false))) backgroundErrors++;
      };
      for (const c of suiteCases) {
        if (!suite[c]) throw new Error(`unknown case ${c} (cases: ${ALL_CASES.join(', ')})`);
        const [name, call, ownPattern] = suite[c];
        // jobs-busy: fitment jobs created meanwhile at a steady rate, each with its state and progress events.
        const busy =
          c === 'jobs-busy' ? setInterval(() => void createJobInBackground(), 1000 / BUSY_JOBS_PER_SECOND) : null;
        const aroundOne = async (run) => {
          const before = await scrapeHandlers();
          timings = [];
          const result = await run();
          const kept = timings;
          timings = null;
          const after = await scrapeHandlers();
          return { result, stages: { ...stageBreakdown(kept, handlerDelta(before, after), kept.length), ownPattern } };
        };
        // Jobs created by an earlier case run to their end first, so no case measures another's jobs.
        await settleJobs();
        const statsBefore = c === 'create' ? await dbStats() : null;
        const createdBefore = nextSelection;
        try {
          results.push(await measure(name, call, { aroundOne }));
        } finally {
          if (busy) clearInterval(busy);
        }
        if (statsBefore) {
          // Every job created must settle; then what one job cost the database, from its creation to its end.
          const settled = await settleJobs();
          await sleep(1500); // PostgreSQL publishes its counters about once a second
          const after = await dbStats();
          const jobs = nextSelection - createdBefore;
          const perJob = [...after.tables]
            .map(([table, n]) => [table, (n - (statsBefore.tables.get(table) ?? 0)) / jobs])
            .filter(([, n]) => n >= 0.05)
            .sort((a, b) => b[1] - a[1]);
          createCosts = {
            jobs,
            settleSeconds: settled.seconds,
            byStatus: settled.byStatus,
            commitsPerJob: (after.commits - statsBefore.commits) / jobs,
            perJob,
          };
        }
      }
      agent.destroy();
      await statsDb.end();
      selectionsUsed = nextSelection;
      if (backgroundErrors) console.log(`${backgroundErrors} background job creations failed`);
    }

    // 3. The table.
    const raw = results.find((r) => r.name.startsWith('raw'));
    const fmt = (v, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '-');
    const ratio = (v, r) => (raw && Number.isFinite(v) && r ? `${(v / r).toFixed(v / r < 0.1 ? 3 : 2)}x` : '-');
    console.log(
      `\n${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), node ${process.version}; one at a time: ${CALLS} calls; ` +
        `${CONCURRENCY.join(' and ')} concurrent: ${SECONDS} s each; latencies in ms; ratios against the raw pair of this run\n`,
    );
    console.log(
      '| case | load avg | 1 at a time: mean | p50 | p99 | req/s | mean / raw | ' +
        CONCURRENCY.map((c) => `${c} conc: req/s | p50 | p99 | req/s / raw`).join(' | ') +
        ' | errors |',
    );
    console.log(
      `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ${CONCURRENCY.map(() => '---: | ---: | ---: | ---:').join(' | ')} | ---: |`,
    );
    for (const r of results) {
      const errors = r.one.errors + CONCURRENCY.reduce((n, c) => n + r.concurrent[c].errors, 0);
      const cells = [
        r.name,
        r.load1.toFixed(2),
        fmt(r.one.mean, 2),
        fmt(r.one.p50, 2),
        fmt(r.one.p99, 2),
        Math.round(r.one.rps),
        ratio(r.one.mean, raw?.one.mean),
        ...CONCURRENCY.flatMap((c) => [
          Math.round(r.concurrent[c].rps),
          fmt(r.concurrent[c].p50),
          fmt(r.concurrent[c].p99),
          ratio(r.concurrent[c].rps, raw?.concurrent[c].rps),
        ]),
        errors,
      ];
      console.log(`| ${cells.join(' | ')} |`);
    }
    const staged = results.filter((r) => r.stages);
    if (staged.length) {
      console.log(
        "\nWhere the time of one request goes, one at a time (means in ms): the client's whole request; in the gateway " +
          '(Server-Timing) its whole time, auth, rate limit, RabbitMQ requests (count, sum, longest); the handler of ' +
          'the pattern the gateway asked (validation and SQL included, means over the same requests); transport = ' +
          'longest rpc - that handler; gateway other = gateway - auth - ratelimit - longest rpc. Last column: every ' +
          'pattern the services answered meanwhile, mean ms x calls per request.\n',
      );
      console.log(
        '| case | client | gateway | auth | ratelimit | rpc count | rpc sum | rpc longest | handler | transport | gateway other | handlers |',
      );
      console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
      for (const r of staged) {
        const st = r.stages;
        const other = st.gateway - st.auth - st.ratelimit - st.rpcMax;
        const own = st.handlers.find((h) => h.pattern === st.ownPattern)?.mean ?? NaN;
        const cells = [
          r.name,
          fmt(st.client, 2),
          fmt(st.gateway, 2),
          fmt(st.auth, 2),
          fmt(st.ratelimit, 2),
          fmt(st.rpcCount, 1),
          fmt(st.rpcSum, 2),
          fmt(st.rpcMax, 2),
          fmt(own, 2),
          fmt(st.rpcMax - own, 2),
          fmt(other, 2),
          st.handlers.map((h) => `${h.pattern} ${fmt(h.mean, 2)} x ${fmt(h.perRequest, 2)}`).join('; ') || '-',
        ];
        console.log(`| ${cells.join(' | ')} |`);
      }
    }
    if (suiteCases.includes('create'))
      console.log(`\nThe job creations (warm-ups included) used ${selectionsUsed} distinct product sets.`);
    if (createCosts) {
      console.log(
        `Every one of the ${createCosts.jobs} jobs of the create case settled, ${createCosts.settleSeconds.toFixed(1)} s ` +
          `after the last request (fitment jobs by status: ${JSON.stringify(createCosts.byStatus)}). Per job, from ` +
          `its creation to its end: ${createCosts.commitsPerJob.toFixed(1)} PostgreSQL transactions (all processes), ` +
          `rows written: ${createCosts.perJob.map(([t, n]) => `${t} ${n.toFixed(1)}`).join(', ')}.`,
      );
    }
  }

  await runBench('bench:rpc', main, cleanUp);
}
