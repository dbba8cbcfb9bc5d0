/**
 * Request-reply patterns of the product catalog (ingestion-service). Wire names: never change one
 * without a migration note.
 */
export const CatalogPatterns = {} as const;

/** Payload and result of each catalog pattern. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CatalogMessageContracts {}
