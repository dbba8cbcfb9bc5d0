/** A product as the engine reads it (the catalog's product row, or a row of an uploaded file). */
export interface ProductInput {
  id: string | number;
  part_number?: string | null;
  name?: string | null;
  description?: string | null;
  category?: string | null;
  brand?: string | null;
  attributes?: Record<string, unknown> | null;
}

/** One proposed fitment: a base vehicle that exists in the catalog, narrowed to a configuration when the text allows. */
export interface FitmentCandidate {
  baseVehicleId: number;
  /** Set when the evidence names exactly one configuration (submodel and engine). */
  vehicleId?: number;
  year: number;
  makeId: number;
  make: string;
  modelId: number;
  model: string;
  submodelId?: number;
  submodel?: string;
  engineId?: number;
  engine?: string;
  /** 0..1: how strongly the evidence supports this fitment. */
  confidence: number;
  /** Plain language: the text read, how make, model and years were resolved, and any flags. */
  reasoning: string;
  source: 'text' | 'similar';
  /** The product this suggestion was learnt from (source 'similar'). */
  similarProductId?: string | number;
}

export interface FitmentMatch {
  productId: string | number;
  candidates: FitmentCandidate[];
  /** Findings for the reviewer: requested years that do not exist, ignored filters, universal parts. */
  warnings: string[];
  /** The text says the part is universal: no vehicle-specific fitments are proposed. */
  universal: boolean;
}

/** A fitment a person approved, as the jobs feed it back for "learning from review". */
export interface ApprovedFitment {
  baseVehicleId: number;
  vehicleId?: number | null;
  year: number;
  make: string;
  model: string;
  /** Needed unless the catalog is given to resolve them from the base vehicle. */
  makeId?: number;
  modelId?: number;
  submodelId?: number | null;
  submodel?: string | null;
  engineId?: number | null;
  engine?: string | null;
}

export interface ApprovedExample {
  product: ProductInput;
  fitments: ApprovedFitment[];
}
