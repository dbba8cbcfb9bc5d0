import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import {
  EVENT_BUS,
  EventBus,
  HealthService,
  MetricsService,
  OpsController,
  QueueGaugeService,
  REDIS,
  rmqNames,
  ShutdownConnections,
} from '@torque/platform';
import { Redis } from 'ioredis';
import { MaintenanceController } from './admin/maintenance.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { CatalogGatewayModule } from './catalog/catalog-gateway.module.js';
import { FitmentGatewayModule } from './fitment/fitment-gateway.module.js';
import { IngestionGatewayModule } from './ingestion/ingestion-gateway.module.js';
import { MediaGatewayModule } from './media/media-gateway.module.js';
import { ProjectsGatewayModule } from './projects/projects-gateway.module.js';
import { QueuesGatewayModule } from './queues/queues-gateway.module.js';
import { SearchGatewayModule } from './search/search-gateway.module.js';
import { JwtVerifierService } from './auth/jwt-verifier.service.js';
import type { GatewayEnv } from './config/gateway-env.js';
import { ContextInterceptor } from './http/context.interceptor.js';
import { ErrorEnvelopeFilter } from './http/error-envelope.filter.js';
import { StorableTextInterceptor } from './http/storable-text.interceptor.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { JobEventsService } from './jobs/job-events.service.js';
import { JobsGatewayService } from './jobs/jobs-gateway.service.js';
import { JobsController } from './jobs/jobs.controller.js';
import { JobsListCache } from './jobs/jobs-list-cache.js';
import { rateLimitModule } from './rate-limit/rate-limit.module.js';
import { TenantThrottlerGuard } from './rate-limit/tenant-throttler.guard.js';
import { ServiceClientsService } from './services/service-clients.service.js';
import { GATEWAY_ENV } from './tokens.js';

/** The HTTP edge: authentication, validation, idempotency and rate limits, then RabbitMQ to the services. */
@Module({})
export class GatewayModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return {
      module: GatewayModule,
      // Global so feature modules (catalog, ingestion, ...) can use the service clients, Redis and settings.
      global: true,
      imports: [
        rateLimitModule(),
        CatalogGatewayModule,
        IngestionGatewayModule,
        FitmentGatewayModule,
        SearchGatewayModule,
        ProjectsGatewayModule,
        QueuesGatewayModule,
        MediaGatewayModule.forRoot(env),
      ],
      exports: [GATEWAY_ENV, REDIS, EVENT_BUS, ServiceClientsService, MetricsService],
      controllers: [JobsController, MaintenanceController, OpsController],
      providers: [
        { provide: GATEWAY_ENV, useValue: env },
        { provide: REDIS, useFactory: () => new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 }) },
        {
          provide: EVENT_BUS,
          useFactory: () =>
            new EventBus({
              url: env.RABBITMQ_URL,
              exchange: rmqNames(env.NAMESPACE).eventsExchange,
              connectionName: `${env.NAMESPACE}-gateway`,
            }),
        },
        // Guards run in this order: the rate limit counts the tenant the auth guard established.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: TenantThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: ContextInterceptor },
        { provide: APP_INTERCEPTOR, useClass: StorableTextInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ErrorEnvelopeFilter },
        JwtVerifierService,
        ServiceClientsService,
        JobsGatewayService,
        JobsListCache,
        JobEventsService,
        MetricsService,
        HealthService,
        QueueGaugeService,
        ShutdownConnections,
      ],
    };
  }
}
