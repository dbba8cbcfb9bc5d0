import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CleanupAcceptedDto, JobPageDto, JobViewDto } from '@torque/contracts';
import { eventually, startSuite, type Suite } from '../support/suite.js';

describe('retention clean-up through the gateway', () => {
  let suite: Suite;

  beforeAll(async () => {
    suite = await startSuite();
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('runs one clean-up job per service and shows them in the jobs API', async () => {
    const res = await suite.http('/api/v1/admin/maintenance/cleanup', { method: 'POST', json: { olderThanDays: 0 } });
    expect(res.status).toBe(202);
    const body = (await res.json()) as CleanupAcceptedDto;
    expect(body.failures).toEqual([]);
    expect(body.jobs.map((j) => j.service).sort()).toEqual(['fitment', 'indexer', 'ingestion', 'media']);

    const done = await eventually(async () => {
      const page = (await (await suite.http('/api/v1/jobs?type=maintenance.cleanup')).json()) as JobPageDto;
      return page.data.length === 4 && page.data.every((j) => j.status === 'completed') ? page : null;
    });
    expect(done.meta.total).toBe(4);
    for (const job of done.data) {
      expect(job.progress.percent).toBe(100);
      expect(job.counts).toEqual(expect.objectContaining({ jobs_deleted: 0, outbox_deleted: expect.any(Number) }));
    }
    const one = (await (await suite.http(`/api/v1/jobs/${body.jobs[0].id}`)).json()) as JobViewDto;
    expect(one.id).toBe(body.jobs[0].id);
  });
});
