#!/usr/bin/env node
// `npm run bench:jobs` (run `npm run build` first): end-to-end jobs/s, against raw Bull in the same run.
//  1. Raw Bull: a bare `bull` Queue in this process on the same Redis (prefix `benchjobs:rawbull`), a no-op
//     processor in a child process with the platform's worker concurrency (WORKER_CONCURRENCY for the job's name
//     plus 1 for the schedule trigger on the same queue, as the maintenance queue has: Bull adds them up), the
//     platform's job and queue options. BENCH_JOBS jobs added one at a time by BENCH_CONCURRENCY concurrent adders
//     (the baseline, comparable to the HTTP submissions), then the same number via addBulk (chunks of 100); each
//     measured from the first add to the last `completed`. Then the database floor: the job's SQL alone, statement
//     for statement, from this process (BENCH_FLOOR=0 skips it).
//  2. End to end: the gateway and one service (BENCH_SERVICE, default fitment) from dist/, as bench:gateway starts
//     them. BENCH_JOBS clean-ups with nothing to clean (`POST /api/v1/admin/maintenance/cleanup` with
//     `{services: [service]}`, admin token), BENCH_CONCURRENCY at a time. The clean-up de-duplicates per tenant
//     while queued or running, so the submissions take turns over BENCH_TENANTS tenants: a tenant gets its next
//     job once the stream has shown its last one completed. One SSE client per tenant on
//     `GET /api/v1/jobs/events`. Measured from the first submission until every job is completed in every sense:
//     the job row (`<service>.jobs`, read directly), Bull (completed, or removed by removeOnComplete), its outbox
//     rows published, and the SSE client's `completed` event. Before it, BENCH_SERIAL_JOBS jobs one at a time
//     (the unloaded latency; also the warm-up).
// Prints jobs/s of both, the ratio, submit latency and submit-to-SSE-completed p50/p99, lost and duplicated jobs,
// where the time of a job goes (from the rows' and outbox's timestamps) and the CPU time of each process.
// BENCH_SERVICE_NODE_ARGS / BENCH_GATEWAY_NODE_ARGS pass node flags (e.g. `--cpu-prof --cpu-prof-dir=bench/.out/prof`);
// the apps get this process's environment, so e.g. `OUTBOX_POLL_MS=50 WORKER_CONCURRENCY=4 npm run bench:jobs`
// changes the platform (and WORKER_CONCURRENCY the raw worker too). Exits 0 with failures printed as figures;
// 1 only when the bench itself broke. App logs: bench/.out/jobs-*.log.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
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

const JOBS = Number(process.env.BENCH_JOBS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 200);
const SERIAL_JOBS = Number(process.env.BENCH_SERIAL_JOBS ?? 30);
const SERVICE = process.env.BENCH_SERVICE ?? 'fitment';
/** A phase gives up when nothing completed for this long. */
const STALL_MS = Number(process.env.BENCH_STALL_MS ?? 30_000);
const BULK_CHUNK = 100;
const DATABASE = 'torque_bench_jobs';
const NAMESPACE = 'benchjobs';
const RAW_PREFIX = `${NAMESPACE}:rawbull`;
const RAW_QUEUE = 'raw.maintenance';
const JOB_NAME = 'maintenance.cleanup';
const TRIGGER_NAME = 'maintenance.cleanup-schedule';
const TENANT_PREFIX = 'bj-';

requireBuild('bench:jobs');
const platform = await import('../dist/libs/platform/src/index.js');
/** The settings the services read (WORKER_CONCURRENCY, Bull's lock and stall settings ...), from this environment. */
const serviceEnv = platform.loadEnv(platform.ServiceEnv);
const WORKER_CONCURRENCY = serviceEnv.WORKER_CONCURRENCY;
const QUEUE_SETTINGS = {
  ...platform.DEFAULT_QUEUE_SETTINGS,
  lockDuration: serviceEnv.BULL_LOCK_DURATION_MS,
  stalledInterval: serviceEnv.BULL_STALLED_INTERVAL_MS,
};
/** The clean-up's Bull options: the platform's defaults with attempts 2 (MaintenanceService.startCleanup). */
const JOB_OPTIONS = { ...platform.DEFAULT_JOB_OPTIONS, attempts: 2 };

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes of this machine. */
const now = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------------------------------------------------------
// The raw worker: this file again, in a child process (BENCH_JOBS_ROLE=raw-worker).

async function rawWorker() {
  const Bull = (await import('bull')).default;
  const queue = new Bull(RAW_QUEUE, serviceEnv.REDIS_URL, {
    prefix: RAW_PREFIX,
    defaultJobOptions: platform.DEFAULT_JOB_OPTIONS,
    settings: QUEUE_SETTINGS,
  });
  let expected = 0;
  let times = [];
  queue.on('completed', (job) => {
    times.push([job.data.jobId, now()]);
    if (times.length === expected) process.send({ done: true, times });
  });
  process.on('message', async (m) => {
    if (m.expect !== undefined) {
      expected = m.expect;
      times = [];
      process.send({ expecting: true });
    } else if (m.report) {
      process.send({ done: true, times });
    } else if (m.stop) {
      await queue.close();
      process.exit(0);
    }
  });
  await queue.isReady();
  const noop = async () => null;
  queue.process(JOB_NAME, WORKER_CONCURRENCY, noop).catch((err) => console.error(err));
  queue.process(TRIGGER_NAME, 1, noop).catch((err) => console.error(err));
  process.send({ ready: true });
}

