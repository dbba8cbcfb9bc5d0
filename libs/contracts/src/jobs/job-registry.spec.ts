import { describe, expect, it } from '@jest/globals';
import type { JobDefinition, QueueDefinition } from './job-definition.js';
import type { JobRef } from './job-ref.js';
import {
  JOB_REGISTRY,
  JobNames,
  jobsOnQueue,
  QueueNames,
  SERVICE_QUEUES,
  type JobDataOf,
  type JobNameOn,
  type JobResultOf,
  type TrackedJobNameOn,
  type TriggerJobNameOn,
} from './job-registry.js';

describe('job registry', () => {
  it('keeps the wire names of queues and jobs', () => {
    expect(QueueNames).toEqual({
      Maintenance: 'maintenance',
      Import: 'import',
      Generate: 'generate',
      Export: 'export',
      Heavy: 'heavy',
      Light: 'light',
      Embed: 'embed',
      Metadata: 'metadata',
      Cpu: 'cpu',
      Gpu: 'gpu',
    });
    expect(JobNames).toEqual({
      Cleanup: 'maintenance.cleanup',
      CleanupSchedule: 'maintenance.cleanup-schedule',
      Import: 'ingestion.import',
      FitmentGenerate: 'fitment.generate',
      FitmentExport: 'fitment.export',
      IndexerRebuild: 'indexer.rebuild',
      IndexerAudit: 'indexer.audit',
      IndexerRefreshSchedule: 'indexer.refresh-schedule',
      IndexerMetadataNightlySchedule: 'indexer.metadata-nightly-schedule',
      IndexerMetadataCleanupSchedule: 'indexer.metadata-cleanup-schedule',
      IndexerMetadataCleanup: 'indexer.metadata-cleanup',
      IndexerUpdate: 'indexer.update',
      IndexerEmbed: 'indexer.embed',
      IndexerMetadataGenerate: 'indexer.metadata.generate',
      MediaCpuTask: 'media.cpu-task',
      MediaHousekeepingSchedule: 'media.housekeeping-schedule',
      MediaGpuTask: 'media.gpu-task',
    });
    expect(SERVICE_QUEUES).toEqual({
      fitment: ['maintenance', 'generate', 'export'],
      ingestion: ['maintenance', 'import'],
      media: ['maintenance', 'cpu', 'gpu'],
      indexer: ['maintenance', 'heavy', 'light', 'embed', 'metadata'],
    });
  });

  it('has a constant for every queue and job, none shadowed by another service', () => {
    for (const queues of Object.values(JOB_REGISTRY)) {
      for (const [queueKey, queue] of Object.entries<QueueDefinition>(queues)) {
        expect({ queueKey, name: QueueNames[queueKey as keyof typeof QueueNames] }).toEqual({
          queueKey,
          name: queue.name,
        });
        for (const [jobKey, job] of Object.entries<JobDefinition>(queue.jobs)) {
          expect({ jobKey, name: JobNames[jobKey as keyof typeof JobNames] }).toEqual({ jobKey, name: job.name });
        }
      }
    }
  });

  it('puts each job name on one queue of a service', () => {
    for (const [service, queues] of Object.entries(JOB_REGISTRY)) {
      const names = Object.values<QueueDefinition>(queues).flatMap((q) => Object.values(q.jobs).map((j) => j.name));
      expect({ service, names: [...new Set(names)] }).toEqual({ service, names });
    }
  });

  it('lists the jobs on a queue of a service', () => {
    expect(jobsOnQueue('fitment', 'generate')).toEqual([{ name: 'fitment.generate', trigger: false }]);
    expect(jobsOnQueue('media', 'maintenance')).toEqual([
      { name: 'maintenance.cleanup', trigger: false },
      { name: 'maintenance.cleanup-schedule', trigger: true },
    ]);
    expect(jobsOnQueue('media', 'generate')).toEqual([]);
    expect(jobsOnQueue('ingestion', 'nope')).toEqual([]);
  });

  it('types data and results by job name (checked by npm run typecheck)', () => {
    const ref: JobDataOf<'fitment.generate'> = { jobId: 'j', meta: { tenantId: 't', correlationId: 'c' } };
    const schedule: JobDataOf<'maintenance.cleanup-schedule'> = { jobId: 'nightly' };
    const exported: JobResultOf<'fitment.export'> = { export_id: 'e', file_name: 'f.xml' };
    const onMaintenance: JobNameOn<'maintenance'>[] = ['maintenance.cleanup', 'maintenance.cleanup-schedule'];
    const tracked: TrackedJobNameOn<'import'> = 'ingestion.import';
    const triggered: TriggerJobNameOn<'maintenance'> = 'maintenance.cleanup-schedule';
    // @ts-expect-error: fitment.generate does not run on the import queue
    const wrongQueue: JobNameOn<'import'> = 'fitment.generate';
    // @ts-expect-error: the clean-up is tracked, not a trigger
    const wrongKind: TriggerJobNameOn<'maintenance'> = 'maintenance.cleanup';
    // @ts-expect-error: a job's data is a JobRef
    const wrongData: JobDataOf<'ingestion.import'> = { uploadId: 'u' };
    const refData: JobRef = ref;
    expect([refData, schedule, exported, onMaintenance, tracked, triggered]).toHaveLength(6);
    expect([wrongQueue, wrongKind, wrongData]).toHaveLength(3);
  });
});
