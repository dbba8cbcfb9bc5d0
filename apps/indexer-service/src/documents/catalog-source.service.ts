import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxyFactory, type ClientProxy } from '@nestjs/microservices';
import {
  APPROVED_VEHICLES_MAX_IDS,
  CatalogPatterns,
  FitmentPatterns,
  GET_MANY_MAX_IDS,
  isRpcErrorPayload,
  type ApprovedVehicle,
  type GetManyProductsResult,
  type MessagePattern,
  type PayloadOf,
  type ProductPriceSummary,
  type ProductScanResult,
  type ProductVersionsResult,
  type RequestMeta,
  type ResultOf,
  type RpcRequest,
} from '@torque/contracts';
import { rmqClientOptions, SERVICE_ENV, type ServiceEnv } from '@torque/platform';
import { firstValueFrom, timeout } from 'rxjs';

/** A read of the catalog or the fitments that failed: the job that asked is retried by Bull. */
export class SourceUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceUnavailableError';
  }
}

type Meta = Pick<RequestMeta, 'tenantId' | 'correlationId'>;

/**
 * What the index is built from, read over RabbitMQ and never from another service's tables: products, their
 * versions and price summaries from the catalog (ingestion), the vehicles of approved fitments (fitment).
 */
@Injectable()
export class CatalogSourceService implements OnApplicationShutdown {
  private readonly logger = new Logger(CatalogSourceService.name);
  private readonly clients: Record<'ingestion' | 'fitment', ClientProxy>;

  constructor(@Inject(SERVICE_ENV) private readonly env: ServiceEnv) {
    this.clients = {
      ingestion: ClientProxyFactory.create(rmqClientOptions(env, 'ingestion')),
      fitment: ClientProxyFactory.create(rmqClientOptions(env, 'fitment')),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(Object.values(this.clients).map((c) => c.close()));
  }

  async getMany(meta: Meta, ids: readonly number[]): Promise<GetManyProductsResult> {
    const result: GetManyProductsResult = { products: [], missing_ids: [] };
    for (let i = 0; i < ids.length; i += GET_MANY_MAX_IDS) {
      const answer = await this.send('ingestion', CatalogPatterns.ProductsGetMany, meta, {
        ids: ids.slice(i, i + GET_MANY_MAX_IDS),
      });
      result.products.push(...answer.products);
      result.missing_ids.push(...answer.missing_ids);
    }
    return result;
  }

  async priceSummaries(meta: Meta, ids: readonly number[]): Promise<ProductPriceSummary[]> {
    const out: ProductPriceSummary[] = [];
    for (let i = 0; i < ids.length; i += GET_MANY_MAX_IDS) {
      const answer = await this.send('ingestion', CatalogPatterns.ProductsPriceSummaries, meta, {
        ids: ids.slice(i, i + GET_MANY_MAX_IDS),
      });
      out.push(...answer.summaries);
    }
    return out;
  }

  async approvedVehicles(meta: Meta, ids: readonly number[]): Promise<ApprovedVehicle[]> {
    const out: ApprovedVehicle[] = [];
    for (let i = 0; i < ids.length; i += APPROVED_VEHICLES_MAX_IDS) {
      const answer = await this.send('fitment', FitmentPatterns.FitmentsApprovedVehicles, meta, {
        product_ids: ids.slice(i, i + APPROVED_VEHICLES_MAX_IDS),
      });
      out.push(...answer.vehicles);
    }
    return out;
  }

  /** How many products the tenant's catalog has (for progress). */
  async count(meta: Meta): Promise<number> {
    const page = await this.send('ingestion', CatalogPatterns.ProductsList, meta, {
      page: 1,
      limit: 1,
    } as PayloadOf<typeof CatalogPatterns.ProductsList>);
    return page.meta.total;
  }

  scan(meta: Meta, afterId: number, limit: number): Promise<ProductScanResult> {
    return this.send('ingestion', CatalogPatterns.ProductsScan, meta, { after_id: afterId, limit });
  }

  versions(meta: Meta, afterId: number, limit: number): Promise<ProductVersionsResult> {
    return this.send('ingestion', CatalogPatterns.ProductsVersions, meta, { after_id: afterId, limit });
  }

  private async send<P extends MessagePattern>(
    service: 'ingestion' | 'fitment',
    pattern: P,
    meta: Meta,
    data: PayloadOf<P>,
  ): Promise<ResultOf<P>> {
    const request: RpcRequest<PayloadOf<P>> = {
      meta: { tenantId: meta.tenantId, correlationId: meta.correlationId, roles: [] },
      data,
    };
    try {
      return await firstValueFrom(
        this.clients[service].send<ResultOf<P>>(pattern, request).pipe(timeout(this.env.RPC_TIMEOUT_MS)),
      );
    } catch (err) {
      const message = isRpcErrorPayload(err)
        ? `${err.error}: ${err.message}`
        : ((err as Error)?.message ?? String(err));
      this.logger.warn(`${pattern} failed: ${message}`);
      throw new SourceUnavailableError(`${pattern} failed: ${message}`);
    }
  }
}
