// The servers a chaos run owns: a redis-server and a RabbitMQ node of its own, on free ports with their data in a
// temporary directory, so stopping and restarting them disturbs no one else on the machine. Each runs in a
// process group of its own, killed whole when the run ends, however it ends.
import amqplib from 'amqplib';
import { Redis } from 'ioredis';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { freePort } from '../../bench/lib/suite.js';
import { eventually } from '../support/suite.js';

const RABBITMQ_BIN = '/usr/lib/rabbitmq/bin';

const groups = new Set<number>();
// A safety net for a run that ends without its clean-up (an uncaught error, Jest killing the worker).
process.once('exit', () => {
  for (const pgid of groups) killGroup(pgid);
});

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function startGroup(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(log, { flags: 'a' });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  groups.add(child.pid!);
  child.once('exit', () => groups.delete(child.pid!));
  return child;
}

/** A redis-server with AOF on (appendfsync everysec, as production runs it), restartable on the same port and data. */
export class OwnRedis {
  private child: ChildProcess | null = null;
  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  static async start(dir: string): Promise<OwnRedis> {
    mkdirSync(dir, { recursive: true });
    const redis = new OwnRedis(await freePort(), dir);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = startGroup(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--save', ''],
      process.env,
      `${this.dir}/redis.log`,
    );
    await eventually(async () => {
      const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await probe.connect();
        // Still loading the AOF answers LOADING; ready means it serves the data again.
        return (await probe.ping()) === 'PONG';
      } finally {
        probe.disconnect();
      }
    }, 20_000);
  }

  /** SIGTERM: Redis flushes the AOF and exits, as on a rolling restart. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child) return;
    child.kill('SIGTERM');
    await exited(child);
  }

  /** Memory Redis reports in use (INFO memory `used_memory`), in bytes. */
  async usedMemory(): Promise<number> {
    const client = new Redis(this.url);
    try {
      const info = await client.info('memory');
      return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
    } finally {
      client.disconnect();
    }
  }

  kill(): void {
    if (this.child?.pid) killGroup(this.child.pid);
    this.child = null;
  }
}

/** A RabbitMQ node of its own (chaos-<id>@localhost), its Mnesia, logs and cookie in `dir`. */
export class OwnRabbit {
  private child: ChildProcess | null = null;
  readonly node: string;
  private constructor(
    readonly id: string,
    readonly port: number,
    readonly distPort: number,
    readonly dir: string,
  ) {
    this.node = `chaos-${id}@localhost`;
  }

  static async start(id: string, dir: string): Promise<OwnRabbit> {
    for (const sub of ['mnesia', 'log']) mkdirSync(`${dir}/${sub}`, { recursive: true });
    writeFileSync(`${dir}/enabled_plugins`, '[].\n');
    const rabbit = new OwnRabbit(id, await freePort(), await freePort(), dir);
    await rabbit.start();
    return rabbit;
  }

  get url(): string {
    return `amqp://guest:guest@127.0.0.1:${this.port}`;
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      // The Erlang cookie lives in HOME: rabbitmqctl below finds the node's own.
      HOME: this.dir,
      RABBITMQ_NODENAME: this.node,
      RABBITMQ_NODE_PORT: String(this.port),
      RABBITMQ_DIST_PORT: String(this.distPort),
      RABBITMQ_MNESIA_BASE: `${this.dir}/mnesia`,
      RABBITMQ_LOG_BASE: `${this.dir}/log`,
      RABBITMQ_ENABLED_PLUGINS_FILE: `${this.dir}/enabled_plugins`,
      RABBITMQ_CONFIG_FILE: `${this.dir}/rabbitmq`,
      RABBITMQ_ADVANCED_CONFIG_FILE: `${this.dir}/advanced.config`,
    };
  }

  /** Starts the node in the foreground (a child process group) and resolves once it takes AMQP connections. */
  async start(): Promise<number> {
    const startedAt = performance.now();
    this.child = startGroup(`${RABBITMQ_BIN}/rabbitmq-server`, [], this.env(), `${this.dir}/server.log`);
    await eventually(
      async () => {
        if (!this.child || this.child.exitCode !== null) throw new Error(`RabbitMQ node ${this.node} exited at start`);
        const connection = await amqplib.connect(this.url);
        await connection.close();
        return true;
      },
      90_000,
      200,
    );
    return performance.now() - startedAt;
  }

  /** `rabbitmqctl stop`: the node shuts down in order (connections closed), as a broker restart does. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child) return;
    spawnSync(`${RABBITMQ_BIN}/rabbitmqctl`, ['-n', this.node, 'stop'], { env: this.env(), timeout: 60_000 });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited(child), new Promise((r) => (timer = setTimeout(r, 30_000)))]);
    clearTimeout(timer);
    if (child.pid) killGroup(child.pid);
  }

  kill(): void {
    if (this.child?.pid) killGroup(this.child.pid);
    this.child = null;
  }
}
