// docker-compose.yml describes the deployment: these checks need no Docker engine.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SERVICE_NAMES, SERVICE_QUEUES } from '@torque/contracts';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMPOSE_FILE = `${ROOT}docker-compose.yml`;

const INFRA = ['postgres', 'redis', 'rabbitmq'];

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  ports?: Array<string | number | { target?: number | string; published?: number | string }>;
  stop_grace_period?: string;
  restart?: string;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

// Compose files use YAML 1.1 merge keys (`<<: *anchor`), which YAML 1.2 parsers only apply on request. Each
// service merges a few anchors: past 20 services they add up to more than yaml's default cap of 100 aliases,
// which guards against untrusted billion-laughs documents, not our own file.
const compose = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true, maxAliasCount: 1000 }) as ComposeFile;
const services = compose.services;

function envOf(svc: ComposeService): Record<string, string> {
  const env = svc.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((line) => [line.split('=')[0], line.slice(line.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

function words(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(' ') : (value ?? '');
}

function dependencies(svc: ComposeService): Record<string, string> {
  const deps = svc.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([name, d]) => [name, d?.condition ?? 'service_started']));
}

/** Compose durations such as `30s`, `1m30s`, `500ms`, in milliseconds. */
function durationMs(value: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 };
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ms|us|h|m|s)/g;
  let consumed = '';
  for (let m = re.exec(value); m; m = re.exec(value)) {
    total += Number(m[1]) * units[m[2]];
    consumed += m[0];
  }
  if (consumed !== value) throw new Error(`not a compose duration: ${value}`);
  return total;
}

const entryOf = (app: string) => `dist/apps/${app}/src/main.js`;
const appServices = Object.keys(services).filter((name) => !INFRA.includes(name));
const workersOf = (svc: string) =>
  Object.entries(services).filter(
    ([, s]) => words(s.command) === entryOf(`${svc}-service`) && envOf(s).ROLE === 'worker',
  );

describe('docker-compose.yml', () => {
  it('covers every back-end service in the contracts', () => {
    expect(Object.keys(SERVICE_QUEUES).sort()).toEqual([...SERVICE_NAMES].sort());
  });

  it('runs postgres, redis and rabbitmq with health checks', () => {
    expect(services.postgres?.image).toMatch(/^postgres:16(\b|$)/);
    expect(services.redis?.image).toMatch(/^redis:7(\b|$)/);
    expect(services.rabbitmq?.image).toMatch(/^rabbitmq:3[.\w-]*-management$/);
    expect(words(services.postgres.healthcheck?.test)).toContain('pg_isready');
    for (const name of INFRA) {
      expect(services[name].healthcheck?.disable).not.toBe(true);
      expect(words(services[name].healthcheck?.test)).toMatch(/^CMD(-SHELL)? \S/);
    }
  });

  it('keeps Bull jobs in redis: append-only file and no eviction', () => {
    const command = words(services.redis.command);
    expect(command).toMatch(/--appendonly yes\b/);
    expect(command).toMatch(/--maxmemory-policy noeviction\b/);
  });

  it('builds one image for every app container', () => {
    const images = new Set(appServices.map((name) => services[name].image));
    const builds = new Set(appServices.map((name) => JSON.stringify(services[name].build)));
    expect(images.size).toBe(1);
    expect([...images][0]).toBeTruthy();
    expect(builds.size).toBe(1);
    expect([...builds][0]).not.toBe(undefined);
  });

  it('migrates once before any app starts', () => {
    const migrate = services.migrate;
    expect(words(migrate?.command)).toBe('scripts/migrate.js');
    expect(migrate.restart).toBe('no');
    expect(dependencies(migrate).postgres).toBe('service_healthy');
    for (const name of appServices.filter((n) => n !== 'migrate')) {
      expect({ name, deps: dependencies(services[name]) }).toEqual({
        name,
        deps: expect.objectContaining({
          postgres: 'service_healthy',
          redis: 'service_healthy',
          rabbitmq: 'service_healthy',
          migrate: 'service_completed_successfully',
        }),
      });
    }
  });

  it('publishes the gateway on port 3000 with a JWT secret from the environment', () => {
    const gateway = services.gateway;
    expect(words(gateway?.command)).toBe(entryOf('gateway'));
    const published = (gateway.ports ?? []).map((p) =>
      typeof p === 'object' ? `${p.published}:${p.target}` : String(p).replace(/^[\d.]+:(?=\d+:)/, ''),
    );
    expect(published).toContain('3000:3000');
    expect(envOf(gateway).PORT).toBe('3000');
    expect(envOf(gateway).JWT_SECRET).toBe('${JWT_SECRET:-change-me-in-production}');
  });

  describe.each(Object.entries(SERVICE_QUEUES))('%s service', (svc, queues) => {
    it('has one api container', () => {
      const api = services[`${svc}-api`];
      expect(words(api?.command)).toBe(entryOf(`${svc}-service`));
      expect(envOf(api).ROLE).toBe('api');
      const apis = Object.values(services).filter(
        (s) => words(s.command) === entryOf(`${svc}-service`) && envOf(s).ROLE !== 'worker',
      );
      expect(apis).toHaveLength(1);
    });

    it('has exactly one worker per queue, named after it', () => {
      const workers = workersOf(svc);
      expect(workers.map(([, s]) => envOf(s).WORKER_QUEUES).sort()).toEqual([...queues].sort());
      for (const [name, s] of workers) expect(name).toBe(`${svc}-worker-${envOf(s).WORKER_QUEUES}`);
    });

    it('gives workers time to finish their jobs on shutdown', () => {
      for (const [name, s] of workersOf(svc)) {
        const grace = s.stop_grace_period;
        expect({ name, grace }).toEqual({ name, grace: '30s' });
        const shutdownMs = Number(envOf(s).SHUTDOWN_GRACE_MS ?? 25_000);
        expect(durationMs(grace!)).toBeGreaterThan(shutdownMs);
      }
    });
  });

  it('starts only entry points that the build produces', () => {
    for (const name of appServices) {
      const entry = words(services[name].command);
      const source = entry.startsWith('dist/') ? entry.replace(/^dist\//, '').replace(/\.js$/, '.ts') : entry;
      expect({ name, source, exists: existsSync(`${ROOT}${source}`) }).toEqual({ name, source, exists: true });
    }
  });

  const composeV1 = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
  const hasDockerCompose = !composeV1.error && composeV1.status === 0;
  (hasDockerCompose ? it : it.skip)('is valid for docker-compose (config -q)', () => {
    const result = spawnSync('docker-compose', ['-f', COMPOSE_FILE, 'config', '-q'], { encoding: 'utf8', cwd: ROOT });
    expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 });
  });
});
