import { defineQueues, job, jobNamesOf, queue, queueNamesOf, trigger } from '../jobs/job-definition.js';
import type { JobRef } from '../jobs/job-ref.js';

/**
 * The queue every service has (`<service>.maintenance`) and its jobs, worked by the platform's own handlers.
 * Wire names: never change one without a migration note.
 */
export const MaintenanceQueues = defineQueues({
  Maintenance: queue('maintenance', {
    /** The retention clean-up of one service (its counts go to the job row). */
    Cleanup: job('maintenance.cleanup').of<JobRef, void>(),
    /** Repeatable trigger of the nightly clean-up (data `{jobId: 'nightly'}`); it creates a Cleanup job. */
    CleanupSchedule: trigger('maintenance.cleanup-schedule').of<{ jobId: string }, { jobId: string }>(),
  }),
});

export const MaintenanceQueueNames = queueNamesOf(MaintenanceQueues);
export const MaintenanceJobNames = jobNamesOf(MaintenanceQueues);
