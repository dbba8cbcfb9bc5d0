#!/usr/bin/env node
// `npm run bench:gateway` (run `npm run build` first): the whole suite under load, end to end.
// Creates a fresh database (torque_bench) and uses its own namespace (bench), starts the gateway and the
// four services from dist/ as child processes (role both, as `npm start` does), creates a few jobs, then
// drives GET /api/v1/jobs and POST /api/v1/admin/maintenance/cleanup with autocannon for BENCH_SECONDS
// (default 10) each and prints requests/s, latency and non-2xx counts. It stops everything and drops the
// database and the namespace afterwards; app logs go to bench/.out/.
import autocannon from 'autocannon';
import {
  Apps,
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

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DATABASE = 'torque_bench';
const NAMESPACE = 'bench';
const TENANT = 'bench';
const SEED_ROUNDS = 3;

requireBuild('bench:gateway');
const { SERVICE_NAMES } = await import('../dist/libs/contracts/src/index.js');
const { signLocalToken } = await import('../dist/apps/gateway/src/auth/jwt-verifier.service.js');

// The same servers the apps would use (DATABASE_URL, REDIS_URL, RABBITMQ_URL or their defaults), another database.
const { servers, adminUrl, benchUrl } = await loadServers(DATABASE);
const apps = new Apps({ exitCodeInErrors: true });
const until = (what, fn) => apps.until(what, fn);

async function main() {
  await checkServers('bench:gateway', servers, adminUrl);
  await resetSuite({ servers, adminUrl, benchUrl, database: DATABASE, namespace: NAMESPACE });

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = appEnv({ benchUrl, namespace: NAMESPACE, port });
  for (const name of [...SERVICE_NAMES, 'gateway']) apps.start(name, env);
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
    await until(
      'the seed jobs to complete',
      async () => (await cleanupJobs('completed')) === round * SERVICE_NAMES.length,
    );
  }
  const seeded = await cleanupJobs();
  console.log(`suite up on ${base} (${DATABASE}, namespace ${NAMESPACE}); ${seeded} jobs in the list\n`);

  const scenarios = [
    { name: 'GET /api/v1/jobs', method: 'GET', path: '/api/v1/jobs?limit=20' },
    {
      name: 'POST /api/v1/admin/maintenance/cleanup',
      method: 'POST',
      path: '/api/v1/admin/maintenance/cleanup',
      body: '{}',
    },
  ];
  const rows = [];
  for (const s of scenarios) {
    const opts = { url: `${base}${s.path}`, method: s.method, headers, body: s.body, connections: CONNECTIONS };
    await autocannon({ ...opts, duration: WARMUP_SECONDS });
    process.stdout.write(`${s.name}: ${SECONDS} s at ${CONNECTIONS} connections...\n`);
    const r = await autocannon({ ...opts, duration: SECONDS });
    rows.push({
      ...s,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      total: r.requests.total,
    });
  }
  const created = (await cleanupJobs()) - seeded;

  console.log(
    `\nGateway -> RabbitMQ -> 4 services, ${SECONDS} s each, ${CONNECTIONS} connections, node ${process.version}\n`,
  );
  console.log('| endpoint | requests/s | p50 ms | p99 ms | non-2xx | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(`| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`);
  console.log(
    `\nThe clean-up requests (warm-up included) created ${created} jobs; the other answers returned the running job of each service.`,
  );
}

await runBench('bench:gateway', main, cleaner({ apps, servers, adminUrl, database: DATABASE, namespace: NAMESPACE }));
