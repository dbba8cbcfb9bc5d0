import { defineQueues, job, jobNamesOf, queue, queueNamesOf, trigger } from '../jobs/job-definition.js';
import type { JobRef } from '../jobs/job-ref.js';

/** What a media task's job returns (also the job row's result). */
export interface MediaTaskJobResult {
  engine: string;
  width: number;
  height: number;
  bytes: number;
}

/** What one housekeeping pass did. */
export interface MediaHousekeepingResult {
  expired: number;
  overdue: number;
}

/**
 * The media service's queues: the seed's routing (image_generation, face_swap, style_transfer on `gpu`;
 * background_removal, object_removal on `cpu`), one worker deployment each. One job name per queue, so that a
 * worker's concurrency is the number of engine threads it has (WORKER_CONCURRENCY). The cpu queue also carries
 * the housekeeping trigger (results expired, pending deadlines passed), which cpu workers always run.
 */
export const MediaQueues = defineQueues({
  Cpu: queue('cpu', {
    MediaCpuTask: job('media.cpu-task').of<JobRef, MediaTaskJobResult>(),
    MediaHousekeepingSchedule: trigger('media.housekeeping-schedule').of<{ jobId: string }, MediaHousekeepingResult>(),
  }),
  Gpu: queue('gpu', { MediaGpuTask: job('media.gpu-task').of<JobRef, MediaTaskJobResult>() }),
});

export const MediaQueueNames = queueNamesOf(MediaQueues);
export const MediaJobNames = jobNamesOf(MediaQueues);
