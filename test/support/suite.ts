import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SERVICE_NAMES, type ServiceName } from '@torque/contracts';
import { createServiceApp, loadEnv, ServiceEnv, startServiceApp } from '@torque/platform';
import { FitmentModule } from '../../apps/fitment-service/src/fitment.module.js';
import { signLocalToken } from '../../apps/gateway/src/auth/jwt-verifier.service.js';
import { GatewayEnv } from '../../apps/gateway/src/config/gateway-env.js';
import { createGatewayApp } from '../../apps/gateway/src/gateway-app.js';
import { IndexerModule } from '../../apps/indexer-service/src/indexer.module.js';
import { IngestionModule } from '../../apps/ingestion-service/src/ingestion.module.js';
import { MediaModule } from '../../apps/media-service/src/media.module.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { dropNamespace, testNamespace } from './namespace.js';
import { TEST_RABBITMQ_URL, TEST_REDIS_URL } from './servers.js';

export const MODULES = {
  fitment: FitmentModule,
  ingestion: IngestionModule,
  media: MediaModule,
  indexer: IndexerModule,
} as const;

export const TEST_JWT_SECRET = 'torque-test-secret-0123456789';

export interface SuiteOptions {
  /** Services to start (all by default). */
  services?: readonly ServiceName[];
  /** Extra environment for every app. */
  env?: Record<string, string>;
  /** Extra environment per service. */
  serviceEnv?: Partial<Record<ServiceName, Record<string, string>>>;
  gateway?: boolean;
}

export interface Suite {
  ns: string;
  db: TestDatabase;
  baseEnv: Record<string, string>;
  gateway: NestFastifyApplication | null;
  gatewayUrl: string;
  services: Map<ServiceName, NestFastifyApplication>;
  token(opts?: { tenants?: string[]; roles?: string[]; sub?: string }): Promise<string>;
  /** fetch against the gateway with a token for `tenant` (default `acme`). */
  http(path: string, init?: RequestInit & { tenant?: string; roles?: string[]; json?: unknown }): Promise<Response>;
  startService(service: ServiceName, env?: Record<string, string>): Promise<NestFastifyApplication>;
  close(): Promise<void>;
}

/** Starts the apps in this process against the real servers, in a database and namespace of their own. */
export async function startSuite(opts: SuiteOptions = {}): Promise<Suite> {
  const ns = testNamespace();
  const db = await createTestDatabase();
  const baseEnv: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    RABBITMQ_URL: TEST_RABBITMQ_URL,
    NAMESPACE: ns,
    RPC_TIMEOUT_MS: '3000',
    OUTBOX_POLL_MS: '100',
    SCHEDULES_ENABLED: 'false',
    JWT_SECRET: TEST_JWT_SECRET,
    // lexical search only: the local model costs seconds of CPU per batch (search-hybrid.e2e.spec.ts turns it on)
    EMBEDDINGS_PROVIDER: 'none',
    // media engine threads start with the first task, not at boot (most suites run none)
    MEDIA_ENGINE_EAGER: 'false',
    ...opts.env,
  };
  const services = new Map<ServiceName, NestFastifyApplication>();
  const suite: Suite = {
    ns,
    db,
    baseEnv,
    gateway: null,
    gatewayUrl: '',
    services,
    token: ({ tenants = ['acme'], roles = ['admin', 'reviewer'], sub = 'tester' } = {}) =>
      signLocalToken(TEST_JWT_SECRET, { sub, tenants, roles }),
    async http(path, init = {}) {
      const { tenant = 'acme', roles, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (!headers.has('authorization'))
        headers.set('authorization', `Bearer ${await suite.token({ tenants: [tenant], roles })}`);
      if (!headers.has('x-tenant-id')) headers.set('x-tenant-id', tenant);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(`${suite.gatewayUrl}${path}`, {
        ...rest,
        headers,
        body: json !== undefined ? JSON.stringify(json) : rest.body,
      });
    },
    async startService(service, env = {}) {
      const vars = { ...baseEnv, ...opts.serviceEnv?.[service], ...env };
      const serviceEnv = loadEnv(ServiceEnv, vars);
      // A module with settings of its own (IngestionModule's IngestionEnv) reads them from the same variables.
      const app = await createServiceApp(service, serviceEnv, MODULES[service].forRoot(serviceEnv, vars));
      await startServiceApp(app, serviceEnv);
      services.set(service, app);
      return app;
    },
    async close() {
      await suite.gateway?.close();
      await Promise.all([...services.values()].map((app) => app.close()));
      await dropNamespace(ns);
      await db.drop();
    },
  };
  try {
    for (const service of opts.services ?? SERVICE_NAMES) await suite.startService(service);
    if (opts.gateway !== false) {
      const gatewayEnv = loadEnv(GatewayEnv, { ...baseEnv, PORT: '0' });
      const gateway = await createGatewayApp(gatewayEnv);
      await gateway.listen({ port: 0, host: '127.0.0.1' });
      suite.gateway = gateway;
      suite.gatewayUrl = await gateway.getUrl();
    }
  } catch (err) {
    await suite.close().catch(() => undefined);
    throw err;
  }
  return suite;
}

/** Polls `fn` until it returns a truthy value or the deadline passes (no fixed sleeps in tests). */
export async function eventually<T>(
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
