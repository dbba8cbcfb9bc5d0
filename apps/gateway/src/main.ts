import 'reflect-metadata';
import { ConfigError, loadEnv, preflight, PreflightError } from '@torque/platform';
import { GatewayEnv } from './config/gateway-env.js';
import { createGatewayApp } from './gateway-app.js';

try {
  const env = loadEnv(GatewayEnv);
  await preflight(env, { postgres: false });
  const app = await createGatewayApp(env);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen({ port: env.PORT, host: '0.0.0.0' });
} catch (err) {
  const known = err instanceof ConfigError || err instanceof PreflightError;
  process.stderr.write(
    `gateway: cannot start.\n  ${known ? (err as Error).message : ((err as Error).stack ?? String(err))}\n`,
  );
  process.exit(1);
}
