import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxyFactory, type ClientProxy } from '@nestjs/microservices';
import {
  CatalogPatterns,
  GET_MANY_MAX_IDS,
  isRpcErrorPayload,
  type GetManyProductsResult,
  type ProductDto,
  type RequestMeta,
  type RpcRequest,
} from '@torque/contracts';
import { rmqClientOptions, SERVICE_ENV, type ServiceEnv } from '@torque/platform';
import { firstValueFrom, timeout } from 'rxjs';
import { CatalogUnavailableError } from './catalog-unavailable.error.js';

/**
 * Reads products from the catalog (ingestion-service) with `catalog.products.get-many`: the only way
 * the fitment service sees products. Requests go over RabbitMQ with the caller's tenant.
 */
@Injectable()
export class CatalogClientService implements OnApplicationShutdown {
  private readonly logger = new Logger(CatalogClientService.name);
  private readonly client: ClientProxy;

  constructor(@Inject(SERVICE_ENV) private readonly env: ServiceEnv) {
    this.client = ClientProxyFactory.create(rmqClientOptions(env, 'ingestion'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }

  /** The tenant's products with these ids (in request order) and the ids it has no product for. */
  async getMany(
    meta: Pick<RequestMeta, 'tenantId' | 'correlationId'>,
    ids: readonly number[],
  ): Promise<GetManyProductsResult> {
    const products: ProductDto[] = [];
    const missing: number[] = [];
    for (let i = 0; i < ids.length; i += GET_MANY_MAX_IDS) {
      const chunk = ids.slice(i, i + GET_MANY_MAX_IDS);
      const answer = await this.send(meta, chunk);
      products.push(...answer.products);
      missing.push(...answer.missing_ids);
    }
    return { products, missing_ids: missing };
  }

  private async send(
    meta: Pick<RequestMeta, 'tenantId' | 'correlationId'>,
    ids: number[],
  ): Promise<GetManyProductsResult> {
    const request: RpcRequest<{ ids: number[] }> = {
      meta: { tenantId: meta.tenantId, correlationId: meta.correlationId, roles: [] },
      data: { ids },
    };
    try {
      return await firstValueFrom(
        this.client
          .send<GetManyProductsResult>(CatalogPatterns.ProductsGetMany, request)
          .pipe(timeout(this.env.RPC_TIMEOUT_MS)),
      );
    } catch (err) {
      const message = isRpcErrorPayload(err)
        ? `${err.error}: ${err.message}`
        : ((err as Error)?.message ?? String(err));
      this.logger.warn(`catalog.products.get-many failed: ${message}`);
      throw new CatalogUnavailableError(`The catalog could not be read: ${message}`);
    }
  }
}
