import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { MEDIA_TASK_TYPES } from '@torque/contracts';
import { runsWorker, SERVICE_ENV, type ServiceEnv } from '@torque/platform';
import { mediaRoutes, type MediaEnv } from '../common/media-env.js';
import { engineSettings } from './engine-settings.js';
import { EnginePool } from './runtime/engine-pool.js';

/** Injection token of the process's EnginePool (null in a process that works no media queue: the api role). */
export const ENGINE_POOL = Symbol('ENGINE_POOL');

@Injectable()
class EnginePoolCloser implements OnApplicationShutdown {
  private readonly logger = new Logger('EnginePool');

  constructor(@Inject(ENGINE_POOL) private readonly pool: EnginePool | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.close().catch((err: Error) => this.logger.warn(`closing engine threads: ${err.message}`));
  }
}

/**
 * The engine threads of a worker process: MEDIA_ENGINE_THREADS threads, each warming the engines of the task types
 * on the queues this process works (WORKER_QUEUES), so the first task does not pay for loading models.
 */
@Module({})
export class EnginesModule {
  static forRoot(env: MediaEnv): DynamicModule {
    return {
      module: EnginesModule,
      providers: [
        {
          provide: ENGINE_POOL,
          inject: [SERVICE_ENV],
          useFactory: (serviceEnv: ServiceEnv) => {
            const routes = mediaRoutes(env);
            const warm = MEDIA_TASK_TYPES.filter((t) => runsWorker(serviceEnv, routes[t]));
            if (warm.length === 0) return null;
            return new EnginePool({
              threads: env.MEDIA_ENGINE_THREADS,
              settings: engineSettings(env),
              warm,
              cancelGraceMs: env.MEDIA_CANCEL_GRACE_MS,
              eager: env.MEDIA_ENGINE_EAGER,
            });
          },
        },
        EnginePoolCloser,
      ],
      exports: [ENGINE_POOL],
    };
  }
}
