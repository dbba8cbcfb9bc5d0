import { Injectable } from '@nestjs/common';
import { MetricsService } from '@torque/platform';
import { Counter, Histogram } from 'prom-client';

/** The search index's metrics, in the process's registry (served on /metrics with the platform's). */
@Injectable()
export class IndexerMetrics {
  readonly documentsIndexed: Counter<'source'>;
  readonly documentsRemoved: Counter<'source'>;
  readonly indexLag: Histogram;
  readonly searchDuration: Histogram<'mode' | 'match'>;
  readonly rebuildDuration: Histogram;
  readonly driftFound: Counter<'kind'>;

  constructor(metrics: MetricsService) {
    const registers = [metrics.registry];
    this.documentsIndexed = new Counter({
      name: 'torque_indexer_documents_indexed_total',
      help: 'Search documents written (new or changed content), by source (update, rebuild, audit).',
      labelNames: ['source'] as const,
      registers,
    });
    this.documentsRemoved = new Counter({
      name: 'torque_indexer_documents_removed_total',
      help: 'Search documents removed because their product was deleted, by source.',
      labelNames: ['source'] as const,
      registers,
    });
    this.indexLag = new Histogram({
      name: 'torque_indexer_index_lag_seconds',
      help: 'Seconds from the commit of a product change (its event) to its document being searchable.',
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
      registers,
    });
    this.searchDuration = new Histogram({
      name: 'torque_indexer_search_duration_seconds',
      help: 'Service-side duration of product searches, by mode (hybrid, lexical, semantic) and by how the lexical results matched (strict, fuzzy; semantic for mode semantic).',
      labelNames: ['mode', 'match'] as const,
      buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.rebuildDuration = new Histogram({
      name: 'torque_indexer_rebuild_duration_seconds',
      help: 'Duration of completed full rebuilds.',
      buckets: [1, 5, 15, 60, 300, 900, 3600],
      registers,
    });
    this.driftFound = new Counter({
      name: 'torque_indexer_drift_found_total',
      help: 'Differences a drift audit found between catalog and index, by kind (missing, stale, orphaned).',
      labelNames: ['kind'] as const,
      registers,
    });
  }
}
