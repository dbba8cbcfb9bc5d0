// bench:media: the media service of issue 14 end to end, from the build output (npm run build). Starts the gateway,
// a media api, two cpu workers and a gpu worker (each ROLE=worker, WORKER_CONCURRENCY=1, one engine thread) on a
// database and namespace of its own, then measures:
// 1. background_removal of a 1024 px photo through the gateway (submit, poll status every 20 ms, fetch the PNG)
//    against the same ISNet engine called directly in this process and against @imgly's own removeBackground,
//    BENCH_RUNS (default 5) runs each after a warm-up: the service's overhead;
// 2. tasks/s of a burst of BENCH_BURST (default 12) background removals with two cpu workers, then with one;
// 3. cancel latency while the model runs: from POST cancel to REVOKED in the status, BENCH_CANCELS (default 10);
// 4. face_swap and object_removal (10% of the image in one box) at 1024 px end to end, with the engines' own ms;
// 5. the peak RSS (VmHWM) of every process.
// Prints the figures and exits; nothing is asserted.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import {
  appEntry,
  appEnv,
  Apps,
  cleaner,
  freePort,
  JWT_SECRET,
  loadServers,
  requireBuild,
  resetSuite,
  runBench,
} from './lib/suite.js';

const DATABASE = 'torque_bench_media';
const NAMESPACE = 'bmedia';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BURST = Number(process.env.BENCH_BURST ?? 12);
const CANCELS = Number(process.env.BENCH_CANCELS ?? 10);
const SIZE = 1024;

requireBuild('bench:media');
const dist = (file) => import(new URL(`../dist/${file}`, import.meta.url).href);
const { signLocalToken } = await dist('apps/gateway/src/auth/jwt-verifier.service.js');
const { BackgroundRemovalEngine } = await dist(
  'apps/media-service/src/engines/background-removal/background-removal-engine.js',
);
const { removeBackgroundDirect } = await dist(
  'apps/media-service/src/engines/background-removal/remove-background-direct.js',
);

const samples = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')),
  'demo',
);
const { servers, adminUrl, benchUrl } = await loadServers(DATABASE);
const apps = new Apps({ exitCodeInErrors: true });
const load = () => loadavg()[0].toFixed(1);
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
const fmt = (v) => `${v.toFixed(0)} ms`;
const stats = (values) =>
  `mean ${fmt(mean(values))}, p50 ${fmt(quantile(values, 0.5))}, p95 ${fmt(quantile(values, 0.95))}, n ${values.length}`;

