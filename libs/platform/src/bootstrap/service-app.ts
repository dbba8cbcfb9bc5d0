import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ServiceName } from '@torque/contracts';
import { ConfigError, loadEnv, runsApi, ServiceEnv } from '../config/env.js';
import { JobHandlerMismatchError } from '../jobs/job-handler-check.js';
import { createLogger, PinoNestLogger } from '../logging/logger.js';
import { ensureDeadLetterTopology, rmqServerOptions } from '../rmq/rmq-options.js';
import { preflight, PreflightError } from './preflight.js';

/** Builds a service's Nest application for its role: RabbitMQ listener when `api`, workers when `worker`. */
export async function createServiceApp(
  service: ServiceName,
  env: ServiceEnv,
  module: DynamicModule,
): Promise<NestFastifyApplication> {
  const logger = createLogger(service, env.LOG_LEVEL);
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), {
    logger: new PinoNestLogger(logger),
  });
  if (runsApi(env)) {
    await ensureDeadLetterTopology(env, service);
    app.connectMicroservice(rmqServerOptions(env, service), { inheritAppConfig: true });
  }
  return app;
}

export async function startServiceApp(app: NestFastifyApplication, env: ServiceEnv): Promise<void> {
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.startAllMicroservices();
  await app.listen({ port: env.HTTP_PORT, host: '0.0.0.0' });
}

/**
 * Entry point of a service process: validate config (the service's module reads settings of its own as it is
 * built, so that comes first too), check the servers, start, print where it listens.
 */
export async function runService<E extends ServiceEnv>(
  service: ServiceName,
  envClass: new () => E,
  module: (env: E) => DynamicModule,
): Promise<void> {
  try {
    const env = loadEnv(envClass);
    const root = module(env);
    await preflight(env, { postgres: true });
    const app = await createServiceApp(service, env, root);
    await startServiceApp(app, env);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof PreflightError || err instanceof JobHandlerMismatchError) {
      process.stderr.write(`${service}: cannot start.\n  ${err.message}\n`);
    } else {
      process.stderr.write(`${service}: failed to start: ${(err as Error).stack ?? String(err)}\n`);
    }
    process.exit(1);
  }
}
