import { Injectable } from '@nestjs/common';
import { MediaJobNames, MediaQueueNames, type MediaTaskJobResult } from '@torque/contracts';
import { JobContext, JobHandler, type JobHandlerInstance, type Outcome } from '@torque/platform';
import { TaskRunnerService } from './task-runner.service.js';

/** Tasks of the `cpu` queue: background_removal, object_removal. */
@Injectable()
@JobHandler(MediaQueueNames.Cpu, MediaJobNames.MediaCpuTask)
export class CpuTaskJobHandler implements JobHandlerInstance<'media.cpu-task'> {
  constructor(private readonly runner: TaskRunnerService) {}

  handle(ctx: JobContext): Promise<Outcome<MediaTaskJobResult>> {
    return this.runner.run(ctx);
  }
}

/** Tasks of the `gpu` queue: image_generation, face_swap, style_transfer. */
@Injectable()
@JobHandler(MediaQueueNames.Gpu, MediaJobNames.MediaGpuTask)
export class GpuTaskJobHandler implements JobHandlerInstance<'media.gpu-task'> {
  constructor(private readonly runner: TaskRunnerService) {}

  handle(ctx: JobContext): Promise<Outcome<MediaTaskJobResult>> {
    return this.runner.run(ctx);
  }
}
