import { Module, type DynamicModule } from '@nestjs/common';
import { createFileStorage, FILE_STORAGE, SERVICE_ENV, type ServiceEnv } from '@torque/platform';
import { MEDIA_ENV, type MediaEnv } from '../common/media-env.js';
import { EnginesModule } from '../engines/engines.module.js';
import { HousekeepingTrigger } from './housekeeping.trigger.js';
import { MediaMetrics } from './media-metrics.js';
import { CpuTaskJobHandler, GpuTaskJobHandler } from './task.job-handlers.js';
import { TaskRunnerService } from './task-runner.service.js';
import { TasksRepository } from './tasks.repository.js';
import { TasksRpcController } from './tasks.rpc-controller.js';
import { TasksService } from './tasks.service.js';

/**
 * Media tasks (seed 004): the RPC handlers of the gateway's /api/v1/tasks routes, the cpu and gpu job handlers
 * (engines in worker threads) and housekeeping (expiry, pending deadlines).
 */
@Module({})
export class TasksModule {
  static forRoot(env: MediaEnv): DynamicModule {
    return {
      module: TasksModule,
      imports: [EnginesModule.forRoot(env)],
      controllers: [TasksRpcController],
      providers: [
        { provide: MEDIA_ENV, useValue: env },
        { provide: FILE_STORAGE, inject: [SERVICE_ENV], useFactory: (e: ServiceEnv) => createFileStorage(e) },
        { provide: TasksRepository, useValue: new TasksRepository() },
        MediaMetrics,
        TasksService,
        TaskRunnerService,
        CpuTaskJobHandler,
        GpuTaskJobHandler,
        HousekeepingTrigger,
      ],
      exports: [TasksService, TasksRepository, MEDIA_ENV],
    };
  }
}
