// Shared plumbing of the suite benchmarks (bench/gateway.js, bench/fitment.js, bench/ingestion.js): a database
// and namespace of their own on the servers the apps would use, the apps from dist/ as child processes with
// their logs in bench/.out/, waiting for them, stopping them and cleaning up.
// Nothing here imports dist/ at load time: call requireBuild() first, the rest imports it when it needs it.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import amqplib from 'amqplib';
import { Redis } from 'ioredis';
import pg from 'pg';

/** The repository root, with a trailing slash. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the app logs go. */
export const LOG_DIR = `${ROOT}bench/.out`;
/** The secret the apps verify tokens with and the benchmarks sign them with. */
export const JWT_SECRET = 'torque-bench-secret-0123456789';

const platform = () => import('../../dist/libs/platform/src/index.js');

/** Exits with a hint when there is no build output; `script` names the benchmark (e.g. `bench:gateway`). */
export function requireBuild(script) {
  if (!existsSync(`${ROOT}dist/apps/gateway/src/main.js`)) {
    console.error(`${script} runs the build output: run \`npm run build\` first.`);
    process.exit(1);
  }
}

/** `url` with its database replaced by `name`. */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * The servers the apps would use (DATABASE_URL, REDIS_URL, RABBITMQ_URL or their defaults) and, on the same
 * PostgreSQL server, the URLs of its `postgres` database (`adminUrl`) and of database `database` (`benchUrl`).
 */
export async function loadServers(database) {
  const { loadEnv, PlatformEnv } = await platform();
  const servers = loadEnv(PlatformEnv);
  return {
    servers,
    adminUrl: withDatabase(servers.DATABASE_URL, 'postgres'),
    benchUrl: withDatabase(servers.DATABASE_URL, database),
  };
}

/**
 * Checks that PostgreSQL, Redis and RabbitMQ answer; exits with the reason when one does not. The bench
 * database does not exist yet, so PostgreSQL is checked through `adminUrl`.
 */
