import { Injectable } from '@nestjs/common';
import { MetricsService } from '@torque/platform';
import { Gauge, Histogram } from 'prom-client';

/** Prometheus metrics of media engine runs, by task type and queue (no ids, no tenants). */
@Injectable()
export class MediaMetrics {
  readonly duration: Histogram<'task_type' | 'queue' | 'outcome'>;
  readonly inProgress: Gauge<'task_type' | 'queue'>;

  constructor(metrics: MetricsService) {
    const registers = [metrics.registry];
    this.duration = new Histogram({
      name: 'torque_media_engine_duration_seconds',
      help: 'Engine run of a media task (in its thread), by task type, queue and outcome (success, failure, cancelled).',
      labelNames: ['task_type', 'queue', 'outcome'] as const,
      buckets: [0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60, 120],
      registers,
    });
    this.inProgress = new Gauge({
      name: 'torque_media_engine_in_progress',
      help: 'Media tasks running or waiting for an engine thread in this process.',
      labelNames: ['task_type', 'queue'] as const,
      registers,
    });
  }
}
