import type { FitmentFilterDto, FitmentSort } from '@torque/contracts';

/** SQL of a fitment filter: a WHERE clause over alias `f` and its parameters, numbered from `params.length + 1`. */
export function fitmentWhere(tenantId: string, filter: FitmentFilterDto, params: unknown[]): string {
  const where: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  add((p) => `f.tenant_id = ${p}`, tenantId);
  if (filter.job_id !== undefined) add((p) => `f.job_id = ${p}`, filter.job_id);
  if (filter.status !== undefined) add((p) => `f.status = ${p}`, filter.status);
  // real column against a float8 bound: compare as real so 0.9 matches a stored 0.9
  if (filter.min_confidence !== undefined) add((p) => `f.confidence_score >= ${p}::real`, filter.min_confidence);
  if (filter.max_confidence !== undefined) add((p) => `f.confidence_score <= ${p}::real`, filter.max_confidence);
  if (filter.make !== undefined) add((p) => `lower(f.make) = lower(${p})`, filter.make);
  if (filter.model !== undefined) add((p) => `lower(f.model) = lower(${p})`, filter.model);
  if (filter.year !== undefined) add((p) => `f.year = ${p}`, filter.year);
  if (filter.part_id !== undefined) add((p) => `f.part_id = ${p}`, filter.part_id);
  if (filter.product_id !== undefined) add((p) => `f.product_id = ${p}`, filter.product_id);
  return where.join(' AND ');
}

const ORDER: Record<FitmentSort, string> = {
  confidence: 'f.confidence_score ASC, f.id ASC',
  '-confidence': 'f.confidence_score DESC, f.id ASC',
  year: 'f.year ASC, f.make ASC, f.model ASC, f.part_id ASC, f.id ASC',
  '-year': 'f.year DESC, f.make ASC, f.model ASC, f.part_id ASC, f.id ASC',
  make: 'f.make ASC, f.model ASC, f.year ASC, f.submodel ASC, f.part_id ASC, f.id ASC',
  part: 'f.part_id ASC, f.make ASC, f.model ASC, f.year ASC, f.submodel ASC, f.engine ASC, f.id ASC',
  created: 'f.created_at ASC, f.id ASC',
};

export function fitmentOrder(sort: FitmentSort | undefined): string {
  return ORDER[sort ?? 'part'];
}