export async function checkServers(script, servers, adminUrl) {
  const { preflight, PreflightError } = await platform();
  try {
    await preflight({ ...servers, DATABASE_URL: adminUrl }, { postgres: true });
  } catch (err) {
    if (err instanceof PreflightError) {
      console.error(`${script} cannot start:\n  ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

/** Runs `sql` on the server's `postgres` database. */
export async function adminQuery(adminUrl, sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Drops database `database` (if it exists), disconnecting whoever is still on it. */
export function dropDatabase(adminUrl, database) {
  return adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}

/** Creates database `benchUrl` names and runs the migrations on it (scripts/migrate.js); throws with its output when they fail. */
export function migrate(benchUrl, database) {
  const result = spawnSync(process.execPath, ['scripts/migrate.js'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: benchUrl },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`migration of ${database} failed:\n${result.stdout}${result.stderr}`);
}

/** Deletes the namespace's RabbitMQ queues and exchanges (of every service) and its Redis keys (Bull, rate limits, idempotency). */
export async function dropNamespace(servers, namespace) {
  const { rmqNames } = await platform();
  const { SERVICE_NAMES } = await import('../../dist/libs/contracts/src/index.js');
  const names = rmqNames(namespace);
  const connection = await amqplib.connect(servers.RABBITMQ_URL);
  try {
    const deletions = [
      ...SERVICE_NAMES.flatMap((s) => [
        (ch) => ch.deleteQueue(names.serviceQueue(s)),
        (ch) => ch.deleteQueue(names.deadLetterQueue(s)),
      ]),
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
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${namespace}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Starts afresh: drops database `database` and the namespace (leftovers of an earlier run), then creates and migrates the database. */
export async function resetSuite({ servers, adminUrl, benchUrl, database, namespace }) {
  await dropDatabase(adminUrl, database);
  await dropNamespace(servers, namespace);
  migrate(benchUrl, database);
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * The environment of every app, as `npm start` runs them (role both, production) on database `benchUrl` in
 * namespace `namespace`, the gateway on `port`, with the rate limit out of the way, no schedules and a short
 * shutdown grace; `extra` adds or overrides variables.
 */
export function appEnv({ benchUrl, namespace, port, extra = {} }) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATABASE_URL: benchUrl,
    NAMESPACE: namespace,
    ROLE: 'both',
    HTTP_PORT: '0',
    PORT: String(port),
    JWT_SECRET,
    RATE_LIMIT_PER_MINUTE: '1000000000',
    SCHEDULES_ENABLED: 'false',
    SHUTDOWN_GRACE_MS: '5000',
    ...extra,
  };
}

/** The built entry point of app `name` (`gateway` or a service name such as `fitment`), relative to the root. */
export function appEntry(name) {
  return name === 'gateway' ? 'dist/apps/gateway/src/main.js' : `dist/apps/${name}-service/src/main.js`;
}

const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;

/** The apps a benchmark runs as child processes, by name. */
export class Apps {
  /**
   * @param {object} [options]
   * @param {string} [options.logPrefix] prefixes the log file names (`bench/.out/<prefix><app>.log`)
   * @param {boolean} [options.appendLogs] appends to the logs instead of truncating them
   * @param {boolean} [options.exitCodeInErrors] names the exit code or signal when an app died while waiting
   */
  constructor({ logPrefix = '', appendLogs = false, exitCodeInErrors = false } = {}) {
    this.logPrefix = logPrefix;
    this.appendLogs = appendLogs;
    this.exitCodeInErrors = exitCodeInErrors;
    this.children = new Map();
  }

  /**
   * Starts app `name` with `env`, `nodeArgs` before the entry; its output goes to its log. `entry` is the app's
   * entry point, appEntry(name) by default (another name runs a second process of the same app, e.g. a worker).
   */
  start(name, env, nodeArgs = [], entry = appEntry(name)) {
    mkdirSync(LOG_DIR, { recursive: true });
    const log = createWriteStream(
      `${LOG_DIR}/${this.logPrefix}${name}.log`,
      this.appendLogs ? { flags: 'a' } : undefined,
    );
    const child = spawn(process.execPath, [...nodeArgs, entry], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    this.children.set(name, child);
    return child;
  }

  /** The process id of app `name`, if it runs. */
  pid(name) {
    return this.children.get(name)?.pid;
  }

  /** The names of the apps started and not stopped, in start order. */
  names() {
    return [...this.children.keys()];
  }

  /** Stops app `name`: SIGTERM, SIGKILL after 15 s; resolves once it exited. */
  stop(name) {
    const child = this.children.get(name);
    this.children.delete(name);
    return new Promise((resolve) => {
      if (!child || hasExited(child)) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  /** Stops every app at once. */
  async stopAll() {
    await Promise.all(this.names().map((name) => this.stop(name)));
  }

  /** Throws when an app has exited, naming its log. */
  checkAlive(what) {
    for (const [name, child] of this.children) {
      if (!hasExited(child)) continue;
      const code = this.exitCodeInErrors ? ` (${child.signalCode ?? child.exitCode})` : '';
      throw new Error(`${name} exited${code} while waiting for ${what}; see bench/.out/${this.logPrefix}${name}.log`);
    }
  }

  /** Polls `fn` every `everyMs` until it answers truthy and returns that; fails at once when an app died, or after `timeoutMs`. */
  async until(what, fn, timeoutMs = 60_000, everyMs = 200) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.checkAlive(what);
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
}

/**
 * Stops the apps, then drops the database and the namespace; reports what it could not drop and goes on.
 * Runs once: later calls (a SIGINT during the clean-up) return at once.
 */
export function cleaner({ apps, servers, adminUrl, database, namespace }) {
  let cleaning = false;
  return async () => {
    if (cleaning) return;
    cleaning = true;
    await apps.stopAll();
    await dropDatabase(adminUrl, database).catch((err) => console.error(`could not drop ${database}: ${err.message}`));
    await dropNamespace(servers, namespace).catch((err) =>
      console.error(`could not delete namespace ${namespace}: ${err.message}`),
    );
  };
}

/**
 * Runs `main`, then `cleanUp` (also on SIGINT, exiting 130), and exits 0, or 1 after printing
 * `<script> failed: <reason>` when `main` threw.
 */
export async function runBench(script, main, cleanUp) {
  process.on('SIGINT', () => cleanUp().then(() => process.exit(130)));
  let failed = false;
  try {
    await main();
  } catch (err) {
    failed = true;
    console.error(`${script} failed: ${err.message}`);
  } finally {
    await cleanUp();
  }
  process.exit(failed ? 1 : 0);
}
