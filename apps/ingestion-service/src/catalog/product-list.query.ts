import type { ProductSort, SortOrder } from '@torque/contracts';
import { containsPattern, searchTerms } from './like-pattern.js';

export interface ProductListFilter {
  q?: string;
  brand?: string;
  category?: string;
  updatedSince?: string;
  sort?: ProductSort;
  order?: SortOrder;
}

/**
 * The text the search runs on. It must stay exactly the expression of products_search_trgm_idx
 * (migration 1764230500000) so that `ILIKE '%term%'` can use the trigram index.
 */
export const SEARCH_DOCUMENT = `(p.part_number || ' ' || p.name || ' ' || p.description)`;

const SORT_COLUMNS: Record<ProductSort, string> = {
  part_number: 'p.part_number',
  name: 'p.name',
  updated_at: 'p.updated_at',
  id: 'p.id',
};

/**
 * WHERE and ORDER BY of a product listing, with the tenant always first. Only whitelisted column
 * names are written into the SQL; every value is a parameter. `whereParams` are those of the WHERE
 * alone (for the count); `params` adds the ORDER BY's.
 */
export function productListQuery(
  tenantId: string,
  filter: ProductListFilter,
): { where: string; whereParams: unknown[]; orderBy: string; params: unknown[] } {
  const params: unknown[] = [tenantId];
  const where = ['p.tenant_id = $1'];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const terms = filter.q ? searchTerms(filter.q) : [];
  for (const term of terms) where.push(`${SEARCH_DOCUMENT} ILIKE ${param(containsPattern(term))}`);
  if (filter.brand !== undefined) where.push(`p.brand = ${param(filter.brand)}`);
  if (filter.category !== undefined) where.push(`p.category = ${param(filter.category)}`);
  if (filter.updatedSince !== undefined) where.push(`p.updated_at >= ${param(filter.updatedSince)}::timestamptz`);

  const whereParams = [...params];
  let orderBy: string;
  if (filter.sort) {
    const dir = filter.order === 'desc' ? 'DESC' : 'ASC';
    orderBy = filter.sort === 'id' ? `p.id ${dir}` : `${SORT_COLUMNS[filter.sort]} ${dir}, p.id ${dir}`;
  } else if (terms.length > 0) {
    // Relevance: the exact part number first, then the best-matching text.
    const q = param(filter.q!.trim());
    orderBy = `(lower(p.part_number) = lower(${q})) DESC, word_similarity(${q}, ${SEARCH_DOCUMENT}) DESC, p.part_number ASC, p.id ASC`;
  } else {
    const dir = filter.order === 'desc' ? 'DESC' : 'ASC';
    orderBy = `p.part_number ${dir}, p.id ${dir}`;
  }
  return { where: where.join(' AND '), whereParams, orderBy, params };
}
