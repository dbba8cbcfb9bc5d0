import { describe, expect, it, jest } from '@jest/globals';
import type { QueueService } from '../bull/queue.service.js';
import { UseCaseError } from '../rpc/use-case.error.js';
import type { JobLifecycleService } from './job-lifecycle.service.js';
import { JobSubmitterService } from './job-submitter.service.js';

describe('JobSubmitterService', () => {
  it('answers 503 service_unavailable, with the row failed, when the Bull add fails (Redis down)', async () => {
    const failed = jest.fn(async (_id: string, _code: string, _message: string) => undefined);
    const lifecycle = {
      create: async () => ({ row: { id: 'j1' }, created: true }),
      failed,
    } as unknown as JobLifecycleService;
    const queues = {
      add: async () => {
        throw new Error('Connection is closed.');
      },
    } as unknown as QueueService;
    const submitter = new JobSubmitterService(lifecycle, queues);

    const submitted = submitter.submit({
      meta: { tenantId: 'acme', correlationId: 'c1' },
      queue: 'generate',
      name: 'fitment.generate',
    });
    await expect(submitted).rejects.toBeInstanceOf(UseCaseError);
    await expect(submitted).rejects.toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(failed).toHaveBeenCalledWith('j1', 'enqueue_failed', expect.any(String));
  });
});
