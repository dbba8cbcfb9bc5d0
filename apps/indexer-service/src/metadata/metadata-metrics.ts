import { Injectable } from '@nestjs/common';
import { MetricsService } from '@torque/platform';
import { Counter, Gauge, Histogram } from 'prom-client';

/**
 * The seed's metrics of metadata generation (names as seed 003 has them), in the process's registry. Labels name
 * no ids. Failures by error type, tokens and cost are the generator's (MetadataEngineModule).
 */
@Injectable()
export class MetadataMetrics {
  readonly generated: Counter<'status' | 'provider'>;
  readonly inProgress: Gauge;
  readonly duration: Histogram;
  readonly contentLength: Histogram;
  readonly tagsCount: Histogram;
  readonly summaryLength: Histogram;

  constructor(metrics: MetricsService) {
    const registers = [metrics.registry];
    this.generated = new Counter({
      name: 'project_meta_generated_total',
      help: 'Metadata generations, by status (success, failure) and provider (openai, gemini, local; none when all failed).',
      labelNames: ['status', 'provider'] as const,
      registers,
    });
    this.inProgress = new Gauge({
      name: 'project_meta_generation_in_progress',
      help: 'Metadata generations running in this process.',
      registers,
    });
    this.duration = new Histogram({
      name: 'project_meta_generation_duration_seconds',
      help: 'Duration of metadata generations (the generator call), successful or not.',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60],
      registers,
    });
    this.contentLength = new Histogram({
      name: 'project_meta_content_length_chars',
      help: 'Characters of the content metadata was generated for (before truncation).',
      buckets: [100, 500, 1000, 2000, 4000, 8000, 16000, 50000, 200000],
      registers,
    });
    this.tagsCount = new Histogram({
      name: 'project_meta_tags_count',
      help: 'Tags of generated metadata.',
      buckets: [3, 4, 5, 6, 8, 10, 12],
      registers,
    });
    this.summaryLength = new Histogram({
      name: 'project_meta_summary_length_chars',
      help: 'Characters of generated summaries.',
      buckets: [25, 50, 100, 150, 200, 250, 300],
      registers,
    });
  }
}
