import { Global, Module, type DynamicModule } from '@nestjs/common';
import { loadEnv } from '@torque/platform';
import { IndexerMetrics } from './indexer-metrics.js';
import { INDEXER_ENV, IndexerEnv } from './indexer-env.js';

/** The indexer's settings (IndexerEnv, read now: a bad value stops the boot with its name) and its metrics. */
@Global()
@Module({})
export class IndexerCommonModule {
  static forRoot(source: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: IndexerCommonModule,
      providers: [{ provide: INDEXER_ENV, useValue: loadEnv(IndexerEnv, source) }, IndexerMetrics],
      exports: [INDEXER_ENV, IndexerMetrics],
    };
  }
}
