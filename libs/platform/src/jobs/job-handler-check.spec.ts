import { describe, expect, it } from '@jest/globals';
import { JobNames, QueueNames } from '@torque/contracts';
import { jobHandlerProblems, type DeclaredHandler } from './job-handler-check.js';
import { JobHandler, TriggerHandler } from './job-handler.decorator.js';

const handler = (provider: string, queue: string, name: string, trigger = false): DeclaredHandler => ({
  provider,
  queue,
  name,
  trigger,
});
const MAINTENANCE = [
  handler('CleanupJobHandler', 'maintenance', 'maintenance.cleanup'),
  handler('MaintenanceService', 'maintenance', 'maintenance.cleanup-schedule', true),
];
const FITMENT = [
  ...MAINTENANCE,
  handler('GenerateJobHandler', 'generate', 'fitment.generate'),
  handler('ExportJobHandler', 'export', 'fitment.export'),
];
const all = () => true;
/** A worker of the maintenance queue only (WORKER_QUEUES=maintenance). */
const maintenanceOnly = (queue: string) => queue === 'maintenance';

describe('jobHandlerProblems', () => {
  it('accepts one handler of the right kind per job of the registry', () => {
    expect(jobHandlerProblems('fitment', FITMENT, all)).toEqual([]);
    expect(jobHandlerProblems('media', MAINTENANCE, maintenanceOnly)).toEqual([]);
  });

  it('names the queue and the job that has no handler', () => {
    expect(jobHandlerProblems('fitment', FITMENT.slice(0, 3), all)).toEqual([
      'fitment.export: job fitment.export has no handler',
    ]);
  });

  it('names the job that has two handlers, and both of them', () => {
    const doubled = [...FITMENT, handler('OtherCleanup', 'maintenance', 'maintenance.cleanup')];
    expect(jobHandlerProblems('fitment', doubled, all)).toEqual([
      'fitment.maintenance: job maintenance.cleanup has 2 handlers (CleanupJobHandler, OtherCleanup)',
    ]);
  });

  it('refuses a handler of a job the registry does not list on that queue of the service', () => {
    const stray = [...MAINTENANCE, handler('GenerateJobHandler', 'generate', 'fitment.generate')];
    expect(jobHandlerProblems('media', stray, (q) => q === 'maintenance' || q === 'generate')).toEqual([
      'media.generate: GenerateJobHandler handles job fitment.generate, which the job registry does not list on that queue',
    ]);
    const wrongQueue = [
      ...FITMENT.filter((h) => h.queue !== 'export'),
      handler('Export', 'generate', 'fitment.export'),
    ];
    expect(jobHandlerProblems('fitment', wrongQueue, all)).toEqual([
      'fitment.export: job fitment.export has no handler',
      'fitment.generate: Export handles job fitment.export, which the job registry does not list on that queue',
    ]);
  });

  it('refuses a trigger handled as a tracked job', () => {
    const swapped = [MAINTENANCE[0], handler('MaintenanceService', 'maintenance', 'maintenance.cleanup-schedule')];
    expect(jobHandlerProblems('ingestion', [...swapped, handler('Import', 'import', 'ingestion.import')], all)).toEqual(
      ['ingestion.maintenance: job maintenance.cleanup-schedule is a trigger, but MaintenanceService is a @JobHandler'],
    );
  });

  it('checks only the queues the process works on', () => {
    const onlyMaintenance = (q: string) => q === 'maintenance';
    expect(jobHandlerProblems('fitment', MAINTENANCE, onlyMaintenance)).toEqual([]);
    expect(jobHandlerProblems('fitment', [], () => false)).toEqual([]);
    expect(jobHandlerProblems('fitment', [MAINTENANCE[0]], onlyMaintenance)).toEqual([
      'fitment.maintenance: job maintenance.cleanup-schedule has no handler',
    ]);
  });
});

describe('JobHandler and TriggerHandler (checked by npm run typecheck)', () => {
  it('take only a queue and a job of that queue, of their kind', () => {
    const decorators = [
      JobHandler(QueueNames.Generate, JobNames.FitmentGenerate),
      JobHandler(QueueNames.Maintenance, JobNames.Cleanup),
      TriggerHandler(QueueNames.Maintenance, JobNames.CleanupSchedule),
      // @ts-expect-error: fitment.generate does not run on the import queue
      JobHandler(QueueNames.Import, JobNames.FitmentGenerate),
      // @ts-expect-error: the nightly schedule is a trigger
      JobHandler(QueueNames.Maintenance, JobNames.CleanupSchedule),
      // @ts-expect-error: the clean-up is a tracked job
      TriggerHandler(QueueNames.Maintenance, JobNames.Cleanup),
      // @ts-expect-error: no such queue
      JobHandler('gpu', JobNames.Cleanup),
    ];
    expect(decorators).toHaveLength(7);
  });
});
