import type { VehicleCatalogSnapshot } from '../vehicles/vehicle-catalog.types.js';
import { CatalogIndex } from './catalog-index.js';
import type { ApprovedExample, FitmentCandidate, FitmentMatch, ProductInput } from './fitment-engine.types.js';
import type { ClauseContext, Exclusion, Statement } from './fitment-statements.js';
import { clauses, productFields } from './product-text.js';
import { suggestFromSimilar, type SimilarityOptions } from './similar-products.js';
import { StatementReader } from './statement-reader.js';
import { tokenize } from './text-tokens.js';
import { VehicleResolver } from './vehicle-resolver.js';

const UNIVERSAL =
  /\buniversal\b(?!\s*-?\s*joints?\b)|\bfits\s+(?:most|all)\s+(?:vehicles|cars|trucks|makes|models\s+of\s+cars)\b|\bone\s+size\s+fits\s+(?:most|all)\b/i;
const ALL_YEARS = /\b(?:all|every|any)\s+(?:model[\s-]+)?(?:years?|generations?)\b/i;

/**
 * The local fitment engine: reads fitment statements in a product's name, description and
 * attributes (StatementReader) and resolves them against the vehicle catalog (VehicleResolver, with
 * fitment-scoring and fitment-explanations), without keys or network.
 *
 * Build it once per catalog (fromSnapshot or the loader) and call match() per product; it keeps no
 * state between calls other than a bounded typo cache, so one instance serves a whole job.
 */
export class FitmentEngine {
  private readonly reader: StatementReader;
  private readonly resolver: VehicleResolver;

  constructor(readonly index: CatalogIndex) {
    this.reader = new StatementReader(index);
    this.resolver = new VehicleResolver(index);
  }

  static fromSnapshot(snapshot: VehicleCatalogSnapshot): FitmentEngine {
    return new FitmentEngine(new CatalogIndex(snapshot));
  }

  matchMany(products: ProductInput[]): FitmentMatch[] {
    return products.map((p) => this.match(p));
  }

  /** Proposals from approved fitments of similar products (lower confidence); see similar-products.ts. */
  suggestFromSimilar(
    product: ProductInput,
    approved: ApprovedExample[],
    options?: SimilarityOptions,
  ): FitmentCandidate[] {
    return suggestFromSimilar(product, approved, { catalog: this.index, ...options });
  }

  match(product: ProductInput): FitmentMatch {
    const warnings: string[] = [];
    const fields = productFields(product);
    const freeText = `${product.name ?? ''}\n${product.description ?? ''}`;
    if (UNIVERSAL.test(freeText)) {
      warnings.push('The text says the part is universal: no vehicle-specific fitments proposed.');
      return { productId: product.id, candidates: [], warnings, universal: true };
    }
    const statements: Statement[] = [];
    const exclusions: Exclusion[] = [];
    const context: ClauseContext = { allYears: ALL_YEARS.test(freeText), carried: null, carriedAge: 0, make: null };
    for (const field of fields) {
      const tokens = tokenize(field.text);
      context.carried = null;
      context.make = null;
      for (const [start, end] of clauses(tokens))
        this.reader.readClause(field.name, field.text, tokens, start, end, statements, exclusions, context);
    }
    const candidates = this.resolver.resolve(statements, exclusions, warnings);
    return { productId: product.id, candidates, warnings: [...new Set(warnings)], universal: false };
  }
}
