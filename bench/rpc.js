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
const ALL_CASES = ['raw', 'raw4', 'product', 'jobs', 'progress', 'create'];
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

/** Sum and count of torque_rpc_handler_duration_seconds over all patterns in a Prometheus text scrape. */
function handlerTotals(text) {
  let sum = 0;
  let count = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('torque_rpc_handler_duration_seconds_sum')) sum += Number(line.split(' ').pop());
    else if (line.startsWith('torque_rpc_handler_duration_seconds_count')) count += Number(line.split(' ').pop());
  }
  return { sum, count };
}

/**
 * Mean per request of each stage: the client's whole request, the gateway's time (`gateway`), its auth and rate
 * limit, the RabbitMQ requests (`rpc`: how many, their sum and the longest, the one a fan-out waits for), and
 * the services' handler time over the same requests (payload validation and SQL included).
 */
function stageBreakdown(timings, handlerDelta, requests) {
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
    handlerMean: handlerDelta.count ? (handlerDelta.sum * 1000) / handlerDelta.count : NaN,
    handlerPerRequest: requests ? handlerDelta.count / requests : NaN,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The bench.

async function benchMain() {
  const { servers, adminUrl, benchUrl } = await loadServers(DATABASE);
  const apps = new Apps({ logPrefix: 'rpc-', exitCodeInErrors: true });
  let rawChild;
  let selectionsUsed = 0;
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
        extra: { FITMENT_PROVIDER: 'local', STORAGE_DIR: `${LOG_DIR}/storage-rpc` },
      });
      const serviceArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
      const opsPorts = {};
      for (const name of SERVICE_NAMES) {
        opsPorts[name] = await freePort();
        apps.start(name, { ...env, HTTP_PORT: String(opsPorts[name]) }, serviceArgs);
      }
      const scrapeHandlers = async () => {
        const totals = { sum: 0, count: 0 };
        for (const name of SERVICE_NAMES) {
          const t = handlerTotals(await (await fetch(`http://127.0.0.1:${opsPorts[name]}/metrics`)).text());
          totals.sum += t.sum;
          totals.count += t.count;
        }
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
        ],
        jobs: ['GET /api/v1/jobs?limit=20', () => request('GET', '/api/v1/jobs?limit=20')],
        progress: [
          'GET /api/data-uploads/ai-fitment-jobs/{id}/progress/',
          () => request('GET', `/api/data-uploads/ai-fitment-jobs/${jobId}/progress/`),
        ],
        create: [
          'POST /api/data-uploads/ai-fitment-jobs/ (3 products)',
          () => {
            if (nextSelection >= selections.length) throw new Error('out of distinct selections');
            const body = JSON.stringify({ product_ids: selections[nextSelection++], job_type: 'selection' });
            return request('POST', '/api/data-uploads/ai-fitment-jobs/', body);
          },
        ],
      };
      for (const c of suiteCases) {
        if (!suite[c]) throw new Error(`unknown case ${c} (cases: ${ALL_CASES.join(', ')})`);
        const [name, call] = suite[c];
        const aroundOne = async (run) => {
          const before = await scrapeHandlers();
          timings = [];
          const result = await run();
          const kept = timings;
          timings = null;
          const after = await scrapeHandlers();
          const delta = { sum: after.sum - before.sum, count: after.count - before.count };
          return { result, stages: stageBreakdown(kept, delta, kept.length) };
        };
        results.push(await measure(name, call, { aroundOne }));
      }
      agent.destroy();
      selectionsUsed = nextSelection;
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
          "(Server-Timing) its whole time, auth, rate limit, RabbitMQ requests (count, sum, longest); the services' " +
          'handler time per RabbitMQ request (validation and SQL included); transport = longest rpc - handler.\n',
      );
      console.log(
        '| case | client | gateway | auth | ratelimit | rpc count | rpc sum | rpc longest | handler per rpc | transport | gateway other |',
      );
      console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
      for (const r of staged) {
        const st = r.stages;
        const other = st.gateway - st.auth - st.ratelimit - st.rpcMax;
        const cells = [
          r.name,
          fmt(st.client, 2),
          fmt(st.gateway, 2),
          fmt(st.auth, 2),
          fmt(st.ratelimit, 2),
          fmt(st.rpcCount, 1),
          fmt(st.rpcSum, 2),
          fmt(st.rpcMax, 2),
          fmt(st.handlerMean, 2),
          fmt(st.rpcMax - st.handlerMean, 2),
          fmt(other, 2),
        ];
        console.log(`| ${cells.join(' | ')} |`);
      }
    }
    if (suiteCases.includes('create'))
      console.log(`\nThe job creations (warm-ups included) used ${selectionsUsed} distinct product sets.`);
  }

  await runBench('bench:rpc', main, cleanUp);
}