// ---------------------------------------------------------------------------------------------------------------
// Figures.

function quantiles(values) {
  const sorted = Float64Array.from(values).sort();
  const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  return { p50: at(0.5), p99: at(0.99), n: sorted.length };
}
const fmt = (v, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '-');

/** Runs `body(i)` for i in [0, n) with `concurrency` at a time, in order of i. */
async function pool(n, concurrency, body) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await body(next++);
    }),
  );
}

/** CPU seconds (user + system) of process `pid`, or NaN when it is gone. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks (USER_HZ, 100 on Linux)
  } catch {
    return NaN;
  }
}
const SERVERS = { postgres: 'postgres', 'redis-server': 'redis', 'beam.smp': 'rabbitmq' };
/** CPU seconds of each process of the servers (PostgreSQL, Redis, RabbitMQ) on this machine, by pid. */
function serverCpu() {
  const out = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const server = SERVERS[readFileSync(`/proc/${pid}/comm`, 'utf8').trim()];
      if (server) out.set(pid, { server, cpu: cpuSeconds(pid) });
    } catch {
      // gone
    }
  }
  return out;
}
/** CPU seconds of each server between two serverCpu() samples (a process started meanwhile counts from 0). */
function serverCpuDelta(before, after) {
  const sum = { postgres: 0, redis: 0, rabbitmq: 0 };
  for (const [pid, { server, cpu }] of after) sum[server] += cpu - (before.get(pid)?.cpu ?? 0);
  return sum;
}
/** The machine's busy and total CPU seconds so far, summed over the cores. */
function machineCpu() {
  const [, ...t] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const total = t.slice(0, 8).reduce((a, b) => a + b, 0) / 100;
  const idle = (t[3] + t[4]) / 100;
  return { busy: total - idle, total };
}

// ---------------------------------------------------------------------------------------------------------------
// The bench.

