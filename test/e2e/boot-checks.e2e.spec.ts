import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { TEST_RABBITMQ_URL, TEST_REDIS_URL } from '../support/servers.js';

interface Exit {
  code: number | null;
  stderr: string;
}

/** Runs a built entry point and collects how it ended; one that hangs is killed (code null) after 25 s. */
function runEntry(entry: string, env: Record<string, string>): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const SERVICE = 'dist/apps/fitment-service/src/main.js';
const INGESTION = 'dist/apps/ingestion-service/src/main.js';
const GATEWAY = 'dist/apps/gateway/src/main.js';

describe('boot checks', () => {
  it('stops a service at once when a setting is invalid, naming the variable', async () => {
    const exit = await runEntry(SERVICE, { RPC_TIMEOUT_MS: 'soon', DATABASE_URL: 'mysql://nope' });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain('RPC_TIMEOUT_MS="soon"');
    expect(exit.stderr).toContain('DATABASE_URL="mysql://nope": must be a postgres:// URL');
  });

  it("names a bad setting of a service's own (IngestionEnv) before it checks the servers", async () => {
    const exit = await runEntry(INGESTION, {
      IMPORT_DEFAULT_CURRENCY: 'dollars',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/torque',
    });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain('IMPORT_DEFAULT_CURRENCY="dollars": must be a 3-letter ISO 4217 code');
    expect(exit.stderr).not.toContain('unreachable');
  });

  it('stops the gateway when a server is unreachable, naming the URL and how to start it', async () => {
    const exit = await runEntry(GATEWAY, {
      REDIS_URL: 'redis://127.0.0.1:1',
      RABBITMQ_URL: TEST_RABBITMQ_URL,
      PORT: '0',
    });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain('Redis is unreachable at redis://127.0.0.1:1 (REDIS_URL)');
    expect(exit.stderr).toContain('redis-server');
  });

  it('stops a service when PostgreSQL or RabbitMQ is unreachable, hiding passwords', async () => {
    const exit = await runEntry(SERVICE, {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/torque',
      RABBITMQ_URL: 'amqp://guest:secret@127.0.0.1:1',
      REDIS_URL: TEST_REDIS_URL,
    });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain('PostgreSQL is unreachable at postgres://postgres@127.0.0.1:1/torque (DATABASE_URL)');
    expect(exit.stderr).toContain('RabbitMQ is unreachable at amqp://guest:***@127.0.0.1:1 (RABBITMQ_URL)');
    expect(exit.stderr).not.toContain('secret');
  });

  it('refuses a gateway secret that is too short', async () => {
    const exit = await runEntry(GATEWAY, { JWT_SECRET: 'short' });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain('JWT_SECRET');
  });

  it('refuses an upload limit under 1024 bytes (a gateway setting)', async () => {
    const exit = await runEntry(GATEWAY, { UPLOAD_MAX_BYTES: '100' });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain('UPLOAD_MAX_BYTES="100"');
  });
});

describe('production settings', () => {
  it('refuses the development token secret in production', async () => {
    const exit = await runEntry(GATEWAY, { NODE_ENV: 'production' });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain('JWT_SECRET');
    expect(exit.stderr).toContain('in production');
  });
});
