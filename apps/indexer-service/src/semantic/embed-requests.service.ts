import { Inject, Injectable, Logger } from '@nestjs/common';
import { IndexerJobNames, IndexerQueueNames, type RequestMeta } from '@torque/contracts';
import { JobSubmitterService } from '@torque/platform';
import { INDEXER_ENV, type IndexerEnv } from '../common/indexer-env.js';
import { EMBEDDINGS_ENV, type EmbeddingsEnv } from '../embeddings/embeddings-env.js';

type Meta = Pick<RequestMeta, 'tenantId' | 'correlationId'>;

/**
 * Asks for the tenant's documents to be embedded (job `indexer.embed` on the `embed` queue), after an update, a
 * rebuild or an audit changed documents. One job per tenant at a time (de-duplication key `embed`): a request
 * while one is queued or running joins it, and the running one passes over the documents again until a pass finds
 * nothing to embed. Nothing is submitted when EMBEDDINGS_PROVIDER is `none`. A failed submission is logged, never
 * thrown: the lexical work that asked is done and stays done.
 */
@Injectable()
export class EmbedRequestsService {
  private readonly logger = new Logger(EmbedRequestsService.name);

  constructor(
    private readonly submitter: JobSubmitterService,
    @Inject(EMBEDDINGS_ENV) private readonly embeddingsEnv: EmbeddingsEnv,
    @Inject(INDEXER_ENV) private readonly env: IndexerEnv,
  ) {}

  get enabled(): boolean {
    return this.embeddingsEnv.EMBEDDINGS_PROVIDER !== 'none';
  }

  async request(meta: Meta, reason: 'update' | 'rebuild' | 'audit'): Promise<void> {
    if (!this.enabled) return;
    try {
      await this.submitter.submit({
        meta,
        queue: IndexerQueueNames.Embed,
        name: IndexerJobNames.IndexerEmbed,
        params: { reason },
        dedupeKey: 'embed',
        options: {
          attempts: this.env.INDEX_JOB_ATTEMPTS,
          backoff: { type: 'fixed', delay: this.env.INDEX_RETRY_DELAY_MS },
        },
      });
    } catch (err) {
      this.logger.warn(`could not submit the embed job of tenant ${meta.tenantId}: ${(err as Error).message}`);
    }
  }
}
