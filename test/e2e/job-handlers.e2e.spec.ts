// Boot check of the job handlers: a worker starts only when each job the registry lists on its queues has
// exactly one handler and each handler a job the registry lists there.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Injectable, type DynamicModule, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JobNames, QueueNames, type ServiceName } from '@torque/contracts';
import {
  createServiceApp,
  JobHandler,
  JobHandlerMismatchError,
  loadEnv,
  ServiceEnv,
  ServicePlatformModule,
  startServiceApp,
  WorkerRegistryService,
  type JobHandlerInstance,
  type Outcome,
  type ServiceSchema,
} from '@torque/platform';
import { ingestionSchema } from '../../apps/ingestion-service/src/database/ingestion.schema.js';
import { mediaSchema } from '../../apps/media-service/src/database/media.schema.js';
import { startSuite, type Suite } from '../support/suite.js';

const done = async (): Promise<Outcome> => ({ status: 'completed' });

@Injectable()
@JobHandler(QueueNames.Maintenance, JobNames.Cleanup)
class SecondCleanupHandler implements JobHandlerInstance {
  handle = done;
}

@Injectable()
@JobHandler(QueueNames.Import, JobNames.Import)
class TestImportHandler implements JobHandlerInstance {
  handle = done;
}

@Injectable()
@JobHandler(QueueNames.Generate, JobNames.FitmentGenerate)
class StrayGenerateHandler implements JobHandlerInstance {
  handle = done;
}

const SCHEMAS: Partial<Record<ServiceName, ServiceSchema>> = { ingestion: ingestionSchema, media: mediaSchema };

describe('job handler boot check', () => {
  let suite: Suite;
  const apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    suite = await startSuite({ services: [], gateway: false });
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close().catch(() => undefined);
    await suite?.close();
  });

  /** Starts the platform of `service` with only the given handlers besides the platform's own. */
  async function boot(service: ServiceName, handlers: Type[], vars: Record<string, string> = {}) {
    const env = loadEnv(ServiceEnv, { ...suite.baseEnv, ROLE: 'worker', ...vars });
    const module: DynamicModule = {
      module: class HandlersUnderTest {},
      imports: [ServicePlatformModule.forService({ service, env, ...SCHEMAS[service]! })],
      providers: handlers,
    };
    const app = await createServiceApp(service, env, module);
    apps.push(app);
    const started = await startServiceApp(app, env).then(
      () => null,
      (err: Error) => err,
    );
    return { app, error: started, worked: () => [...app.get(WorkerRegistryService).queueNames].sort() };
  }

  it('refuses to boot a worker when a job of its queues has no handler, naming the queue and the job', async () => {
    const { error, worked } = await boot('ingestion', []);
    expect(error).toBeInstanceOf(JobHandlerMismatchError);
    expect(error?.message).toContain('ingestion.import: job ingestion.import has no handler');
    // It failed before any processor was registered.
    expect(worked()).toEqual([]);
  });

  it('refuses to boot a worker when a job has two handlers, naming the job and both handlers', async () => {
    const { error, worked } = await boot('media', [SecondCleanupHandler], { ROLE: 'both' });
    expect(error).toBeInstanceOf(JobHandlerMismatchError);
    expect(error?.message).toContain(
      'media.maintenance: job maintenance.cleanup has 2 handlers (CleanupJobHandler, SecondCleanupHandler)',
    );
    expect(worked()).toEqual([]);
  });

  it('refuses a handler of a job the registry does not list on that queue of the service', async () => {
    const { error } = await boot('media', [StrayGenerateHandler]);
    expect(error).toBeInstanceOf(JobHandlerMismatchError);
    expect(error?.message).toContain(
      'media.generate: StrayGenerateHandler handles job fitment.generate, which the job registry does not list on that queue',
    );
  });

  it('boots a worker whose handlers match the registry, and works on every queue', async () => {
    const { error, worked } = await boot('ingestion', [TestImportHandler]);
    expect(error).toBeNull();
    expect(worked()).toEqual(['ingestion.import', 'ingestion.maintenance']);
  });

  it('checks only the queues the process works on', async () => {
    const maintenanceOnly = await boot('ingestion', [], { WORKER_QUEUES: 'maintenance' });
    expect(maintenanceOnly.error).toBeNull();
    expect(maintenanceOnly.worked()).toEqual(['ingestion.maintenance']);
    const api = await boot('ingestion', [], { ROLE: 'api' });
    expect(api.error).toBeNull();
    expect(api.worked()).toEqual([]);
  });
});
