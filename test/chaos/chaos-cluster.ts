// The suite a chaos scenario breaks: the built apps from dist/ as child processes (bench/lib/suite.js starts
// them), on a redis-server and a RabbitMQ node of their own (own-servers.ts) and a database of their own on the
// shared PostgreSQL. Each service runs an api process and one worker per queue under test, so a worker can be
// killed while the api goes on taking requests. Everything is stopped and dropped by close(), also after a failure.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { signLocalToken } from '../../apps/gateway/src/auth/jwt-verifier.service.js';
import { Apps, appEnv, freePort, JWT_SECRET, LOG_DIR } from '../../bench/lib/suite.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { eventually } from '../support/suite.js';
import { OwnRabbit, OwnRedis } from './own-servers.js';

export const TENANT = 'acme';

/** Short Bull locks, so a killed worker's job is taken over in seconds; every process gets the same values. */
export const LOCKS = { BULL_LOCK_DURATION_MS: '3000', BULL_STALLED_INTERVAL_MS: '1000' };

/** A worker process of one service and queue; `generation` counts the replacements. */
export interface Worker {
  name: string;
  service: string;
  queue: string;
}

export const WORKERS: readonly Worker[] = [
  { name: 'fitment-generate', service: 'fitment', queue: 'generate' },
  { name: 'ingestion-import', service: 'ingestion', queue: 'import' },
  { name: 'media-gpu', service: 'media', queue: 'gpu' },
];

const SERVICES = ['fitment', 'ingestion', 'media'] as const;

export class ChaosCluster {
  readonly apps: Apps;
  readonly db: pg.Client;
  private generations = new Map<string, number>();
  private token = '';

  private constructor(
    readonly id: string,
    readonly dir: string,
    readonly redis: OwnRedis,
    readonly rabbit: OwnRabbit,
    readonly database: TestDatabase,
    private gatewayPort: number,
    readonly env: Record<string, string>,
    db: pg.Client,
  ) {
    this.apps = new Apps({ logPrefix: `chaos-${id}-`, exitCodeInErrors: true });
    this.db = db;
  }

  /** Starts the servers, then the gateway, an api process per service and a worker per queue of WORKERS. */
  static async start(extraEnv: Record<string, string> = {}): Promise<ChaosCluster> {
    const id = randomBytes(3).toString('hex');
    const dir = mkdtempSync(`${tmpdir()}/torque-chaos-${id}-`);
    let redis: OwnRedis | undefined;
    let rabbit: OwnRabbit | undefined;
    let database: TestDatabase | undefined;
    let db: pg.Client | undefined;
    try {
      [redis, rabbit, database] = await Promise.all([
        OwnRedis.start(`${dir}/redis`),
        OwnRabbit.start(id, `${dir}/rabbitmq`),
        createTestDatabase(),
      ]);
      db = new pg.Client({ connectionString: database.url, application_name: 'chaos-ledger' });
      await db.connect();
    } catch (err) {
      await db?.end().catch(() => undefined);
      await database?.drop().catch(() => undefined);
      rabbit?.kill();
      redis?.kill();
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    const gatewayPort = await freePort();
    const env = appEnv({
      benchUrl: database.url,
      namespace: `chaos${id}`,
      port: gatewayPort,
      extra: {
        REDIS_URL: redis.url,
        RABBITMQ_URL: rabbit.url,
        LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'warn',
        STORAGE_DIR: `${dir}/storage`,
        FITMENT_PROVIDER: 'local',
        EMBEDDINGS_PROVIDER: 'none',
        MEDIA_ENGINE_EAGER: 'false',
        OUTBOX_POLL_MS: '200',
        RPC_TIMEOUT_MS: '5000',
        WORKER_CONCURRENCY: '1',
        ...LOCKS,
        ...extraEnv,
      },
    });
    const cluster = new ChaosCluster(id, dir, redis, rabbit, database, gatewayPort, env, db);
    try {
      await cluster.boot();
    } catch (err) {
      await cluster.close();
      throw err;
    }
    return cluster;
  }

  private async boot(): Promise<void> {
    this.token = await signLocalToken(JWT_SECRET, { sub: 'chaos', tenants: [TENANT], roles: ['admin', 'operator'] });
    for (const service of SERVICES) this.apps.start(`${service}-api`, { ...this.env, ROLE: 'api' }, [], entry(service));
    for (const w of WORKERS) this.startWorker(w);
    await this.startGateway();
    await this.apps.until('the gateway and the services to answer', () => this.ready(), 180_000, 250);
  }

  /** Starts the gateway on a free port; on a busy machine another process can take the port first, so it retries. */
  private async startGateway(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      this.gatewayPort = await freePort();
      const child = this.apps.start('gateway', { ...this.env, PORT: String(this.gatewayPort) });
      const up = await eventually(
        async () => child.exitCode !== null || (await fetch(`${this.gatewayUrl}/health/live`).then((r) => r.ok)),
        120_000,
        250,
      );
      if (up && child.exitCode === null) return;
      const log = await this.logTail('gateway', 50);
      if (attempt >= 3 || !log.includes('EADDRINUSE')) throw new Error(`the gateway exited at start:\n${log}`);
    }
  }

