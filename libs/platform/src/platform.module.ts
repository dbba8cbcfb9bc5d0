import { BullModule } from '@nestjs/bull';
import { Global, Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { bullKeyPrefix, SERVICE_QUEUES, serviceQueueName, type ServiceName } from '@torque/contracts';
import type { QueueOptions } from 'bull';
import { Redis } from 'ioredis';
import { DEFAULT_JOB_OPTIONS, DEFAULT_QUEUE_SETTINGS } from './bull/bull-defaults.js';
import { QueueService } from './bull/queue.service.js';
import type { ServiceEnv } from './config/env.js';
import { serviceDataSourceOptions, type ServiceSchema } from './database/data-source.js';
import { InboxService } from './events/inbox.service.js';
import { CancelSignalService } from './jobs/cancel-signal.service.js';
import { JobLifecycleService } from './jobs/job-lifecycle.service.js';
import { QueueAdminService } from './jobs/queue-admin.service.js';
import { JobSubmitterService } from './jobs/job-submitter.service.js';
import { JobsRepository } from './jobs/jobs.repository.js';
import { JobsRpcController } from './jobs/jobs.rpc-controller.js';
import { OutboxRelayService } from './jobs/outbox-relay.service.js';
import { WorkerRegistryService } from './jobs/worker-registry.service.js';
import { CleanupJobHandler } from './maintenance/cleanup.job-handler.js';
import { MAINTENANCE_STEPS, type MaintenanceStep } from './maintenance/maintenance-step.js';
import { MaintenanceRpcController } from './maintenance/maintenance.rpc-controller.js';
import { MaintenanceService } from './maintenance/maintenance.service.js';
import { OWNED_QUEUES } from './maintenance/service-queues.js';
import { HealthService } from './observability/health.service.js';
import { MetricsService } from './observability/metrics.service.js';
import { OpsController } from './observability/ops.controller.js';
import { QueueGaugeService } from './observability/queue-gauge.service.js';
import { EventBus } from './rmq/event-bus.js';
import { rmqNames } from './rmq/names.js';
import { ShutdownConnections } from './shutdown-connections.service.js';
import { EVENT_BUS, REDIS, SERVICE_ENV, SERVICE_NAME } from './tokens.js';

export interface ServicePlatformOptions {
  service: ServiceName;
  env: ServiceEnv;
  /** Name (the service's), TypeORM entities and migrations of the service's schema. */
  schema: string;
  entities: ServiceSchema['entities'];
  migrations: ServiceSchema['migrations'];
  /** The service's own steps of the nightly clean-up, run in this order after the platform's. */
  maintenanceSteps?: Type<MaintenanceStep>[];
  /**
   * Bull options of some of the service's queues by short name, e.g. a `limiter` (jobs per window, counted in
   * Redis: every worker of the queue together).
   */
  queueOptions?: Partial<Record<string, Pick<QueueOptions, 'limiter'>>>;
}

/**
 * Everything a back-end service stands on, wired the same way in every app: its schema, Redis,
 * Bull queues, the event bus and outbox relay, the job lifecycle and workers, the jobs and
 * maintenance RPC handlers, health and metrics.
 */
@Global()
@Module({})
export class ServicePlatformModule {
  static forService(opts: ServicePlatformOptions): DynamicModule {
    const { env, service } = opts;
    const queues: string[] = [...SERVICE_QUEUES[service]];
    const steps = opts.maintenanceSteps ?? [];
    const providers: Provider[] = [
      { provide: SERVICE_NAME, useValue: service },
      { provide: SERVICE_ENV, useValue: env },
      { provide: OWNED_QUEUES, useValue: queues },
      ...steps,
      { provide: MAINTENANCE_STEPS, useFactory: (...instances: MaintenanceStep[]) => instances, inject: steps },
      {
        provide: REDIS,
        useFactory: () => new Redis(env.REDIS_URL, { maxRetriesPerRequest: 3, lazyConnect: false }),
      },
      {
        provide: EVENT_BUS,
        useFactory: () =>
          new EventBus({
            url: env.RABBITMQ_URL,
            exchange: rmqNames(env.NAMESPACE).eventsExchange,
            connectionName: `${env.NAMESPACE}-${service}-events`,
          }),
      },
      { provide: JobsRepository, useValue: new JobsRepository() },
      MetricsService,
      HealthService,
      QueueGaugeService,
      QueueService,
      CancelSignalService,
      OutboxRelayService,
      JobLifecycleService,
      QueueAdminService,
      JobSubmitterService,
      WorkerRegistryService,
      MaintenanceService,
      CleanupJobHandler,
      ShutdownConnections,
      InboxService,
    ];
    return {
      module: ServicePlatformModule,
      imports: [
        DiscoveryModule,
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: env.DATABASE_URL,
            schema: opts.schema,
            entities: opts.entities,
            migrations: opts.migrations,
          }),
        ),
        BullModule.forRoot({
          redis: env.REDIS_URL,
          prefix: bullKeyPrefix(env.NAMESPACE),
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
          settings: {
            ...DEFAULT_QUEUE_SETTINGS,
            lockDuration: env.BULL_LOCK_DURATION_MS,
            stalledInterval: env.BULL_STALLED_INTERVAL_MS,
          },
        }),
        BullModule.registerQueue(
          ...queues.map((q) => ({ ...opts.queueOptions?.[q], name: serviceQueueName(service, q) })),
        ),
      ],
      controllers: [JobsRpcController, MaintenanceRpcController, OpsController],
      providers,
      exports: providers,
    };
  }
}
