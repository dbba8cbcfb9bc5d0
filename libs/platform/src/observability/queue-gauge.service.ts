import { Inject, Injectable, Optional } from '@nestjs/common';
import { QueueService } from '../bull/queue.service.js';
import { OWNED_QUEUES } from '../maintenance/service-queues.js';
import { MetricsService } from './metrics.service.js';

/** Reads waiting/active/delayed/failed counts of the process's queues into the gauge at scrape time. */
@Injectable()
export class QueueGaugeService {
  constructor(
    private readonly metrics: MetricsService,
    @Optional() private readonly queues?: QueueService,
    @Optional() @Inject(OWNED_QUEUES) private readonly names: string[] = [],
  ) {}

  async refresh(): Promise<void> {
    if (!this.queues) return;
    await Promise.all(
      this.names.map(async (name) => {
        const queue = this.queues!.queue(name);
        const counts = await queue.getJobCounts();
        for (const state of ['waiting', 'active', 'delayed', 'failed'] as const) {
          this.metrics.queueJobs.set({ queue: queue.name, state }, counts[state]);
        }
      }),
    );
  }
}
