import { Injectable } from '@nestjs/common';
import { SCAN_MAX_PRODUCTS } from '@torque/contracts';
import type {
  CreateProductDto,
  GetManyProductsResult,
  ProductScanResult,
  ProductVersionsResult,
  ListProductsQueryDto,
  Page,
  ProductDto,
  ProductsChangedEvent,
  RequestMeta,
  UpdateProductDto,
} from '@torque/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogError } from './catalog.errors.js';
import { FOREIGN_KEY_VIOLATION, sqlState, UNIQUE_VIOLATION } from './pg-errors.js';
import { ProductChangesPublisher, type ProductChange } from './product-changes.publisher.js';
import { toProductDto } from './product-row.js';
import { ProductsRepository } from './products.repository.js';

/** Reading and manually editing the catalog's products; every change is announced in its own transaction. */
@Injectable()
export class ProductsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: ProductsRepository,
    private readonly changes: ProductChangesPublisher,
  ) {}

  async list(tenantId: string, query: ListProductsQueryDto): Promise<Page<ProductDto>> {
    const { page, limit } = query;
    const { rows, total } = await this.repo.list(
      this.dataSource.manager,
      tenantId,
      {
        q: query.q,
        brand: query.brand,
        category: query.category,
        updatedSince: query.updated_since,
        sort: query.sort,
        order: query.order,
      },
      (page - 1) * limit,
      limit,
    );
    return { data: rows.map(toProductDto), meta: { page, limit, total } };
  }

  async get(tenantId: string, id: number): Promise<ProductDto> {
    const row = await this.repo.findById(this.dataSource.manager, tenantId, id);
    if (!row) throw CatalogError.productNotFound(id);
    return toProductDto(row);
  }

  async getMany(tenantId: string, ids: readonly number[]): Promise<GetManyProductsResult> {
    const wanted = [...new Set(ids)];
    const rows = wanted.length ? await this.repo.findByIds(this.dataSource.manager, tenantId, wanted) : [];
    const byId = new Map(rows.map((r) => [Number(r.id), toProductDto(r)]));
    return {
      products: wanted.flatMap((id) => byId.get(id) ?? []),
      missing_ids: wanted.filter((id) => !byId.has(id)),
    };
  }

  /** A keyset page of the catalog in id order (at most SCAN_MAX_PRODUCTS products). */
  async scan(tenantId: string, afterId: number, limit: number): Promise<ProductScanResult> {
    const size = Math.min(limit, SCAN_MAX_PRODUCTS);
    const rows = await this.repo.scan(this.dataSource.manager, tenantId, afterId, size);
    return {
      products: rows.map(toProductDto),
      next_after_id: rows.length === size ? Number(rows[rows.length - 1].id) : null,
    };
  }

  /** A keyset page of product ids and versions in id order. */
  async versions(tenantId: string, afterId: number, limit: number): Promise<ProductVersionsResult> {
    const rows = await this.repo.versions(this.dataSource.manager, tenantId, afterId, limit);
    return {
      items: rows.map((r) => ({ id: Number(r.id), updated_at: r.updated_at.toISOString() })),
      next_after_id: rows.length === limit ? Number(rows[rows.length - 1].id) : null,
    };
  }

  async create(meta: RequestMeta, input: CreateProductDto): Promise<ProductDto> {
    const row = await this.change(meta, 'created', async (em) => {
      const created = await this.repo.insert(em, meta.tenantId, input);
      if (!created) throw CatalogError.partNumberTaken(input.part_number);
      return created;
    });
    return toProductDto(row);
  }

  /** Changes only what differs; an update that changes nothing answers the product as it is and announces nothing. */
  async update(meta: RequestMeta, id: number, changes: UpdateProductDto): Promise<ProductDto> {
    const newPartNumber = changes.part_number;
    try {
      const row = await this.change(meta, 'updated', async (em) => {
        if (newPartNumber !== undefined) {
          const holder = await this.repo.idOfPartNumber(em, meta.tenantId, newPartNumber);
          if (holder !== null && holder !== id) throw CatalogError.partNumberTaken(newPartNumber);
        }
        return this.repo.update(em, meta.tenantId, id, changes);
      });
      return row ? toProductDto(row) : await this.get(meta.tenantId, id);
    } catch (err) {
      // A concurrent change took the part number between the check and the update.
      if (sqlState(err) === UNIQUE_VIOLATION && newPartNumber !== undefined)
        throw CatalogError.partNumberTaken(newPartNumber);
      throw err;
    }
  }

  async delete(meta: RequestMeta, id: number): Promise<void> {
    try {
      await this.change(meta, 'deleted', async (em) => {
        // The row lock also holds off purchase order lines being added for it until this commits.
        const row = await this.repo.findById(em, meta.tenantId, id, { forUpdate: true });
        if (!row) throw CatalogError.productNotFound(id);
        const use = await this.repo.purchaseOrderUse(em, meta.tenantId, id);
        if (use.lines > 0) throw CatalogError.productInUse(id, row.part_number, use.lines, use.orders);
        await this.repo.delete(em, meta.tenantId, id);
        return row;
      });
    } catch (err) {
      if (sqlState(err) === FOREIGN_KEY_VIOLATION) {
        throw new CatalogError(409, 'conflict', `Product ${id} cannot be deleted: purchase order lines reference it`);
      }
      throw err;
    }
  }

  /**
   * Runs `write` in a transaction and, when it returns a row, enqueues that product's change event in
   * the same transaction; publishes after the commit.
   */
  private async change<R extends { id: string } | null>(
    meta: RequestMeta,
    kind: ProductChange['kind'],
    write: (em: EntityManager) => Promise<R>,
  ): Promise<R> {
    const source: ProductsChangedEvent['source'] = { type: 'manual', ...(meta.userId ? { userId: meta.userId } : {}) };
    const row = await this.dataSource.transaction(async (em) => {
      const changed = await write(em);
      if (changed) {
        await this.changes.enqueue(em, {
          tenantId: meta.tenantId,
          correlationId: meta.correlationId,
          kind,
          productIds: [Number(changed.id)],
          source,
        });
      }
      return changed;
    });
    if (row) this.changes.flush();
    return row;
  }
}
