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
  /**
   * Vectors of other models (EMBEDDINGS_PROVIDER or EMBEDDINGS_MODEL changed) removed once every document had one
   * of the current model.
   */
  obsolete: number;
}

/** What a metadata generation returns: whether it wrote metadata, and what it wrote it with. */
export interface MetadataJobResult {
  /** `generated`: new metadata stored; `unchanged`: content hash unchanged, nothing generated; `gone`: no subject. */
  outcome: 'generated' | 'unchanged' | 'gone';
  provider: string | null;
  model: string | null;
  tags: number;
  tokens: number;
}

/** What the weekly metadata clean-up returns. */
export interface MetadataCleanupJobResult {
  /** Metadata whose project or product no longer exists. */
  orphaned: number;
  /** Metadata of drafts not changed for METADATA_DRAFT_RETENTION_DAYS (not edited by a person). */
  old_drafts: number;
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
    /** Repeatable trigger of the nightly metadata run: generation jobs for projects missing metadata, 10 at a time. */
    IndexerMetadataNightlySchedule: trigger('indexer.metadata-nightly-schedule').of<
      { jobId: string },
      { tenants: number; submitted: number }
    >(),
    /** Repeatable trigger of the weekly metadata clean-up: starts an `indexer.metadata-cleanup` (tenant system). */
    IndexerMetadataCleanupSchedule: trigger('indexer.metadata-cleanup-schedule').of<
      { jobId: string },
      { jobId: string }
    >(),
    /** Removes orphaned metadata and that of old drafts. */
    IndexerMetadataCleanup: job('indexer.metadata-cleanup').of<JobRef, MetadataCleanupJobResult>(),
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
  /**
   * Metadata generation (summary and tags of a project or product by a model): one document a job. Bull's
   * `limiter` caps the queue (METADATA_RATE_LIMIT per METADATA_RATE_WINDOW_MS, every worker together), so nothing
   * else runs here: the schedules and the clean-up are on `heavy`.
   */
  Metadata: queue('metadata', {
    IndexerMetadataGenerate: job('indexer.metadata.generate').of<JobRef, MetadataJobResult>(),
  }),
});

export const IndexerQueueNames = queueNamesOf(IndexerQueues);
export const IndexerJobNames = jobNamesOf(IndexerQueues);
