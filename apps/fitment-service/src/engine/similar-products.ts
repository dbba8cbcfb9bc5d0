import type { CatalogIndex } from './catalog-index.js';
import type { ApprovedExample, FitmentCandidate, ProductInput } from './fitment-engine.types.js';

export interface SimilarityOptions {
  /** Least similarity (0..1) for an approved product to lend its fitments; default 0.45. */
  minSimilarity?: number;
  /** Most similar approved products used; default 3. */
  maxExamples?: number;
  /** Confidence of a suggestion from a perfectly similar product; default 0.65 (below text evidence). */
  maxConfidence?: number;
  /** Resolves make and model ids from the base vehicle and drops fitments whose base vehicle no longer exists. */
  catalog?: CatalogIndex;
}

interface Profile {
  words: Set<string>;
  partNumber: string;
  category: string;
  brand: string;
}

interface Similarity {
  score: number;
  shared: string[];
  prefix: string;
  sameCategory: boolean;
}

const STOP = new Set(
  `a an and are as at by for from in is it of on or the to with fits fit fitment new oem set kit pair pcs piece part parts
  replacement compatible direct vehicle vehicles models model year years`.split(/\s+/),
);

/**
 * "Learning from review": a product with approved fitments lends them to products like it (same
 * category, shared words in name and description, a common part-number prefix), at a confidence
 * below what the text itself would give and with the similar product named in the reasoning.
 * Build once per set of approved examples (a job), then call suggest() per product. Pure.
 */
export class SimilarProductIndex {
  private readonly examples: Array<{ example: ApprovedExample; profile: Profile }>;

  constructor(examples: ApprovedExample[]) {
    this.examples = examples
      .filter((e) => e.fitments.length > 0)
      .map((example) => ({ example, profile: profileOf(example.product) }));
  }

  suggest(product: ProductInput, options: SimilarityOptions = {}): FitmentCandidate[] {
    const min = options.minSimilarity ?? 0.45;
    const maxExamples = options.maxExamples ?? 3;
    const top = options.maxConfidence ?? 0.65;
    const me = profileOf(product);
    const ranked = this.examples
      .filter((e) => String(e.example.product.id) !== String(product.id))
      .map((e) => ({ ...e, sim: similarity(me, e.profile) }))
      .filter((e) => e.sim.score >= min)
      .sort((a, b) => b.sim.score - a.sim.score)
      .slice(0, maxExamples);
    const byKey = new Map<string, FitmentCandidate>();
    for (const { example, sim } of ranked) {
      const p = example.product;
      const evidence = [
        sim.sameCategory ? `same category "${p.category}"` : '',
        sim.shared.length ? `shared words ${sim.shared.slice(0, 6).join(', ')}` : '',
        sim.prefix ? `part-number prefix "${sim.prefix}"` : '',
      ].filter(Boolean);
      const confidence = Math.round(Math.min(top, top - 0.4 + 0.4 * sim.score) * 100) / 100;
      for (const f of example.fitments) {
        const found = options.catalog?.baseVehicles.get(f.baseVehicleId);
        if (options.catalog && !found) continue;
        const makeId = f.makeId ?? found?.model.make.id;
        const modelId = f.modelId ?? found?.model.id;
        if (makeId === undefined || modelId === undefined) continue;
        const key = `${f.baseVehicleId}:${f.submodelId ?? f.submodel ?? ''}:${f.engineId ?? f.engine ?? ''}`;
        const vehicle = `${f.year} ${f.make} ${f.model}${f.submodel ? ` ${f.submodel}` : ''}${f.engine ? ` ${f.engine}` : ''}`;
        const reasoning =
          `Learnt from review: similar to approved product ${p.part_number ?? p.id} "${p.name ?? ''}" ` +
          `(${Math.round(sim.score * 100)}% similar: ${evidence.join('; ')}), which was approved for ${vehicle}.`;
        const seen = byKey.get(key);
        if (seen) {
          seen.confidence = Math.round(Math.min(top, Math.max(seen.confidence, confidence) + 0.03) * 100) / 100;
          seen.reasoning += ` Also approved for similar product ${p.part_number ?? p.id}.`;
          continue;
        }
        const c: FitmentCandidate = {
          baseVehicleId: f.baseVehicleId,
          year: f.year,
          makeId,
          make: f.make,
          modelId,
          model: f.model,
          confidence,
          reasoning,
          source: 'similar',
          similarProductId: p.id,
        };
        if (f.vehicleId != null) c.vehicleId = f.vehicleId;
        if (f.submodel) c.submodel = f.submodel;
        if (f.submodelId != null) c.submodelId = f.submodelId;
        if (f.engine) c.engine = f.engine;
        if (f.engineId != null) c.engineId = f.engineId;
        byKey.set(key, c);
      }
    }
    return [...byKey.values()].sort((a, b) => b.confidence - a.confidence || a.year - b.year);
  }
}

/** One-shot form of SimilarProductIndex: proposals for one product from a list of approved examples. */
export function suggestFromSimilar(
  product: ProductInput,
  approved: ApprovedExample[],
  options: SimilarityOptions = {},
): FitmentCandidate[] {
  return new SimilarProductIndex(approved).suggest(product, options);
}

function profileOf(p: ProductInput): Profile {
  const words = new Set<string>();
  for (const w of `${p.name ?? ''} ${p.description ?? ''}`.toLowerCase().split(/[^a-z0-9]+/)) {
    if (w.length >= 2 && !STOP.has(w) && !/^\d{1,3}$/.test(w)) words.add(w);
  }
  return {
    words,
    partNumber: (p.part_number ?? '').toUpperCase().replace(/[^A-Z0-9]/g, ''),
    category: (p.category ?? '').trim().toLowerCase(),
    brand: (p.brand ?? '').trim().toLowerCase(),
  };
}

/** 0.6 x word overlap (Jaccard) + 0.4 x part-number prefix share (+0.05 same brand); 0 across categories. */
export function similarity(a: Profile, b: Profile): Similarity {
  const none = { score: 0, shared: [], prefix: '', sameCategory: false };
  if (a.category && b.category && a.category !== b.category) return none;
  const shared = [...a.words].filter((w) => b.words.has(w));
  const union = a.words.size + b.words.size - shared.length;
  const jaccard = union === 0 ? 0 : shared.length / union;
  let n = 0;
  while (n < a.partNumber.length && n < b.partNumber.length && a.partNumber[n] === b.partNumber[n]) n++;
  const prefixShare = n >= 3 ? n / Math.max(a.partNumber.length, b.partNumber.length) : 0;
  const brand = a.brand && a.brand === b.brand ? 0.05 : 0;
  const score = Math.min(1, 0.6 * jaccard + 0.4 * prefixShare + brand);
  return {
    score,
    shared,
    prefix: n >= 3 ? a.partNumber.slice(0, n) : '',
    sameCategory: !!a.category && a.category === b.category,
  };
}
