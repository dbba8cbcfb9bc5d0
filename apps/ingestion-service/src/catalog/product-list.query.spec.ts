import { describe, expect, it } from '@jest/globals';
import { productListQuery, SEARCH_DOCUMENT } from './product-list.query.js';

describe('productListQuery', () => {
  it('always filters by tenant first and sorts by part number by default', () => {
    expect(productListQuery('acme', {})).toEqual({
      where: 'p.tenant_id = $1',
      whereParams: ['acme'],
      orderBy: 'p.part_number ASC, p.id ASC',
      params: ['acme'],
    });
  });

  it('adds one ILIKE on the indexed search document per word, then the exact filters, all as parameters', () => {
    const q = productListQuery('acme', {
      q: 'civic 100%',
      brand: 'Bosch',
      category: 'Filters',
      updatedSince: '2025-01-01T00:00:00Z',
    });
    expect(q.where).toBe(
      `p.tenant_id = $1 AND ${SEARCH_DOCUMENT} ILIKE $2 AND ${SEARCH_DOCUMENT} ILIKE $3 AND p.brand = $4 AND p.category = $5 AND p.updated_at >= $6::timestamptz`,
    );
    expect(q.whereParams).toEqual(['acme', '%civic%', '%100\\%%', 'Bosch', 'Filters', '2025-01-01T00:00:00Z']);
  });

  it("orders a search by relevance, with the relevance parameter kept out of the count's parameters", () => {
    const q = productListQuery('acme', { q: ' BR-100 ' });
    expect(q.orderBy).toBe(
      `(lower(p.part_number) = lower($3)) DESC, word_similarity($3, ${SEARCH_DOCUMENT}) DESC, p.part_number ASC, p.id ASC`,
    );
    expect(q.whereParams).toEqual(['acme', '%BR-100%']);
    expect(q.params).toEqual(['acme', '%BR-100%', 'BR-100']);
  });

  it('lets an explicit sort win over relevance and breaks ties by id in the same direction', () => {
    expect(productListQuery('acme', { q: 'rotor', sort: 'name', order: 'desc' }).orderBy).toBe(
      'p.name DESC, p.id DESC',
    );
    expect(productListQuery('acme', { sort: 'updated_at' }).orderBy).toBe('p.updated_at ASC, p.id ASC');
    expect(productListQuery('acme', { sort: 'id', order: 'desc' }).orderBy).toBe('p.id DESC');
  });

  it('keeps the search document identical to the trigram index expression', () => {
    expect(SEARCH_DOCUMENT.replace(/p\./g, '')).toBe(`(part_number || ' ' || name || ' ' || description)`);
  });
});
