/**
 * Request-reply patterns of uploads and imports (ingestion-service). Wire names: never change one
 * without a migration note.
 */
export const IngestionPatterns = {} as const;

/** Payload and result of each ingestion pattern. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IngestionMessageContracts {}
