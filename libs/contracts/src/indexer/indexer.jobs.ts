import { defineQueues, job, jobNamesOf, queue, queueNamesOf, trigger } from '../jobs/job-definition.js';
import type { JobRef } from '../jobs/job-ref.js';

/** What a rebuild returns (also the job row's result). */
export interface RebuildJobResult {
  /** The generation of the index the rebuild built and made active. */
  generation: number;
  documents: number;
  /** Documents whose content hash is the one they had before the rebuild (their embeddings can be reused). */
  unchanged: number;
}

/** What a drift audit returns: catalog and index compared by product id and version. */
export interface AuditJobResult {
  catalog_products: number;
  index_documents: number;
  /** In the catalog, not in the index. */
  missing: number;
  /** In the index at an older version than the catalog's. */
  stale: number;
  /** In the index, no longer in the catalog. */
  orphaned: number;
  repaired: number;
}

/** What an incremental update returns. */
export interface UpdateJobResult {
  /** Distinct products taken from the pending changes. */
  changes: number;
  indexed: number;
  removed: number;
}

/** What an embed job returns: the tenant's documents given vectors of the configured model, and those removed. */
export interface EmbedJobResult {
  /** Passes over the tenant's documents (another one follows a pass that embedded anything). */
  passes: number;
  /** Documents read (over all passes). */
  documents: number;
  /** Products given a new vector. */
  embedded: number;
  /** Vectors removed because their product is no longer in the index. */
  removed: number;
}

/**
 * Bull queues of the indexer service and the jobs on each (the Bull queue is `indexer.<queue>`), each worked by
 * its own deployment. Wire names: never change one without a migration note.
 */
export const IndexerQueues = defineQueues({
  /** Whole-catalog work: rebuilds and audits, minutes each on a large catalog. */
  Heavy: queue('heavy', {
    /** Rebuilds the tenant's index into a new generation and swaps it in (params on the job row). */
    IndexerRebuild: job('indexer.rebuild').of<JobRef, RebuildJobResult>(),
    /** Compares the catalog's product ids and versions with the index and repairs the differences. */
    IndexerAudit: job('indexer.audit').of<JobRef, AuditJobResult>(),
    /** Repeatable trigger of the nightly refresh (data `{jobId: 'nightly'}`): a rebuild, then an audit, per tenant. */
    IndexerRefreshSchedule: trigger('indexer.refresh-schedule').of<{ jobId: string }, { tenants: number }>(),
  }),
  /** Incremental updates: one batch of coalesced change events of one tenant. */
  Light: queue('light', {
    IndexerUpdate: job('indexer.update').of<JobRef, UpdateJobResult>(),
  }),
  /**
   * Embeddings of the semantic search: one tenant's documents that have no vector of the model yet (submitted
   * after updates, rebuilds and audits that changed documents). Its own deployment: the model is slow and big, and
   * lexical freshness never waits for it.
   */
  Embed: queue('embed', {
    IndexerEmbed: job('indexer.embed').of<JobRef, EmbedJobResult>(),
  }),
});

export const IndexerQueueNames = queueNamesOf(IndexerQueues);
export const IndexerJobNames = jobNamesOf(IndexerQueues);
