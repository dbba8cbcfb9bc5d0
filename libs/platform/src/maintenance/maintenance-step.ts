import type { JobContext } from '../jobs/job-context.js';

/**
 * A service's own part of the nightly clean-up (tenant `system`), run after the platform's: e.g. the
 * ingestion service merges the partitions that large imports added. Steps are Nest providers, named in
 * `ServicePlatformOptions.maintenanceSteps`; they count what they did with `ctx.count` and check for cancel.
 */
export interface MaintenanceStep {
  /** The progress message while the step runs. */
  readonly description: string;
  run(ctx: JobContext): Promise<void>;
}

/** Token of the service's MaintenanceStep instances, in the order given. */
export const MAINTENANCE_STEPS = Symbol('MAINTENANCE_STEPS');
