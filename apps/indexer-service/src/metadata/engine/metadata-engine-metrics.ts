import { Injectable } from '@nestjs/common';
import { MetricsService } from '@torque/platform';
import { Counter } from 'prom-client';

/**
 * Metrics of the provider chain (seed 003), in the process's registry: failed attempts by provider and error type,
 * tokens by provider and kind (prompt, completion), and the estimated cost in USD by provider. No ids in labels.
 */
@Injectable()
export class MetadataEngineMetrics {
  readonly failures: Counter<'provider' | 'error_type'>;
  readonly tokens: Counter<'provider' | 'kind'>;
  readonly costUsd: Counter<'provider'>;

  constructor(metrics: MetricsService) {
    const registers = [metrics.registry];
    this.failures = new Counter({
      name: 'project_meta_generation_failures_total',
      help: 'Failed metadata attempts, by provider and error type (timeout, rate_limited, server_error, client_error, network, invalid_output, aborted, circuit_open, insufficient_content, internal); a retried attempt counts too.',
      labelNames: ['provider', 'error_type'] as const,
      registers,
    });
    this.tokens = new Counter({
      name: 'project_meta_tokens_total',
      help: 'Tokens hosted models reported for metadata, by provider and kind (prompt, completion), unusable answers included.',
      labelNames: ['provider', 'kind'] as const,
      registers,
    });
    this.costUsd = new Counter({
      name: 'project_meta_estimated_cost_usd_total',
      help: 'Estimated cost of those tokens in USD, by provider, at the METADATA_*_PRICE_* settings.',
      labelNames: ['provider'] as const,
      registers,
    });
  }
}
