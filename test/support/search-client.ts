import { expect } from '@jest/globals';
import type { ProductDto, SearchResultDto } from '@torque/contracts';
import type { Suite } from './suite.js';

export const PRODUCTS = '/api/v1/catalog/products';
export const SEARCH = '/api/v1/search/products';

/** The query string of a search for `text`, with more parameters (`&brand=Bosch`) after it. */
export const q = (text: string, more = '') => `q=${encodeURIComponent(text)}${more}`;

/** The product ids of an answer, in its order. */
export const ids = (r: SearchResultDto) => r.data.map((h) => h.product_id);

/**
 * Catalog products created and searched through the gateway of `suite()` (a getter: the suite starts in
 * beforeAll), each call expecting success.
 */
export function searchClient(suite: () => Suite) {
  return {
    async create(product: Record<string, unknown>, tenant = 'acme'): Promise<ProductDto> {
      const res = await suite().http(PRODUCTS, { method: 'POST', json: product, tenant });
      expect(res.status).toBe(201);
      return (await res.json()) as ProductDto;
    },
    async search(query: string, tenant = 'acme'): Promise<SearchResultDto> {
      const res = await suite().http(`${SEARCH}?${query}`, { tenant });
      expect(res.status).toBe(200);
      return (await res.json()) as SearchResultDto;
    },
  };
}
