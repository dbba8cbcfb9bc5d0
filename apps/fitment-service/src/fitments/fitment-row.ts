import type { FindingDto, FitmentDto, FitmentSource, FitmentStatus } from '@torque/contracts';

/** A row of `fitments` as the repository reads it (bigints as text). */
export interface FitmentRow {
  id: string;
  tenant_id: string;
  job_id: string | null;
  part_key: string;
  product_id: string | null;
  part_id: string;
  part_description: string;
  part_type: string;
  base_vehicle_id: number;
  vehicle_id: string | null;
  submodel_id: number | null;
  engine_id: number | null;
  year: number;
  make: string;
  model: string;
  submodel: string;
  engine: string;
  confidence_score: number;
  ai_reasoning: string;
  source: FitmentSource;
  status: FitmentStatus;
  qty: number;
  position: string;
  notes: string;
  revision: number;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** A fitment to insert, as generation produces it. */
export interface NewFitment {
  tenantId: string;
  jobId: string;
  partKey: string;
  productId: number | null;
  partId: string;
  partDescription: string;
  partType: string;
  baseVehicleId: number;
  vehicleId: number | null;
  submodelId: number | null;
  engineId: number | null;
  year: number;
  make: string;
  model: string;
  submodel: string;
  engine: string;
  confidence: number;
  reasoning: string;
  source: FitmentSource;
  qty: number;
  position: string;
}

/** The part key of a fitment: the catalog product when there is one, else the part number. */
export function partKeyOf(productId: number | null, partNumber: string): string {
  return productId !== null ? `p${productId}` : `n${partNumber}`;
}

export function toFitmentDto(row: FitmentRow, findings: FindingDto[] = []): FitmentDto {
  return {
    id: row.id,
    part_id: row.part_id,
    part_description: row.part_description,
    year: row.year,
    make: row.make,
    model: row.model,
    submodel: row.submodel,
    confidence_score: Math.round(row.confidence_score * 1000) / 1000,
    ai_reasoning: row.ai_reasoning,
    status: row.status,
    job_id: row.job_id,
    product_id: row.product_id === null ? null : Number(row.product_id),
    engine: row.engine,
    base_vehicle_id: row.base_vehicle_id,
    vehicle_id: row.vehicle_id === null ? null : Number(row.vehicle_id),
    submodel_id: row.submodel_id,
    engine_id: row.engine_id,
    source: row.source,
    part_type: row.part_type,
    qty: row.qty,
    position: row.position,
    notes: row.notes,
    revision: row.revision,
    findings,
    reviewed_by: row.reviewed_by,
    reviewed_at: row.reviewed_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
