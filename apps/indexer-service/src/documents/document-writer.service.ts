import { Injectable } from '@nestjs/common';
import type { ProductDto, RequestMeta } from '@torque/contracts';
import { DataSource } from 'typeorm';
import { IndexerMetrics } from '../common/indexer-metrics.js';
import { CatalogSourceService } from './catalog-source.service.js';
import { DocumentsRepository, type WriteTarget } from './documents.repository.js';
import { buildSearchDocument } from './search-document.js';

type Meta = Pick<RequestMeta, 'tenantId' | 'correlationId'>;

export interface IndexCounts {
  /** Documents written with new content (or new). */
  indexed: number;
  /** Documents written again with the content they had. */
  unchanged: number;
  /** Documents removed: their products are gone from the catalog. */
  removed: number;
}

export type IndexSource = 'update' | 'rebuild' | 'audit';

/**
 * Brings documents in line with the catalog: reads products (and their prices and approved vehicles) over RPC,
 * then writes their documents and tombstones the products the catalog no longer has, under the products' locks.
 */
@Injectable()
export class DocumentWriterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: DocumentsRepository,
    private readonly source: CatalogSourceService,
    private readonly metrics: IndexerMetrics,
  ) {}

  /** Re-reads these products from the catalog and indexes what it has, removes what it does not. */
  async refresh(meta: Meta, ids: readonly number[], source: IndexSource): Promise<IndexCounts> {
    const fetchedAt = new Date();
    const { products, missing_ids } = await this.source.getMany(meta, ids);
    return this.index(meta, products, missing_ids, fetchedAt, 'live', source);
  }

  /**
   * Indexes products already read (a rebuild's page; `fetchedAt` is when the read began) into `target`, and
   * removes `missingIds` (tombstones) everywhere.
   */
  async index(
    meta: Meta,
    products: readonly ProductDto[],
    missingIds: readonly number[],
    fetchedAt: Date,
    target: WriteTarget,
    source: IndexSource,
  ): Promise<IndexCounts> {
    const ids = products.map((p) => p.id);
    const [prices, vehicles] = ids.length
      ? await Promise.all([this.source.priceSummaries(meta, ids), this.source.approvedVehicles(meta, ids)])
      : [[], []];
    const priceOf = new Map(prices.map((p) => [p.product_id, p]));
    const vehiclesOf = new Map<number, typeof vehicles>();
    for (const v of vehicles) {
      const list = vehiclesOf.get(v.product_id);
      if (list) list.push(v);
      else vehiclesOf.set(v.product_id, [v]);
    }
    const docs = products.map((p) => buildSearchDocument(p, priceOf.get(p.id), vehiclesOf.get(p.id) ?? []));
    const counts = await this.dataSource.transaction(async (em) => {
      await this.repo.state(em, meta.tenantId);
      if (target === 'live') await this.repo.shareState(em, meta.tenantId);
      await this.repo.lockProducts(em, meta.tenantId, [...ids, ...missingIds]);
      const removed = await this.repo.remove(em, meta.tenantId, missingIds);
      const written = await this.repo.write(em, meta.tenantId, docs, fetchedAt, target);
      return { indexed: written.changed, unchanged: written.unchanged, removed };
    });
    this.metrics.documentsIndexed.inc({ source }, counts.indexed);
    this.metrics.documentsRemoved.inc({ source }, counts.removed);
    return counts;
  }
}
