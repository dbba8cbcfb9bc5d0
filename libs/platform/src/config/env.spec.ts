import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { IsOptional, Matches } from 'class-validator';
import { ConfigError, loadEnv, PlatformEnv, runsApi, runsWorker, ServiceEnv, workerQueues } from './env.js';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

class EnvWithOptional extends PlatformEnv {
  /** No default: the instance has no own key for it. */
  @IsOptional()
  @Matches(/^https:\/\//, { message: 'must be an https URL' })
  IDP_URL?: string;
}

describe('loadEnv', () => {
  it('gives the documented defaults when nothing is set', () => {
    const env = loadEnv(ServiceEnv, {});
    expect(env).toBeInstanceOf(ServiceEnv);
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/torque',
      REDIS_URL: 'redis://127.0.0.1:6379',
      RABBITMQ_URL: 'amqp://guest:guest@127.0.0.1:5672',
      NAMESPACE: 'torque',
      RPC_TIMEOUT_MS: 5000,
      OUTBOX_POLL_MS: 250,
      SHUTDOWN_GRACE_MS: 25_000,
      ROLE: 'both',
      WORKER_QUEUES: '*',
      HTTP_PORT: 0,
      RETENTION_DAYS: 30,
      CLEANUP_CRON: '0 3 * * *',
      WORKER_CONCURRENCY: 2,
      CLEANUP_BATCH_SIZE: 1000,
      CLEANUP_BATCH_DELAY_MS: 0,
      SCHEDULES_ENABLED: true,
      BULL_LOCK_DURATION_MS: 30_000,
      BULL_STALLED_INTERVAL_MS: 15_000,
    });
  });

  it('parses numbers and booleans, and treats an empty value as unset', () => {
    const env = loadEnv(ServiceEnv, {
      RPC_TIMEOUT_MS: '1500',
      CLEANUP_BATCH_SIZE: '1',
      SCHEDULES_ENABLED: 'false',
      BULL_LOCK_DURATION_MS: '2000',
      BULL_STALLED_INTERVAL_MS: '1000',
      NAMESPACE: '',
    });
    expect(env.RPC_TIMEOUT_MS).toBe(1500);
    expect(env.CLEANUP_BATCH_SIZE).toBe(1);
    expect(env.SCHEDULES_ENABLED).toBe(false);
    expect(env.BULL_LOCK_DURATION_MS).toBe(2000);
    expect(env.BULL_STALLED_INTERVAL_MS).toBe(1000);
    expect(env.NAMESPACE).toBe('torque');
    expect(loadEnv(ServiceEnv, { SCHEDULES_ENABLED: '1' }).SCHEDULES_ENABLED).toBe(true);
    expect(loadEnv(ServiceEnv, { SCHEDULES_ENABLED: '0' }).SCHEDULES_ENABLED).toBe(false);
  });

  it.each([
    ['RPC_TIMEOUT_MS', 'abc'],
    ['RPC_TIMEOUT_MS', '50'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['RABBITMQ_URL', 'localhost:5672'],
    ['NAMESPACE', 'Has Spaces'],
    ['ROLE', 'boss'],
    ['LOG_LEVEL', 'loud'],
    ['CLEANUP_CRON', 'every night'],
    ['WORKER_CONCURRENCY', '0'],
    ['SHUTDOWN_GRACE_MS', '1.5'],
    ['SCHEDULES_ENABLED', 'maybe'],
    ['BULL_LOCK_DURATION_MS', '10'],
  ])('rejects %s=%s with a ConfigError that names the variable and the value', (name, value) => {
    const err = configError(() => loadEnv(ServiceEnv, { [name]: value }));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toContain(`${name}=${JSON.stringify(value)}`);
    expect(err.message).toContain(name);
  });

  it('lists every bad variable at once', () => {
    const err = configError(() => loadEnv(ServiceEnv, { RPC_TIMEOUT_MS: 'abc', DATABASE_URL: 'mysql://x' }));
    expect(err.problems.map((p) => p.split('=')[0]).sort()).toEqual(['DATABASE_URL', 'RPC_TIMEOUT_MS']);
    expect(err.message).toMatch(/^Invalid configuration:/);
  });

  it('reads settings that have no default (optional ones) and validates them', () => {
    expect(loadEnv(EnvWithOptional, {}).IDP_URL).toBeUndefined();
    expect(loadEnv(EnvWithOptional, { IDP_URL: 'https://idp.example/jwks' }).IDP_URL).toBe('https://idp.example/jwks');
    expect(configError(() => loadEnv(EnvWithOptional, { IDP_URL: 'ftp://x' })).message).toContain('IDP_URL="ftp://x"');
  });

  it('ignores variables it does not know', () => {
    const env = loadEnv(ServiceEnv, { PATH: '/usr/bin', HOME: '/root' }) as unknown as Record<string, unknown>;
    expect(env.PATH).toBeUndefined();
  });
});

describe('process roles', () => {
  const env = (vars: Record<string, string>) => loadEnv(ServiceEnv, vars);

  it('works on every queue by default', () => {
    expect(workerQueues(env({}))).toBeNull();
    expect(runsApi(env({}))).toBe(true);
    expect(runsWorker(env({}), 'maintenance')).toBe(true);
    expect(runsWorker(env({}), 'generate')).toBe(true);
  });

  it('runs no worker with ROLE=api', () => {
    const api = env({ ROLE: 'api', WORKER_QUEUES: 'maintenance' });
    expect(runsApi(api)).toBe(true);
    expect(runsWorker(api, 'maintenance')).toBe(false);
  });

  it('serves no RPC with ROLE=worker and works only on the listed queues', () => {
    const worker = env({ ROLE: 'worker', WORKER_QUEUES: ' maintenance , generate ,' });
    expect(runsApi(worker)).toBe(false);
    expect(workerQueues(worker)).toEqual(new Set(['maintenance', 'generate']));
    expect(runsWorker(worker, 'maintenance')).toBe(true);
    expect(runsWorker(worker, 'generate')).toBe(true);
    expect(runsWorker(worker, 'other')).toBe(false);
  });

  it('treats * anywhere in the list as every queue', () => {
    const worker = env({ ROLE: 'worker', WORKER_QUEUES: 'other,*' });
    expect(workerQueues(worker)).toBeNull();
    expect(runsWorker(worker, 'maintenance')).toBe(true);
  });
});
