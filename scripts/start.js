#!/usr/bin/env node
// `npm start`: builds, migrates, starts the gateway and the four services (role both), loads demo data,
// and prints where everything is. Ctrl-C stops all of them gracefully.
import { spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

console.log('Building...');
run('npm', ['run', '-s', 'build']);

const { loadEnv, preflight, PreflightError, PlatformEnv, urlForServiceRole } =
  await import('../dist/libs/platform/src/index.js');
const { GatewayEnv } = await import('../dist/apps/gateway/src/config/gateway-env.js');
const env = loadEnv(PlatformEnv);
try {
  // The database itself may not exist yet: scripts/migrate.js creates it.
  await preflight(env, { postgres: 'server' });
} catch (err) {
  if (err instanceof PreflightError) {
    console.error(`Torque cannot start:\n  ${err.message}`);
    process.exit(1);
  }
  throw err;
}

console.log('Migrating...');
run('node', ['scripts/migrate.js']);

const gatewayEnv = loadEnv(GatewayEnv);
const apps = [
  { name: 'fitment', entry: 'dist/apps/fitment-service/src/main.js', env: { HTTP_PORT: '3101' } },
  { name: 'ingestion', entry: 'dist/apps/ingestion-service/src/main.js', env: { HTTP_PORT: '3102' } },
  { name: 'media', entry: 'dist/apps/media-service/src/main.js', env: { HTTP_PORT: '3103' } },
  { name: 'indexer', entry: 'dist/apps/indexer-service/src/main.js', env: { HTTP_PORT: '3104' } },
  { name: 'gateway', entry: 'dist/apps/gateway/src/main.js', env: {} },
];
const children = apps.map((app) => {
  // Each service connects as its own role, which can use its own schema only (see scripts/migrate.js).
  const database =
    app.name === 'gateway' || process.env.DATABASE_URL_PER_SERVICE === 'false'
      ? {}
      : { DATABASE_URL: urlForServiceRole(env.DATABASE_URL, app.name) };
  const child = spawn('node', [app.entry], {
    cwd: root,
    env: { ...process.env, ROLE: 'both', ...database, ...app.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `${app.name.padEnd(9)}| `;
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${app.name} exited (${signal ?? code}); stopping the suite`);
      stop(1);
    }
  });
  return child;
});

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const base = `http://localhost:${gatewayEnv.PORT}`;
for (let i = 0; ; i++) {
  try {
    const res = await fetch(`${base}/health/ready`);
    if (res.ok) break;
  } catch {
    // not listening yet
  }
  if (i > 120) {
    console.error('The gateway did not become ready within 60 s');
    stop(1);
  }
  await sleep(500);
}

const { loadDemoData } = await import('./demo-data.js');
await loadDemoData(base, gatewayEnv.JWT_SECRET);

console.log(`
Torque is running.
  Gateway:  ${base}
  Console:  ${base}/console   (${gatewayEnv.NODE_ENV === 'development' ? 'sign in with "Use a development token", or paste' : 'sign in by pasting'} a token)
  API docs: ${base}/docs   (OpenAPI JSON: ${base}/docs-json)
  Token:    npm run token -- --tenant demo --roles admin,reviewer
  Try:      curl -H "Authorization: Bearer $(npm run -s token)" -H "X-Tenant-ID: demo" ${base}/api/v1/jobs
Press Ctrl-C to stop.
`);
