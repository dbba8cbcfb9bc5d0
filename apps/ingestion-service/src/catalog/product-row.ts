import type { ProductDto } from '@torque/contracts';

/** A row of `products` as node-postgres returns it (bigint as string, timestamps as Date). */
export interface ProductRow {
  id: string;
  tenant_id: string;
  part_number: string;
  name: string;
  description: string;
  brand: string | null;
  category: string | null;
  attributes: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

export function toProductDto(row: ProductRow): ProductDto {
  return {
    id: Number(row.id),
    part_number: row.part_number,
    name: row.name,
    description: row.description,
    brand: row.brand,
    category: row.category,
    attributes: row.attributes,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
