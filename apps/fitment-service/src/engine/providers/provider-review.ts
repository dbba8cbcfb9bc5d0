import type { FitmentCandidate, ProductInput } from '../fitment-engine.types.js';
import { candidateCatalogId, type FitmentProvider } from './fitment-provider.js';

/** A candidate after the provider had its say; `provider` when the provider's verdict replaced the engine's. */
export type ReviewedCandidate = Omit<FitmentCandidate, 'source'> & { source: FitmentCandidate['source'] | 'provider' };

/**
 * Puts the local engine's candidates for one part before the provider. The provider keeps or drops
 * candidates and scores the ones it keeps; when it fails (timeout, HTTP error, an answer outside the
 * schema) the local result stands and each reasoning says so. A cancel or shutdown is not a failure:
 * it propagates.
 */
export async function reviewWithProvider(
  provider: FitmentProvider | null,
  product: ProductInput,
  candidates: FitmentCandidate[],
  signal: AbortSignal,
): Promise<{ candidates: ReviewedCandidate[]; failure: string | null }> {
  if (!provider || candidates.length === 0) return { candidates, failure: null };
  try {
    const verdicts = new Map((await provider.review(product, candidates, signal)).map((v) => [v.vehicleId, v]));
    const kept: ReviewedCandidate[] = [];
    for (const c of candidates) {
      const v = verdicts.get(candidateCatalogId(c));
      if (!v) continue;
      kept.push({
        ...c,
        confidence: Math.round(v.confidence * 100) / 100,
        reasoning: `${provider.label}: ${v.reasoning || 'fits'} (local engine ${c.confidence.toFixed(2)}: ${c.reasoning})`,
        source: 'provider',
      });
    }
    return { candidates: kept, failure: null };
  } catch (err) {
    if (signal.aborted) throw err;
    const failure = (err as Error).message;
    const note = ` The AI provider ${provider.label} failed (${failure}); the local engine's result stands.`;
    return { candidates: candidates.map((c) => ({ ...c, reasoning: c.reasoning + note })), failure };
  }
}