function peakRss(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** A sample photo scaled to SIZE px on its long side, as JPEG. */
async function photo(file) {
  return sharp(readFileSync(path.join(samples, file)))
    .resize({ width: SIZE, height: SIZE, fit: 'inside' })
    .jpeg({ quality: 92 })
    .toBuffer();
}

const WORKERS = [
  ['media-cpu-1', { ROLE: 'worker', WORKER_QUEUES: 'cpu' }],
  ['media-cpu-2', { ROLE: 'worker', WORKER_QUEUES: 'cpu' }],
  ['media-gpu', { ROLE: 'worker', WORKER_QUEUES: 'gpu' }],
];

async function main() {
  await resetSuite({ servers, adminUrl, benchUrl, database: DATABASE, namespace: NAMESPACE });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = appEnv({
    benchUrl,
    namespace: NAMESPACE,
    port,
    extra: { WORKER_CONCURRENCY: '1', MEDIA_ENGINE_THREADS: '1', STORAGE_DIR: 'bench/.out/media-storage' },
  });
  apps.start('gateway', env);
  apps.start('media', { ...env, ROLE: 'api' });
  for (const [name, extra] of WORKERS) apps.start(name, { ...env, ...extra }, [], appEntry('media'));

  const token = await signLocalToken(JWT_SECRET, { sub: 'bench', tenants: ['bench'], roles: ['admin'] });
  const headers = { authorization: `Bearer ${token}`, 'x-tenant-id': 'bench' };
  const api = async (p, init = {}) => {
    const res = await fetch(`${base}${p}`, {
      ...init,
      headers: { ...headers, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    });
    if (!res.ok) throw new Error(`${p} answered ${res.status}: ${await res.text()}`);
    return res;
  };
  const submit = async (body) =>
    (await (await api('/api/v1/tasks/submit/', { method: 'POST', body: JSON.stringify(body) })).json()).task_id;
  const status = async (id) => (await api(`/api/v1/tasks/${id}/status/`)).json();
  const settle = async (id, everyMs = 20) => {
    for (;;) {
      const s = await status(id);
      if (s.status === 'SUCCESS') return s;
      if (s.status === 'FAILURE' || s.status === 'REVOKED')
        throw new Error(`task ${id} ended ${s.status}: ${s.message}`);
      await sleep(everyMs);
    }
  };
  // Job events over the gateway's event stream: one-at-a-time tasks are followed by them, as a browser would,
  // rather than by polling, whose requests would take CPU from the engine on this 2-core machine.
  const ended = new Map();
  const waiters = new Map();
  const endedEvent = (id) => (ended.has(id) ? Promise.resolve() : new Promise((resolve) => waiters.set(id, resolve)));

  /** Submit, wait for its end event, fetch the PNG: ms end to end, and the result's metadata. */
  const endToEnd = async (body) => {
    const started = performance.now();
    const id = await submit(body);
    const submitted = performance.now();
    await endedEvent(id);
    const done = await status(id);
    if (done.status !== 'SUCCESS') throw new Error(`task ${id} ended ${done.status}: ${done.message}`);
    const png = Buffer.from(await (await api(`/api/v1/tasks/${id}/result/image`)).arrayBuffer());
    const ms = performance.now() - started;
    const result = await (await api(`/api/v1/tasks/${id}/result/`)).json();
    const at = (iso) => new Date(iso).getTime();
    // where the time went: the submit answer, waiting for a worker, the job's run (reading the images, the engine
    // thread, storing the PNG), and the rest (status polling granularity, fetching the PNG)
    const phases = {
      submit: submitted - started,
      pickup: at(done.started_at) - at(done.created_at),
      run: at(done.finished_at) - at(done.started_at),
      engine: Number(result.result.metadata.details.ms),
    };
    return { ms, png, metadata: result.result.metadata, phases };
  };

  await apps.until('the gateway to be ready', async () => (await fetch(`${base}/health/ready`)).ok);
  await apps.until('the media service to answer', async () => (await api('/api/v1/tasks')).ok);
  const stream = await fetch(`${base}/api/v1/jobs/events`, { headers: { ...headers, accept: 'text/event-stream' } });
  if (!stream.ok) throw new Error(`the event stream answered ${stream.status}`);
  void (async () => {
    let buffer = '';
    for await (const chunk of stream.body.pipeThrough(new TextDecoderStream())) {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('\n');
        if (!block.includes('event: job.state') || !data) continue;
        const job = JSON.parse(data);
        if (!['completed', 'failed', 'cancelled'].includes(job.status)) continue;
        ended.set(job.id, job);
        waiters.get(job.id)?.();
      }
    }
  })().catch(() => undefined);

  const person = await photo('sample1.jpg');
  const meta = await sharp(person).metadata();
  const bg = { task_type: 'background_removal', image: person.toString('base64') };
  console.log(`bench:media, ${meta.width}×${meta.height} photo, load ${load()}`);

  // 1. overhead: the same engine in this process, imgly's own call, the service end to end
  const engine = new BackgroundRemovalEngine({ model: 'medium' });
  const ctx = { signal: new AbortController().signal, progress: () => undefined };
  await engine.run({ images: { image: person }, parameters: {} }, ctx);
  await removeBackgroundDirect(person, 'medium');
  await endToEnd(bg);
  const direct = [];
  const imgly = [];
  const service = [];
  const phases = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await engine.run({ images: { image: person }, parameters: {} }, ctx);
    direct.push(performance.now() - t);
    t = performance.now();
    await removeBackgroundDirect(person, 'medium');
    imgly.push(performance.now() - t);
    const run = await endToEnd(bg);
    service.push(run.ms);
    phases.push(run.phases);
  }
  console.log('\n1. background_removal (ISNet medium), one at a time');
  console.log(`   engine called directly:        ${stats(direct)}`);
  console.log(`   @imgly removeBackground:       ${stats(imgly)}`);
  console.log(`   through the gateway and queue: ${stats(service)}`);
  const phase = (name) =>
    fmt(
      quantile(
        phases.map((p) => p[name]),
        0.5,
      ),
    );
  console.log(
    `   of which (medians): submit answered ${phase('submit')}, waiting for a worker ${phase('pickup')}, ` +
      `job run ${phase('run')} (engine ${phase('engine')} of it)`,
  );
  const overhead = (quantile(service, 0.5) - quantile(direct, 0.5)) / quantile(direct, 0.5);
  const overImgly = (quantile(service, 0.5) - quantile(imgly, 0.5)) / quantile(imgly, 0.5);
  console.log(
    `   overhead (medians): ${(overhead * 100).toFixed(1)}% over the engine, ${(overImgly * 100).toFixed(1)}% over imgly (load ${load()})`,
  );

  // 2. throughput with two cpu workers, then one
  const burst = async () => {
    const started = performance.now();
    const ids = await Promise.all(Array.from({ length: BURST }, () => submit(bg)));
    await Promise.all(ids.map((id) => settle(id, 100)));
    return BURST / ((performance.now() - started) / 1000);
  };
  const two = await burst();
  await apps.stop('media-cpu-2');
  const one = await burst();
  console.log(
    `\n2. burst of ${BURST} background removals: ${two.toFixed(2)} tasks/s with two cpu workers, ${one.toFixed(2)} with one (load ${load()})`,
  );

  // 3. cancel latency while the model runs (progress 20-79: inference started, not ended); a task that ended
  //    before its cancel landed is a miss, counted and not timed
  const cancels = [];
  let misses = 0;
  while (cancels.length < CANCELS && misses < CANCELS) {
    const id = await submit(bg);
    let seen;
    for (;;) {
      seen = await status(id);
      if (seen.status !== 'PENDING' && (seen.status !== 'PROCESSING' || seen.progress >= 20)) break;
      await sleep(10);
    }
    if (seen.status !== 'PROCESSING' || seen.progress >= 80) {
      misses++;
      await settle(id).catch(() => undefined);
      continue;
    }
    await sleep(Math.floor(Math.random() * 300));
    const asked = performance.now();
    const answer = await (await api(`/api/v1/tasks/${id}/cancel/`, { method: 'POST' })).json();
    if (answer.status === 'SUCCESS') {
      misses++;
      continue;
    }
    for (;;) {
      const s = await status(id);
      if (s.status === 'REVOKED') break;
      if (s.status === 'SUCCESS') throw new Error(`task ${id} was asked to cancel while PROCESSING, yet ended SUCCESS`);
      await sleep(10);
    }
    cancels.push(performance.now() - asked);
  }
  console.log(
    cancels.length
      ? `\n3. cancel during inference -> REVOKED: ${stats(cancels)}, max ${fmt(Math.max(...cancels))} (${misses} tasks ended before their cancel, not timed)`
      : `\n3. cancel during inference: no task was caught inside inference (${misses} misses)`,
  );

  // 4. face swap and inpainting at 1024 px
  const [source, target] = await Promise.all(['sample6.jpg', 'sample3.jpg'].map(photo));
  const swap = { task_type: 'face_swap', image: source.toString('base64'), target_image: target.toString('base64') };
  const scene = await sharp(person).png().toBuffer();
  const side = Math.round(Math.sqrt(0.1 * meta.width * meta.height));
  const box = {
    x: Math.round((meta.width - side) / 2),
    y: Math.round((meta.height - side) / 2),
    width: side,
    height: side,
  };
  const inpaint = { task_type: 'object_removal', image: scene.toString('base64'), parameters: { boxes: [box] } };
  for (const [label, body] of [
    ['face_swap (poisson)', swap],
    ['face_swap (feather)', { ...swap, parameters: { blend: 'feather' } }],
    ['object_removal, 10% box (auto)', inpaint],
  ]) {
    await endToEnd(body);
    const total = [];
    const engineMs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await endToEnd(body);
      total.push(r.ms);
      engineMs.push(Number(r.metadata.details.ms));
    }
    console.log(`\n4. ${label}: end to end ${stats(total)}; engine ${stats(engineMs)}`);
  }

  console.log(`\n5. peak RSS (VmHWM), load ${load()}:`);
  for (const name of apps.names()) console.log(`   ${name.padEnd(12)} ${peakRss(apps.pid(name))} MiB`);
  console.log(`   bench process (engine + imgly) ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
}

await runBench('bench:media', main, cleaner({ apps, servers, adminUrl, database: DATABASE, namespace: NAMESPACE }));
