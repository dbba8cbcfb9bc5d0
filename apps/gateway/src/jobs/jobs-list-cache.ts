import { Inject, Injectable } from '@nestjs/common';
import type { JobPageDto, ServiceName } from '@torque/contracts';
import { LRUCache } from 'lru-cache';
import type { GatewayEnv } from '../config/gateway-env.js';
import { GATEWAY_ENV } from '../tokens.js';

/** Cached answers at most: pages of one tenant, service, filter and depth each. */
const MAX_PAGES = 5_000;

interface CachedPage {
  generation: string;
  page: JobPageDto;
}

/**
 * Each service's answer to a jobs list, kept until something may have changed it: a job event of that service
 * and tenant (JobEventsService), a write of the tenant through this gateway (any non-GET answered), a broken
 * event subscription, or JOBS_LIST_CACHE_MS at the latest. Polling clients then cost the gateway a merge instead
 * of a request to every service (bench/README.md, bench:rpc). Invalidation bumps a generation per tenant and
 * service; an answer is kept only if no bump happened while it was asked for, so a change that raced the request
 * is never hidden behind it.
 */
@Injectable()
export class JobsListCache {
  private readonly pages: LRUCache<string, CachedPage> | null;
  private readonly generations = new Map<string, number>();
  /** Bumped for every tenant at once (lost events). */
  private epoch = 0;

  constructor(@Inject(GATEWAY_ENV) env: GatewayEnv) {
    this.pages = env.JOBS_LIST_CACHE_MS > 0 ? new LRUCache({ max: MAX_PAGES, ttl: env.JOBS_LIST_CACHE_MS }) : null;
  }

  /** The service's page for `key` from memory when nothing changed since it was asked, else from `ask`. */
  async page(tenantId: string, service: ServiceName, key: string, ask: () => Promise<JobPageDto>): Promise<JobPageDto> {
    if (!this.pages) return ask();
    const cacheKey = `${tenantId}\u0000${service}\u0000${key}`;
    const generation = this.generation(tenantId, service);
    const cached = this.pages.get(cacheKey);
    if (cached && cached.generation === generation) return cached.page;
    const page = await ask();
    if (this.generation(tenantId, service) === generation) this.pages.set(cacheKey, { generation, page });
    return page;
  }

  /** A job of `service` (or of any service) of the tenant may have changed. */
  changed(tenantId: string, service?: ServiceName): void {
    if (!this.pages) return;
    if (service) this.bump(`${tenantId}\u0000${service}`);
    else this.bump(tenantId);
  }

  /** Events may have been missed: nothing cached can be trusted. */
  changedEverywhere(): void {
    this.epoch++;
    this.pages?.clear();
  }

  private generation(tenantId: string, service: ServiceName): string {
    const tenant = this.generations.get(tenantId) ?? 0;
    return `${this.epoch}:${tenant}:${this.generations.get(`${tenantId}\u0000${service}`) ?? 0}`;
  }

  private bump(key: string): void {
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }
}
