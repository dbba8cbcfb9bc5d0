import type { DataSource } from 'typeorm';
import type { KnownVehicle } from './question.js';

/** The most distinct vehicles read per tenant for reading questions. */
export const MAX_KNOWN_VEHICLES = 20_000;

/** The SQL of the assistant: the vehicles of the approved fitments in the tenant's active index generation. */
export class AssistantRepository {
  async knownVehicles(ds: DataSource, tenantId: string): Promise<KnownVehicle[]> {
    const rows: { year: number; make: string; model: string }[] = await ds.query(
      `SELECT DISTINCT (v->>'year')::int AS year, v->>'make' AS make, v->>'model' AS model
         FROM index_state s
         JOIN search_documents d ON d.tenant_id = s.tenant_id AND d.generation = s.active_generation
         CROSS JOIN LATERAL jsonb_array_elements(d.vehicles) v
        WHERE s.tenant_id = $1 AND jsonb_array_length(d.vehicles) > 0
        LIMIT ${MAX_KNOWN_VEHICLES}`,
      [tenantId],
    );
    return rows.filter((r) => r.make && r.model && Number.isInteger(r.year));
  }
}