  /** The gateway is ready and each service answers its jobs list through it. */
  async ready(): Promise<boolean> {
    if (!(await fetch(`${this.gatewayUrl}/health/ready`)).ok) return false;
    for (const service of SERVICES)
      if ((await this.http(`/api/v1/jobs?service=${service}&limit=1`)).status !== 200) return false;
    return true;
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.gatewayPort}`;
  }

  get storageDir(): string {
    return `${this.dir}/storage`;
  }

  /** Starts (another generation of) worker `w`, and returns its app name. */
  startWorker(w: Worker): string {
    const generation = (this.generations.get(w.name) ?? 0) + 1;
    this.generations.set(w.name, generation);
    const name = `${w.name}-${generation}`;
    this.apps.start(name, { ...this.env, ROLE: 'worker', WORKER_QUEUES: w.queue }, [], entry(w.service));
    return name;
  }

  /** The app name of the worker of `w` that runs now. */
  currentWorker(w: Worker): string {
    return `${w.name}-${this.generations.get(w.name)}`;
  }

  /** SIGKILL to app `name`; resolves once it is gone. */
  async kill(name: string): Promise<void> {
    const pid = this.apps.pid(name);
    if (pid) process.kill(pid, 'SIGKILL');
    await this.apps.stop(name);
  }

  /** The headers of a request as tenant `acme` with roles admin and operator. */
  authHeaders(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'x-tenant-id': TENANT };
  }

  /** fetch against the gateway as tenant `acme` with roles admin and operator. */
  http(path: string, init: RequestInit & { json?: unknown; timeoutMs?: number } = {}): Promise<Response> {
    const { json, timeoutMs = 30_000, ...rest } = init;
    const headers = new Headers(rest.headers);
    headers.set('authorization', `Bearer ${this.token}`);
    headers.set('x-tenant-id', TENANT);
    if (json !== undefined) headers.set('content-type', 'application/json');
    return fetch(`${this.gatewayUrl}${path}`, {
      ...rest,
      headers,
      body: json !== undefined ? JSON.stringify(json) : rest.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  /** Pids of every app process that runs now, by name (for the soak's samples). */
  pids(): Map<string, number> {
    const out = new Map<string, number>();
    for (const name of this.apps.names()) {
      const pid = this.apps.pid(name);
      if (pid) out.set(name, pid);
    }
    return out;
  }

  /** The last lines of app `name`'s log, for a failure message. */
  async logTail(name: string, lines = 20): Promise<string> {
    const text = await readFile(`${LOG_DIR}/chaos-${this.id}-${name}.log`, 'utf8').catch(() => '');
    return text.split('\n').slice(-lines).join('\n');
  }

  /** Waits until `fn` answers truthy, failing at once when an app died. */
  until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 100) {
    return this.apps.until(what, fn as () => Promise<T>, timeoutMs, everyMs);
  }

  async close(): Promise<void> {
    await this.apps.stopAll().catch(() => undefined);
    await this.db.end().catch(() => undefined);
    await this.database
      .drop()
      .catch((err: Error) => process.stderr.write(`could not drop the chaos database: ${err.message}\n`));
    await this.rabbit.stop().catch(() => this.rabbit.kill());
    await this.redis.stop().catch(() => this.redis.kill());
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function entry(service: string): string {
  return `dist/apps/${service}-service/src/main.js`;
}

export { eventually };