async function benchMain() {
  const { servers, adminUrl, benchUrl } = await loadServers(DATABASE);
  const apps = new Apps({ logPrefix: 'jobs-', exitCodeInErrors: true });
  const cleanSuite = cleaner({ apps, servers, adminUrl, database: DATABASE, namespace: NAMESPACE });
  let rawChild;
  const closers = [];
  const cleanUp = async () => {
    for (const close of closers.splice(0)) await close().catch(() => undefined);
    if (rawChild && rawChild.exitCode === null) {
      const exited = new Promise((resolve) => rawChild.once('exit', resolve));
      rawChild.send({ stop: true });
      await Promise.race([exited, sleep(10_000).then(() => rawChild.kill('SIGKILL'))]);
    }
    await cleanSuite();
  };

  async function main() {
    await checkServers('bench:jobs', servers, adminUrl);
    await resetSuite({ servers, adminUrl, benchUrl, database: DATABASE, namespace: NAMESPACE });
    const load1 = os.loadavg()[0];
    console.log(
      `bench:jobs: ${JOBS} jobs, ${CONCURRENCY} concurrent submissions, worker concurrency ${WORKER_CONCURRENCY} ` +
        `(+1 trigger processor on the queue), ${os.cpus().length} CPUs, node ${process.version}, load average ${load1.toFixed(2)}\n`,
    );
    const raw = await rawBull(servers);
    const floor = process.env.BENCH_FLOOR === '0' ? null : await databaseFloor(benchUrl);
    const e2e = await endToEnd(servers, benchUrl);
    report(raw, floor, e2e, load1);
  }

  /** Phase 1: raw Bull add + no-op process. */
  async function rawBull() {
    const Bull = (await import('bull')).default;
    rawChild = fork(fileURLToPath(import.meta.url), [], {
      env: { ...process.env, BENCH_JOBS_ROLE: 'raw-worker' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const message = (pred) =>
      new Promise((resolve, reject) => {
        const onMessage = (m) => {
          if (!pred(m)) return;
          rawChild.off('message', onMessage);
          rawChild.off('exit', onExit);
          resolve(m);
        };
        const onExit = (code) => reject(new Error(`the raw worker exited (${code})`));
        rawChild.on('message', onMessage);
        rawChild.once('exit', onExit);
      });
    await message((m) => m.ready);
    const queue = new Bull(RAW_QUEUE, servers.REDIS_URL, { prefix: RAW_PREFIX, settings: QUEUE_SETTINGS });
    closers.push(() => queue.close());
    await queue.isReady();

    const results = {};
    for (const mode of ['one', 'bulk']) {
      const ids = Array.from({ length: JOBS }, () => randomUUID());
      const addedAt = new Map();
      const addLatencies = [];
      rawChild.send({ expect: JOBS });
      await message((m) => m.expecting);
      const done = message((m) => m.done);
      const data = (id) => ({ jobId: id, meta: { tenantId: 'bench', correlationId: `raw-${id}` } });
      const cpu0 = { bench: process.cpuUsage(), worker: cpuSeconds(rawChild.pid), servers: serverCpu() };
      const t0 = now();
      if (mode === 'one') {
        await pool(JOBS, CONCURRENCY, async (i) => {
          const id = ids[i];
          const t = now();
          addedAt.set(id, t);
          await queue.add(JOB_NAME, data(id), { ...JOB_OPTIONS, jobId: id });
          addLatencies.push(now() - t);
        });
      } else {
        for (let i = 0; i < JOBS; i += BULK_CHUNK) {
          const chunk = ids.slice(i, i + BULK_CHUNK);
          const t = now();
          for (const id of chunk) addedAt.set(id, t);
          await queue.addBulk(
            chunk.map((id) => ({ name: JOB_NAME, data: data(id), opts: { ...JOB_OPTIONS, jobId: id } })),
          );
          addLatencies.push(now() - t);
        }
      }
      const tAdded = now();
      // Gives up once nothing completed for STALL_MS.
      let timedOut = false;
      let lastCounts = '';
      let lastChange = now();
      let watching = true;
      const stall = (async () => {
        while (watching) {
          await sleep(500);
          const c = JSON.stringify(await queue.getJobCounts());
          if (c !== lastCounts) [lastCounts, lastChange] = [c, now()];
          if (now() - lastChange > STALL_MS) return 'stalled';
        }
        return 'done';
      })();
      let outcome = await Promise.race([done, stall]);
      if (outcome === 'stalled') {
        timedOut = true;
        rawChild.send({ report: true });
        outcome = await done;
      }
      const servers = serverCpuDelta(cpu0.servers, serverCpu());
      const benchCpu = process.cpuUsage(cpu0.bench);
      const cpu = {
        adder: (benchCpu.user + benchCpu.system) / 1e6,
        worker: cpuSeconds(rawChild.pid) - cpu0.worker,
        redis: servers.redis,
      };
      const completions = new Map();
      for (const [id, t] of outcome.times) completions.set(id, [...(completions.get(id) ?? []), t]);
      const toCompleted = [...completions].map(([id, ts]) => ts[0] - addedAt.get(id));
      const tLast = Math.max(...outcome.times.map(([, t]) => t));
      const add = quantiles(addLatencies);
      const lat = quantiles(toCompleted);
      results[mode] = {
        name:
          mode === 'one'
            ? `raw bull: add one at a time (${CONCURRENCY} concurrent)`
            : `raw bull: addBulk (${BULK_CHUNK} a call)`,
        jobs: JOBS,
        seconds: (tLast - t0) / 1000,
        jobsPerSec: completions.size / ((tLast - t0) / 1000),
        addPerSec: JOBS / ((tAdded - t0) / 1000),
        submit: add,
        toCompleted: lat,
        lost: JOBS - completions.size,
        duplicated: [...completions.values()].filter((ts) => ts.length > 1).length,
        timedOut,
        cpu,
      };
      console.log(
        `${results[mode].name}: ${fmt(results[mode].jobsPerSec, 0)} jobs/s (${fmt(results[mode].seconds, 2)} s; ` +
          `adds ${fmt(results[mode].addPerSec, 0)}/s); CPU ms a job: adder (this process) ${fmt((cpu.adder / JOBS) * 1000, 3)}, ` +
          `worker ${fmt((cpu.worker / JOBS) * 1000, 3)}, redis ${fmt((cpu.redis / JOBS) * 1000, 3)}`,
      );
      watching = false;
      await stall.catch(() => undefined);
      await queue.clean(0, 'completed');
      await queue.empty();
    }
    rawChild.send({ stop: true });
    await new Promise((resolve) => rawChild.once('exit', resolve));
    await queue.obliterate({ force: true });
    return results;
  }

  /**
   * Phase 1b: the database floor. The SQL a clean-up job costs in the platform, statement for statement
   * (JobLifecycleService.create, start, CleanupJobHandler's count, two progress writes and delete, finish, each
   * event's outbox row, and the relay's claim and mark, kicked after each commit and coalesced as the relay is),
   * sent from this process with node-postgres on WORKER_CONCURRENCY + 1 connections plus one for the relay:
   * no gateway, RabbitMQ, Bull, Nest or TypeORM. What the job's database work alone allows.
   */
  async function databaseFloor(benchUrl) {
    const connect = async () => {
      const c = new pg.Client({ connectionString: benchUrl });
      await c.connect();
      await c.query(`SET search_path TO ${SERVICE}`);
      return c;
    };
    const workers = await Promise.all(Array.from({ length: WORKER_CONCURRENCY + 1 }, connect));
    const relayClient = await connect();
    const all = [...workers, relayClient];
    closers.push(() => Promise.all(all.map((c) => c.end())));
    const emit = (c, event, row) => {
      const envelope = {
        id: randomUUID(),
        event,
        service: SERVICE,
        tenantId: row.tenant_id,
        correlationId: row.correlation_id,
        occurredAt: new Date().toISOString(),
        data: platform.toJobView(SERVICE, row),
      };
      return c.query('INSERT INTO outbox (id, routing_key, payload) VALUES ($1, $2, $3)', [
        envelope.id,
        `${event}.${SERVICE}`,
        envelope,
      ]);
    };
    let draining = null;
    let again = false;
    const drain = async () => {
      for (;;) {
        await relayClient.query('START TRANSACTION');
        const { rows } = await relayClient.query(
          'SELECT id, routing_key, payload FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT 200 FOR UPDATE SKIP LOCKED',
        );
        if (rows.length)
          await relayClient.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1)', [rows.map((r) => r.id)]);
        await relayClient.query('COMMIT');
        if (rows.length < 200) return;
      }
    };
    const kick = () => {
      if (draining) {
        again = true;
        return;
      }
      draining = drain().finally(() => {
        draining = null;
        if (again) {
          again = false;
          kick();
        }
      });
    };
    const tx = async (c, body) => {
      await c.query('START TRANSACTION');
      const row = await body();
      await c.query('COMMIT');
      kick();
      return row;
    };
    const cutoff = new Date(Date.now() - serviceEnv.RETENTION_DAYS * 24 * 3600 * 1000);
    const job = async (c, i) => {
      const tenant = `floor-${i % TENANTS}`;
      const id = randomUUID();
      await tx(c, async () => {
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${tenant}:${JOB_NAME}:cleanup`]);
        await c.query(
          `SELECT * FROM jobs WHERE tenant_id = $1 AND type = $2 AND dedupe_key = $3 AND status IN ('queued','processing')`,
          [tenant, JOB_NAME, 'cleanup'],
        );
        const { rows } = await c.query(
          `INSERT INTO jobs (id, tenant_id, type, status, params, dedupe_key, correlation_id, progress_total)
           VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7) RETURNING *`,
          [id, tenant, JOB_NAME, { queue: 'maintenance' }, 'cleanup', `floor-${id}`, 0],
        );
        await emit(c, 'job.state', rows[0]);
      });
      const locked = (patchSql, params) =>
        tx(c, async () => {
          await c.query('SELECT * FROM jobs WHERE id = $1 FOR UPDATE', [id]);
          const { rows } = await c.query(`UPDATE jobs SET updated_at = now(), ${patchSql} WHERE id = $1 RETURNING *`, [
            id,
            ...params,
          ]);
          await emit(c, 'job.state', rows[0]);
        });
      const progress = (message) =>
        tx(c, async () => {
          const { rows } = await c.query(
            `UPDATE jobs SET updated_at = now(), progress_current = $2, progress_total = $3, progress_message = $4, counts = $5
              WHERE id = $1 RETURNING *`,
            [id, 0, 0, message, { jobs_deleted: 0, outbox_deleted: 0, inbox_deleted: 0, bull_jobs_removed: 0 }],
          );
          await emit(c, 'job.progress', rows[0]);
        });
      await locked(
        `status = $2, error_code = $3, error_message = $4, started_at = COALESCE(started_at, now()), attempts = attempts + 1`,
        ['processing', null, null],
      );
      await c.query(
        `SELECT
           (SELECT count(*)::int FROM jobs WHERE status IN ('completed','failed','cancelled') AND completed_at < $1
              AND id <> $2 AND ($3::varchar IS NULL OR tenant_id = $3)) AS jobs,
           (SELECT count(*)::int FROM outbox WHERE published_at < $1) AS outbox,
           (SELECT count(*)::int FROM inbox WHERE handled_at < $1) AS inbox`,
        [cutoff, id, tenant],
      );
      await progress(`Deleting records finished before ${cutoff.toISOString()}`);
      await c.query(
        `DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE status IN ('completed','failed','cancelled')
           AND completed_at < $1 AND ($3::varchar IS NULL OR tenant_id = $3) LIMIT $2)`,
        [cutoff, serviceEnv.CLEANUP_BATCH_SIZE, tenant],
      );
      await progress('Deleting finished job records');
      await locked(`status = $2, counts = $3, progress_current = $4, progress_message = $5, completed_at = now()`, [
        'completed',
        { jobs_deleted: 0, outbox_deleted: 0, inbox_deleted: 0, bull_jobs_removed: 0 },
        0,
        'Clean-up finished',
      ]);
    };
    const stats = async () =>
      (
        await relayClient.query(
          `SELECT xact_commit::float8 AS commits FROM pg_stat_database WHERE datname = current_database()`,
        )
      ).rows[0].commits;
    const commits0 = await stats();
    const cpu0 = { bench: process.cpuUsage(), servers: serverCpu() };
    const t0 = now();
    let next = 0;
    await Promise.all(
      workers.map(async (c) => {
        while (next < JOBS) await job(c, next++);
      }),
    );
    for (;;) {
      await draining;
      const { rows } = await relayClient.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
      if (rows[0].n === 0) break;
      kick();
    }
    const seconds = (now() - t0) / 1000;
    const benchCpu = process.cpuUsage(cpu0.bench);
    const servers = serverCpuDelta(cpu0.servers, serverCpu());
    await sleep(11_000); // pg_stat_database, as in phase()
    const commits = ((await stats()) - commits0) / JOBS;
    // Its rows stay (tenants floor-*, all ended and relayed): deleting them would count in the next phase's figures.
    const r = {
      name: `database floor: the job's SQL alone (${WORKER_CONCURRENCY + 1} connections + relay)`,
      jobs: JOBS,
      seconds,
      jobsPerSec: JOBS / seconds,
      cpu: { client: (benchCpu.user + benchCpu.system) / 1e6, postgres: servers.postgres },
      commits,
    };
    console.log(
      `${r.name}: ${fmt(r.jobsPerSec, 0)} jobs/s (${fmt(seconds, 2)} s); CPU ms a job: postgres ` +
        `${fmt((r.cpu.postgres / JOBS) * 1000, 2)}, node-postgres client ${fmt((r.cpu.client / JOBS) * 1000, 2)}; ` +
        `${fmt(commits, 1)} commits a job`,
    );
    return r;
  }

  /** Phase 2: through the gateway, until every job is completed in every sense. */
  async function endToEnd(servers, benchUrl) {
    const { serviceQueueName } = await import('../dist/libs/contracts/src/index.js');
    const { signLocalToken } = await import('../dist/apps/gateway/src/auth/jwt-verifier.service.js');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = appEnv({
      benchUrl,
      namespace: NAMESPACE,
      port,
      extra: { FITMENT_PROVIDER: 'local', STORAGE_DIR: `${LOG_DIR}/storage-jobs` },
    });
    const args = (v) => (process.env[v] ?? '').split(' ').filter(Boolean);
    const service = apps.start(SERVICE, env, args('BENCH_SERVICE_NODE_ARGS'));
    const gateway = apps.start('gateway', env, args('BENCH_GATEWAY_NODE_ARGS'));
    await apps.until('the gateway to be ready', async () => (await fetch(`${base}/health/ready`)).ok);

    const db = new pg.Client({ connectionString: benchUrl });
    await db.connect();
    closers.push(() => db.end());
    const redis = new Redis(servers.REDIS_URL);
    closers.push(async () => redis.disconnect());
    const bullKey = `${NAMESPACE}:bull:${serviceQueueName(SERVICE, 'maintenance')}`;

    // Tenants, their tokens and streams.
    const tenants = Array.from({ length: TENANTS }, (_, i) => `${TENANT_PREFIX}${String(i).padStart(4, '0')}`);
    const tokens = new Map();
    for (const t of tenants)
      tokens.set(t, await signLocalToken(JWT_SECRET, { sub: 'bench', tenants: [t], roles: ['admin'] }));

    /** Per job id: the SSE events seen, with the time each arrived. */
    const seen = new Map();
    const jobOf = new Map(); // tenant -> job id in flight
    const free = [];
    const waiters = [];
    const release = (tenant) => {
      jobOf.delete(tenant);
      const waiter = waiters.shift();
      if (waiter) waiter(tenant);
      else free.push(tenant);
    };
    const acquire = () => (free.length ? Promise.resolve(free.shift()) : new Promise((r) => waiters.push(r)));
    let lastCompletedAt = now();
    const onEvent = (tenant, event, eventId, data) => {
      if (!event.startsWith('job.')) return;
      const job = JSON.parse(data);
      const t = now();
      let s = seen.get(job.id);
      if (!s) seen.set(job.id, (s = { events: [], completed: 0, eventIds: new Set() }));
      s.events.push({ event, status: job.status, t });
      s.eventIds.add(eventId);
      if (event === 'job.state' && ['completed', 'failed', 'cancelled'].includes(job.status)) {
        if (job.status === 'completed') s.completed++;
        s.endedAt ??= t;
        s.endStatus = job.status;
        lastCompletedAt = t;
        if (jobOf.get(tenant) === job.id) release(tenant);
      }
    };
    const streams = await Promise.all(
      tenants.map(
        (tenant) =>
          new Promise((resolve, reject) => {
            const req = http.request(
              `${base}/api/v1/jobs/events`,
              {
                agent: false,
                headers: {
                  accept: 'text/event-stream',
                  authorization: `Bearer ${tokens.get(tenant)}`,
                  'x-tenant-id': tenant,
                },
              },
              (res) => {
                if (res.statusCode !== 200) {
                  res.resume();
                  return reject(new Error(`the event stream of ${tenant} answered ${res.statusCode}`));
                }
                res.setEncoding('utf8');
                let buffer = '';
                res.on('data', (chunk) => {
                  buffer += chunk;
                  let end;
                  while ((end = buffer.indexOf('\n\n')) >= 0) {
                    const block = buffer.slice(0, end);
                    buffer = buffer.slice(end + 2);
                    let event = 'message';
                    let id;
                    const data = [];
                    for (const line of block.split('\n')) {
                      const colon = line.indexOf(':');
                      if (colon <= 0) continue;
                      const field = line.slice(0, colon);
                      const value = line.slice(colon + 1).replace(/^ /, '');
                      if (field === 'event') event = value;
                      else if (field === 'id') id = value;
                      else if (field === 'data') data.push(value);
                    }
                    onEvent(tenant, event, id, data.join('\n'));
                  }
                });
                res.on('error', () => undefined);
                resolve(req);
              },
            );
            req.on('error', reject);
            req.end();
          }),
      ),
    );
    closers.push(async () => streams.forEach((s) => s.destroy()));
    free.push(...tenants);

    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    closers.push(async () => agent.destroy());
    const body = JSON.stringify({ services: [SERVICE] });
    /** Submits one clean-up for `tenant`: { status, job } with the job view the service answered. */
    const submit = (tenant) =>
      new Promise((resolve, reject) => {
        const req = http.request(
          `${base}/api/v1/admin/maintenance/cleanup`,
          {
            method: 'POST',
            agent,
            headers: {
              authorization: `Bearer ${tokens.get(tenant)}`,
              'x-tenant-id': tenant,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c) => (text += c));
            res.on('end', () => {
              let job = null;
              try {
                job = JSON.parse(text).jobs?.[0] ?? null;
              } catch {
                // not JSON
              }
              resolve({ status: res.statusCode, job, text });
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });

    const submitted = new Map(); // job id -> { tenant, t0, t1 }
    let errors = 0;
    let deduped = 0;
    let firstError = '';
    /** Submits jobs [from, from + n) with `concurrency` at a time; waits for a free tenant before each. */
    async function run(n, concurrency, waitEach) {
      let stalled = false;
      const ids = [];
      await pool(n, concurrency, async () => {
        if (stalled) return;
        const tenant = await Promise.race([acquire(), stallWatch()]);
        if (tenant === 'stalled') {
          stalled = true;
          return;
        }
        const t0 = now();
        let res;
        try {
          res = await submit(tenant);
        } catch (err) {
          res = { status: 0, text: err.message };
        }
        const t1 = now();
        if (res.status !== 202 || !res.job) {
          errors++;
          firstError ||= `${res.status} ${res.text.slice(0, 200)}`;
          release(tenant);
          return;
        }
        const id = res.job.id;
        if (submitted.has(id)) {
          deduped++;
          return; // the tenant stays with its job in flight
        }
        submitted.set(id, { tenant, t0, t1 });
        ids.push(id);
        jobOf.set(tenant, id);
        if (seen.get(id)?.endedAt) release(tenant);
        if (waitEach) await until(() => seen.get(id)?.endedAt, STALL_MS);
      });
      return { ids, stalled };
    }
    /** Resolves 'stalled' once nothing completed for STALL_MS (checked each second). */
    async function stallWatch() {
      for (;;) {
        await sleep(1000);
        if (now() - lastCompletedAt > STALL_MS) return 'stalled';
      }
    }
    async function until(fn, ms) {
      const deadline = now() + ms;
      while (!fn() && now() < deadline) await sleep(2);
      return fn();
    }

    /** The four senses of `completed` for `ids`, from the database, Redis and the stream. */
    async function check(ids) {
      const { rows: jobRows } = await db.query(
        `SELECT id, status, attempts,
                (extract(epoch FROM created_at) * 1000)::float8 AS created,
                (extract(epoch FROM started_at) * 1000)::float8 AS started,
                (extract(epoch FROM completed_at) * 1000)::float8 AS completed
           FROM ${SERVICE}.jobs WHERE tenant_id LIKE '${TENANT_PREFIX}%'`,
      );
      const { rows: outboxRows } = await db.query(
        `SELECT payload->'data'->>'id' AS job, payload->>'event' AS event, payload->'data'->>'status' AS status,
                (extract(epoch FROM published_at) * 1000)::float8 AS published
           FROM ${SERVICE}.outbox WHERE payload->>'tenantId' LIKE '${TENANT_PREFIX}%'`,
      );
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.zscore(`${bullKey}:completed`, id).exists(`${bullKey}:${id}`);
      const bull = await pipeline.exec();
      const rows = new Map(jobRows.map((r) => [r.id, r]));
      const outbox = new Map();
      for (const r of outboxRows) {
        const o = outbox.get(r.job) ?? { rows: 0, published: 0, completedEvents: 0, completedPublished: null };
        o.rows++;
        if (r.published !== null) o.published++;
        if (r.event === 'job.state' && r.status === 'completed') {
          o.completedEvents++;
          o.completedPublished = r.published;
        }
        outbox.set(r.job, o);
      }
      const per = ids.map((id, i) => {
        const row = rows.get(id);
        const o = outbox.get(id);
        const inCompleted = bull[2 * i][1] !== null;
        const exists = bull[2 * i + 1][1] === 1;
        const s = seen.get(id);
        return {
          id,
          row,
          outbox: o,
          db: row?.status === 'completed',
          bull: inCompleted || !exists, // removed by removeOnComplete once the row completed
          relayed: !!o && o.published === o.rows && o.completedEvents > 0,
          sse: (s?.completed ?? 0) > 0,
          duplicated: (s?.completed ?? 0) > 1 || (o?.completedEvents ?? 0) > 1 || (row?.attempts ?? 0) > 1,
        };
      });
      const extraRows = jobRows.filter((r) => !submitted.has(r.id)).length;
      return { per, extraRows, all: per.every((p) => p.db && p.bull && p.relayed && p.sse) };
    }

    /** Submits `n` jobs and waits until all are completed in every sense; the figures of the phase. */
    async function phase(name, n, concurrency, waitEach) {
      const db0 = await dbStats();
      const cpu0 = {
        service: cpuSeconds(service.pid),
        gateway: cpuSeconds(gateway.pid),
        machine: machineCpu(),
        servers: serverCpu(),
      };
      lastCompletedAt = now();
      const t0 = now();
      const { ids, stalled } = await run(n, concurrency, waitEach);
      const tSubmitted = now();
      await until(() => ids.every((id) => seen.get(id)?.endedAt) || now() - lastCompletedAt > STALL_MS, Infinity);
      const tSse = now();
      // Cheap counts until they all say done; then the full check of every job.
      for (;;) {
        const [{ pending }] = (
          await db.query(
            `SELECT (SELECT count(*) FROM ${SERVICE}.jobs WHERE id = ANY($1) AND status <> 'completed')
                  + (SELECT count(*) FROM ${SERVICE}.outbox WHERE published_at IS NULL) AS pending`,
            [ids],
          )
        ).rows;
        const inBull = await redis
          .multi()
          .llen(`${bullKey}:wait`)
          .llen(`${bullKey}:active`)
          .zcard(`${bullKey}:delayed`)
          .exec();
        const sseDone = ids.every((id) => seen.get(id)?.completed);
        if ((Number(pending) === 0 && inBull.every(([, n]) => n === 0) && sseDone) || now() - tSse > STALL_MS) break;
        await sleep(5);
      }
      const tAll = now();
      const result = await check(ids);
      const cpu1 = {
        service: cpuSeconds(service.pid),
        gateway: cpuSeconds(gateway.pid),
        machine: machineCpu(),
        servers: serverCpu(),
      };
      const complete = result.per.filter((p) => p.db && p.bull && p.relayed && p.sse);
      // An idle backend reports its transactions to pg_stat_database within 10 s (PGSTAT_IDLE_INTERVAL).
      await sleep(11_000);
      const db1 = await dbStats();
      const lastSse = Math.max(...ids.map((id) => seen.get(id)?.endedAt ?? -Infinity));
      const stages = breakdown(ids, result.per);
      const r = {
        name,
        jobs: n,
        submittedJobs: ids.length,
        seconds: (tAll - t0) / 1000,
        secondsToLastSse: (lastSse - t0) / 1000,
        secondsSubmitting: (tSubmitted - t0) / 1000,
        jobsPerSec: complete.length / ((tAll - t0) / 1000),
        submit: quantiles(ids.map((id) => submitted.get(id).t1 - submitted.get(id).t0)),
        toCompleted: quantiles(
          ids.filter((id) => seen.get(id)?.completed).map((id) => seen.get(id).endedAt - submitted.get(id).t0),
        ),
        lost: n - complete.length,
        notCompleted: {
          db: result.per.filter((p) => !p.db).length,
          bull: result.per.filter((p) => !p.bull).length,
          relayed: result.per.filter((p) => !p.relayed).length,
          sse: result.per.filter((p) => !p.sse).length,
        },
        duplicated: result.per.filter((p) => p.duplicated).length + result.extraRows,
        db: Object.fromEntries(Object.keys(db1).map((k) => [k, (db1[k] - db0[k]) / n])),
        eventsPerJob: quantiles(ids.map((id) => seen.get(id)?.events.length ?? 0)).p50,
        stalled,
        stages,
        cpu: {
          service: cpu1.service - cpu0.service,
          gateway: cpu1.gateway - cpu0.gateway,
          ...serverCpuDelta(cpu0.servers, cpu1.servers),
          machineBusy: cpu1.machine.busy - cpu0.machine.busy,
          machineTotal: cpu1.machine.total - cpu0.machine.total,
        },
      };
      console.log(
        `${name}: ${fmt(r.jobsPerSec, 1)} jobs/s (${fmt(r.seconds, 2)} s, last SSE completed at ${fmt(r.secondsToLastSse, 2)} s); ` +
          `lost ${r.lost}, duplicated ${r.duplicated}, errors ${errors}, deduped ${deduped}`,
      );
      return r;
    }

    /** The bench database's transaction and row counters (every client of it: the service, and this bench's checks). */
    async function dbStats() {
      const { rows } = await db.query(
        `SELECT xact_commit::float8 AS commits, xact_rollback::float8 AS rollbacks, tup_inserted::float8 AS inserted,
                tup_updated::float8 AS updated, tup_deleted::float8 AS deleted
           FROM pg_stat_database WHERE datname = current_database()`,
      );
      return rows[0];
    }

    /** Median milliseconds of each stage of a job, from the bench's clock, the rows' and the outbox's timestamps. */
    function breakdown(ids, per) {
      const byId = new Map(per.map((p) => [p.id, p]));
      const stage = (f) =>
        quantiles(ids.map((id) => f(byId.get(id), submitted.get(id), seen.get(id))).filter(Number.isFinite));
      const ev = (s, status) => s?.events.find((e) => e.event === 'job.state' && e.status === status)?.t;
      return {
        'HTTP submit -> job row transaction begins': stage((p, s) => p.row?.created - s.t0),
        'row transaction -> HTTP answer (commit, Bull add, RPC reply)': stage((p, s) => s.t1 - p.row?.created),
        'row transaction -> SSE queued': stage((p, s, e) => ev(e, 'queued') - p.row?.created),
        'row transaction -> worker start() transaction (Bull wait + pick-up)': stage(
          (p) => p.row?.started - p.row?.created,
        ),
        'start() -> finish() transaction (the handler: 2 progress writes, count, delete)': stage(
          (p) => p.row?.completed - p.row?.started,
        ),
        'finish() transaction -> completed event published (relay)': stage(
          (p) => p.outbox?.completedPublished - p.row?.completed,
        ),
        'published -> SSE completed (RabbitMQ, gateway, stream)': stage(
          (p, s, e) => ev(e, 'completed') - p.outbox?.completedPublished,
        ),
        'HTTP submit -> SSE completed': stage((p, s, e) => ev(e, 'completed') - s.t0),
      };
    }

    const serial = await phase(`end to end, one at a time (${SERIAL_JOBS} jobs)`, SERIAL_JOBS, 1, true);
    const loaded = await phase(`end to end through the gateway (${CONCURRENCY} concurrent)`, JOBS, CONCURRENCY, false);
    return { serial, loaded, errors, deduped, firstError };
  }

  function report(raw, floor, e2e, load1) {
    const load1End = os.loadavg()[0];
    const base = raw.one.jobsPerSec;
    const ratio = (v) => (Number.isFinite(v) && base ? `${(v / base).toFixed(3)}` : '-');
    console.log(
      `\nload average ${load1.toFixed(2)} at the start, ${load1End.toFixed(2)} at the end; latencies in ms; ` +
        `ratio: jobs/s against raw bull one at a time\n`,
    );
    console.log(
      '| case | jobs | jobs/s | ratio | submit p50 | submit p99 | submit -> completed p50 | p99 | lost | duplicated |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of [raw.one, raw.bulk, e2e.serial, e2e.loaded]) {
      const cells = [
        r.name,
        r.jobs,
        fmt(r.jobsPerSec, 1),
        ratio(r.jobsPerSec),
        fmt(r.submit.p50, 2),
        fmt(r.submit.p99, 2),
        fmt(r.toCompleted.p50, 1),
        fmt(r.toCompleted.p99, 1),
        r.lost,
        r.duplicated,
      ];
      console.log(`| ${cells.join(' | ')} |`);
    }
    if (floor) {
      const cells = [
        floor.name,
        floor.jobs,
        fmt(floor.jobsPerSec, 1),
        ratio(floor.jobsPerSec),
        '-',
        '-',
        '-',
        '-',
        '-',
        '-',
      ];
      console.log(`| ${cells.join(' | ')} |`);
    }
    // On a shared machine a run of a second and one of a minute see different loads: CPU time a job does not.
    const rawCpu = (raw.one.cpu.adder + raw.one.cpu.worker + raw.one.cpu.redis) / raw.one.jobs;
    const c = e2e.loaded.cpu;
    const e2eCpu = (c.service + c.gateway + c.postgres + c.redis + c.rabbitmq) / e2e.loaded.jobs;
    console.log(
      `\nCPU a job: raw bull ${fmt(rawCpu * 1000, 2)} ms (adder, worker, redis), end to end ${fmt(e2eCpu * 1000, 2)} ms ` +
        `(service, gateway, postgres, redis, rabbitmq); raw / end to end: ${fmt(rawCpu / e2eCpu, 3)}` +
        (floor
          ? `; the database floor ${fmt(((floor.cpu.postgres + floor.cpu.client) / floor.jobs) * 1000, 2)} ms (postgres, client)`
          : ''),
    );
    const target = e2e.loaded.jobsPerSec / base >= 0.2 && e2e.loaded.lost === 0 && e2e.loaded.duplicated === 0;
    console.log(
      `\nend to end / raw: ${ratio(e2e.loaded.jobsPerSec)} (target >= 0.2, 0 lost, 0 duplicated: ${target ? 'met' : 'NOT met'}); ` +
        `submission errors ${e2e.errors}${e2e.firstError ? ` (first: ${e2e.firstError})` : ''}, deduplicated answers ${e2e.deduped}`,
    );
    for (const r of [e2e.serial, e2e.loaded]) {
      console.log(
        `\n${r.name}: all completed ${fmt(r.seconds, 2)} s after the first submission (submissions took ` +
          `${fmt(r.secondsSubmitting, 2)} s, last SSE completed at ${fmt(r.secondsToLastSse, 2)} s); ${r.eventsPerJob} events a job; ` +
          `not completed: row ${r.notCompleted.db}, Bull ${r.notCompleted.bull}, outbox ${r.notCompleted.relayed}, SSE ${r.notCompleted.sse}` +
          `${r.stalled ? '; STALLED' : ''}`,
      );
      console.log(
        `CPU ms a job: ${['service', 'gateway', 'postgres', 'redis', 'rabbitmq'].map((k) => `${k} ${fmt((r.cpu[k] / r.jobs) * 1000, 2)}`).join(', ')}; ` +
          `whole machine ${fmt((r.cpu.machineBusy / r.jobs) * 1000, 2)} (busy ${fmt(r.cpu.machineBusy, 1)} s of ${fmt(r.cpu.machineTotal, 1)} s, ` +
          `other engineers' work included)`,
      );
      console.log(
        `PostgreSQL a job (the bench's own checks included): ${fmt(r.db.commits, 1)} commits, ${fmt(r.db.rollbacks, 1)} rollbacks, ` +
          `${fmt(r.db.inserted, 1)} rows inserted, ${fmt(r.db.updated, 1)} updated, ${fmt(r.db.deleted, 1)} deleted`,
      );
      console.log('| stage | p50 ms | p99 ms |\n| --- | ---: | ---: |');
      for (const [stage, q] of Object.entries(r.stages))
        console.log(`| ${stage} | ${fmt(q.p50, 2)} | ${fmt(q.p99, 2)} |`);
    }
  }

  await runBench('bench:jobs', main, cleanUp);
}

if (process.env.BENCH_JOBS_ROLE === 'raw-worker') {
  await rawWorker();
} else {
  await benchMain();
}
