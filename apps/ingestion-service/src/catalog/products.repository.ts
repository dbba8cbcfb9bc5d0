import type { CreateProductDto, UpdateProductDto } from '@torque/contracts';
import type { EntityManager } from 'typeorm';
import { productListQuery, type ProductListFilter } from './product-list.query.js';
import type { ProductRow } from './product-row.js';

/** Columns a PATCH may change, in the order they are written. */
const UPDATABLE = ['part_number', 'name', 'description', 'brand', 'category', 'attributes'] as const;

/** All SQL on `products`. The tenant is in every WHERE; callers pass the EntityManager (their transaction). */
export class ProductsRepository {
  async list(
    em: EntityManager,
    tenantId: string,
    filter: ProductListFilter,
    offset: number,
    limit: number,
  ): Promise<{ rows: ProductRow[]; total: number }> {
    const { where, whereParams, orderBy, params } = productListQuery(tenantId, filter);
    const [rows, count] = await Promise.all([
      em.query(
        `SELECT p.* FROM products p
          WHERE ${where}
          ORDER BY ${orderBy}
         OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
        [...params, offset, limit],
      ) as Promise<ProductRow[]>,
      em.query(`SELECT count(*)::int AS total FROM products p WHERE ${where}`, whereParams) as Promise<
        { total: number }[]
      >,
    ]);
    return { rows, total: count[0].total };
  }

  async findById(
    em: EntityManager,
    tenantId: string,
    id: number,
    opts: { forUpdate?: boolean } = {},
  ): Promise<ProductRow | null> {
    const rows: ProductRow[] = await em.query(
      `SELECT * FROM products WHERE tenant_id = $1 AND id = $2${opts.forUpdate ? ' FOR UPDATE' : ''}`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  async findByIds(em: EntityManager, tenantId: string, ids: readonly number[]): Promise<ProductRow[]> {
    return em.query(`SELECT * FROM products WHERE tenant_id = $1 AND id = ANY($2::bigint[])`, [tenantId, ids]);
  }

  /** Id of the tenant's product with this part number, if any. */
  async idOfPartNumber(em: EntityManager, tenantId: string, partNumber: string): Promise<number | null> {
    const rows: { id: string }[] = await em.query(`SELECT id FROM products WHERE tenant_id = $1 AND part_number = $2`, [
      tenantId,
      partNumber,
    ]);
    return rows[0] ? Number(rows[0].id) : null;
  }

  /** The new row, or null when the tenant already has a product with this part number. */
  async insert(em: EntityManager, tenantId: string, input: CreateProductDto): Promise<ProductRow | null> {
    const rows: ProductRow[] = await em.query(
      `INSERT INTO products (tenant_id, part_number, name, description, brand, category, attributes)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
       ON CONFLICT (tenant_id, part_number) DO NOTHING
       RETURNING *`,
      [
        tenantId,
        input.part_number,
        input.name,
        input.description ?? '',
        input.brand ?? null,
        input.category ?? null,
        JSON.stringify(input.attributes ?? {}),
      ],
    );
    return rows[0] ?? null;
  }

  /**
   * Writes the fields present in `changes` when at least one differs from the stored value, and
   * bumps updated_at. Returns the updated row, or null when nothing changed or there is no such product.
   * A part number taken by another product fails with a unique violation.
   */
  async update(em: EntityManager, tenantId: string, id: number, changes: UpdateProductDto): Promise<ProductRow | null> {
    const params: unknown[] = [tenantId, id];
    const sets: string[] = [];
    const differs: string[] = [];
    for (const column of UPDATABLE) {
      const value = changes[column];
      if (value === undefined) continue;
      params.push(column === 'attributes' ? JSON.stringify(value) : value);
      const placeholder = column === 'attributes' ? `$${params.length}::jsonb` : `$${params.length}`;
      sets.push(`${column} = ${placeholder}`);
      differs.push(`${column} IS DISTINCT FROM ${placeholder}`);
    }
    if (sets.length === 0) return null;
    const result: [ProductRow[], number] = await em.query(
      `UPDATE products SET ${sets.join(', ')}, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND (${differs.join(' OR ')})
        RETURNING *`,
      params,
    );
    return result[0][0] ?? null;
  }

  async delete(em: EntityManager, tenantId: string, id: number): Promise<boolean> {
    const result: [unknown[], number] = await em.query(`DELETE FROM products WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
    ]);
    return result[1] > 0;
  }

  /** How many purchase order lines (and orders) reference the product: such a product cannot be deleted. */
  async purchaseOrderUse(em: EntityManager, tenantId: string, id: number): Promise<{ lines: number; orders: number }> {
    const rows: { lines: number; orders: number }[] = await em.query(
      `SELECT count(*)::int AS lines, count(DISTINCT purchase_order_id)::int AS orders
         FROM purchase_order_lines
        WHERE tenant_id = $1 AND product_id = $2`,
      [tenantId, id],
    );
    return rows[0];
  }

  /** The tenant's products with ids above `afterId`, in id order. */
  async scan(em: EntityManager, tenantId: string, afterId: number, limit: number): Promise<ProductRow[]> {
    return em.query(`SELECT * FROM products WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3`, [
      tenantId,
      afterId,
      limit,
    ]);
  }

  /** Ids and versions (updated_at) of the tenant's products with ids above `afterId`, in id order. */
  async versions(
    em: EntityManager,
    tenantId: string,
    afterId: number,
    limit: number,
  ): Promise<{ id: string; updated_at: Date }[]> {
    return em.query(`SELECT id, updated_at FROM products WHERE tenant_id = $1 AND id > $2 ORDER BY id LIMIT $3`, [
      tenantId,
      afterId,
      limit,
    ]);
  }
}
