import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { createLogger, MetricsService, PinoNestLogger } from '@torque/platform';
import type { IncomingMessage } from 'node:http';
import type { GatewayEnv } from './config/gateway-env.js';
import type { AuthenticatedRequest } from './auth/auth.types.js';
import { useConsole } from './console/console-routes.js';
import { GatewayModule } from './gateway.module.js';
import { documentBodyErrors } from './http/api-errors.decorator.js';
import { CORRELATION_HEADER, correlationIdFrom } from './http/correlation-id.js';
import { cutStalledRequests, httpServerOptions } from './http/http-server-options.js';
import { useServerTiming } from './http/server-timing.js';
import { useDepthLimitedJsonParser } from './http/json-body-parser.js';
import { JobsListCache } from './jobs/jobs-list-cache.js';
import { mediaSubmitBodyLimit } from './media/media-gateway.module.js';
import { mountQueueBoard } from './queues/queue-board.js';
import { StorableTextPipe } from './http/storable-text.pipe.js';
import { createValidationPipe } from './http/validation.pipe.js';

/**
 * Builds the gateway application (not listening yet): Fastify with its limits on bodies and slow clients,
 * validation, correlation ids, metrics, Swagger, the queue dashboard (Bull Board) at /admin/queues and the operator
 * console at /console.
 */
export async function createGatewayApp(env: GatewayEnv): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    // Fastify would take the header verbatim; genReqId checks it first (see correlationIdFrom).
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => correlationIdFrom(req.headers[CORRELATION_HEADER]),
    trustProxy: true,
    // `/x/` is `/x`: the legacy API's clients call /data-ingestion/progress/{task_id}/ with the slash.
    routerOptions: { ignoreTrailingSlash: true },
    // Event streams never end by themselves: on shutdown close them (clients reconnect elsewhere).
    forceCloseConnections: true,
    ...httpServerOptions(env),
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot(env), adapter, {
    logger: new PinoNestLogger(createLogger('gateway', env.LOG_LEVEL)),
  });
  app.useGlobalPipes(new StorableTextPipe(), createValidationPipe());
  useDepthLimitedJsonParser(app, env.JSON_MAX_DEPTH);

  const metrics = app.get(MetricsService);
  const fastify = app.getHttpAdapter().getInstance();
  // Routes are added at init, after this hook: the media submit route takes base64 images beyond BODY_LIMIT_BYTES.
  fastify.addHook('onRoute', (route) => {
    if (route.url === '/api/v1/tasks/submit' && route.method === 'POST') route.bodyLimit = mediaSubmitBodyLimit(env);
  });
  cutStalledRequests(fastify, env);
  useServerTiming(fastify);
  const jobsListCache = app.get(JobsListCache);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header(CORRELATION_HEADER, String(request.id));
    // A write of the tenant may have changed its jobs: its next list asks the services again.
    const tenant = (request as AuthenticatedRequest).torque?.meta.tenantId;
    if (tenant && request.method !== 'GET' && request.method !== 'HEAD') jobsListCache.changed(tenant);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  await mountQueueBoard(app);
  await useConsole(app, env);
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Torque API')
    .setDescription(
      'The HTTP API of Torque: AI fitment jobs, procurement imports, catalog search indexing, smart metadata and media tasks. ' +
        'Every request needs `Authorization: Bearer <JWT>` and `X-Tenant-ID`; errors share one envelope `{error, message, details}`.',
    )
    .setVersion('1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return documentBodyErrors(
    SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method }),
  );
}
