import amqplib from 'amqplib';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { PlatformEnv } from '../config/env.js';

export interface PreflightTarget {
  name: 'PostgreSQL' | 'Redis' | 'RabbitMQ';
  url: string;
  variable: string;
  hint: string;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

const HINTS = {
  PostgreSQL:
    'start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start (or docker compose up -d postgres)',
  Redis: 'start it with: redis-server --daemonize yes (or docker compose up -d redis)',
  RabbitMQ: 'start it with: rabbitmq-server -detached (or docker compose up -d rabbitmq)',
} as const;

/**
 * Checks that the servers a process needs answer, so it stops at once with a message naming the
 * URL and how to start the server instead of retrying forever.
 */
/**
 * `postgres: 'server'` checks only that the server answers (through its `postgres` database), for
 * callers that create the database themselves, such as `npm start`.
 */
export async function preflight(env: PlatformEnv, needs: { postgres: boolean | 'server' }): Promise<void> {
  const failures: string[] = [];
  const check = async (name: PreflightTarget['name'], variable: string, url: string, probe: () => Promise<void>) => {
    try {
      await probe();
    } catch (err) {
      const message = (err as Error).message || String(err);
      // The server answered but the database is missing: that is a migration away, not a server to start.
      const hint = /database .* does not exist/.test(message)
        ? 'create and migrate it with: npm run build && npm run migrate'
        : HINTS[name];
      failures.push(`${name} is unreachable at ${redact(url)} (${variable}): ${message}\n    ${hint}`);
    }
  };
  await Promise.all([
    needs.postgres
      ? check('PostgreSQL', 'DATABASE_URL', env.DATABASE_URL, async () => {
          const target = new URL(env.DATABASE_URL);
          if (needs.postgres === 'server') target.pathname = '/postgres';
          const client = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: 3000 });
          await client.connect();
          await client.end();
        })
      : Promise.resolve(),
    check('Redis', 'REDIS_URL', env.REDIS_URL, async () => {
      const redis = new Redis(env.REDIS_URL, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
        connectTimeout: 3000,
      });
      try {
        await redis.connect();
        await redis.ping();
      } finally {
        redis.disconnect();
      }
    }),
    check('RabbitMQ', 'RABBITMQ_URL', env.RABBITMQ_URL, async () => {
      const connection = await amqplib.connect(env.RABBITMQ_URL, { timeout: 3000 });
      await connection.close();
    }),
  ]);
  if (failures.length > 0) throw new PreflightError(failures);
}

export class PreflightError extends Error {
  constructor(readonly failures: string[]) {
    super(failures.join('\n  '));
    this.name = 'PreflightError';
  }
}
