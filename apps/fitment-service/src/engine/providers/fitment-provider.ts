import type { FitmentCandidate, ProductInput } from '../fitment-engine.types.js';

/** A provider's word on one candidate: the candidate (by catalog id) it keeps, how sure it is, and why. */
export interface ProviderVerdict {
  /** The candidate's catalog id: its vehicle id when it names a configuration, else its base vehicle id. */
  vehicleId: number;
  confidence: number;
  reasoning: string;
}

/**
 * Something that checks the local engine's candidates for a part (an AI model). It may only keep
 * candidates, never invent vehicles: the catalog ids it can answer are the candidates' own.
 */
export interface FitmentProvider {
  /** For reasoning texts and the job record, e.g. `openai:gpt-4o-mini`. */
  readonly label: string;
  review(
    product: ProductInput,
    candidates: readonly FitmentCandidate[],
    signal: AbortSignal,
  ): Promise<ProviderVerdict[]>;
}

export const FITMENT_PROVIDER = Symbol('FITMENT_PROVIDER');

/** The catalog id a provider names a candidate by. */
export function candidateCatalogId(c: FitmentCandidate): number {
  return c.vehicleId ?? c.baseVehicleId;
}
