import { Inject, Injectable, Logger } from '@nestjs/common';
import { FitmentJobNames, FitmentQueueNames, type JobRef, type ProductDto } from '@torque/contracts';
import { JobContext, PermanentJobError, type JobHandlerInstance, JobHandler, type Outcome } from '@torque/platform';
import type { Job } from 'bull';
import { setTimeout as sleep, setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { CatalogClientService } from '../catalog-client/catalog-client.service.js';
import { CatalogUnavailableError } from '../catalog-client/catalog-unavailable.error.js';
import { FITMENT_ENV, type FitmentEnv } from '../common/fitment-env.js';
import type { FitmentEngine } from '../engine/fitment-engine.js';
import { FitmentEngineService } from '../engine/fitment-engine.service.js';
import type { ApprovedExample, FitmentCandidate, FitmentMatch, ProductInput } from '../engine/fitment-engine.types.js';
import { FITMENT_PROVIDER, type FitmentProvider } from '../engine/providers/fitment-provider.js';
import { reviewWithProvider, type ReviewedCandidate } from '../engine/providers/provider-review.js';
import { SimilarProductIndex } from '../engine/similar-products.js';
import { partKeyOf, type FitmentRow, type NewFitment } from '../fitments/fitment-row.js';
import { FitmentsRepository } from '../fitments/fitments.repository.js';
import { generationOutcome, jobCounts, JobSettlement } from '../fitments/job-settlement.js';
import { AiJobsRepository, type AiJobCounts, type JobPartRow, type PartOutcome } from './ai-jobs.repository.js';

/** Approved parts whose fitments are lent to similar parts (the most recently approved ones). */
const MAX_LEARNING_PARTS = 2000;
/** Longest stretch the engine runs without letting timers (Bull lock renewal, heartbeats) fire. */
const MAX_BUSY_MS = 50;

interface PartResult {
  outcome: PartOutcome;
  fitments: NewFitment[];
  providerFailed: boolean;
}

/**
 * Generates the fitments of one AI fitment job, product by product in job order. Each batch of
 * products commits its fitments together with the per-job cursor (`ai_job_parts.done_at`) and the
 * counts, so a job resumed after a crash starts at the first product not done and never inserts a
 * fitment twice (inserts are also idempotent per job, part and vehicle). Cancel is checked between
 * products.
 */
/** The longest wait between two tries of an unreachable catalog. */
const CATALOG_RETRY_MAX_DELAY_MS = 10_000;

@Injectable()
@JobHandler(FitmentQueueNames.Generate, FitmentJobNames.FitmentGenerate)
export class GenerateJobHandler implements JobHandlerInstance {
  private readonly logger = new Logger(GenerateJobHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly aiJobs: AiJobsRepository,
    private readonly fitments: FitmentsRepository,
    private readonly engines: FitmentEngineService,
    private readonly catalog: CatalogClientService,
    private readonly settlement: JobSettlement,
    @Inject(FITMENT_PROVIDER) private readonly provider: FitmentProvider | null,
    @Inject(FITMENT_ENV) private readonly env: FitmentEnv,
  ) {}

  async handle(ctx: JobContext, job: Job<JobRef>): Promise<Outcome> {
    const jobId = ctx.job.id;
    const tenantId = ctx.job.tenant_id;
    const meta = { tenantId, correlationId: job.data.meta.correlationId };
    const row = await this.aiJobs.find(this.dataSource.manager, jobId);
    if (!row) throw new PermanentJobError('job_missing', `AI fitment job ${jobId} has no fitment record`);
    const total = row.product_count;
    const resumed = row.products_done > 0;
    Object.assign(ctx.counts, jobCounts(row));
    await ctx.progress(
      row.products_done,
      total,
      resumed ? `Resuming after ${row.products_done} products...` : 'Initializing...',
      true,
    );

    const engine = await this.engines.current();
    const similar = await this.learningIndex(tenantId);
    const batchSize = Math.min(200, Math.max(1, Math.floor(total / 25)));
    let providerFailures = ctx.counts.provider_failures ?? 0;
    // One batch is written while the next is generated; `after` keeps reading past the batch in flight.
    let inFlight: Promise<void> | null = null;
    let after = 0;
    try {
      for (;;) {
        ctx.throwIfCancelled();
        const parts = await this.aiJobs.nextParts(this.dataSource.manager, jobId, after, batchSize);
        if (parts.length === 0) break;
        after = parts[parts.length - 1].seq;
        const products = await this.productsOf(ctx, meta, parts);
        const results = await this.generate(ctx, engine, similar, tenantId, jobId, parts, products);
        providerFailures += results.filter((r) => r.providerFailed).length;
        await inFlight;
        inFlight = this.commit(jobId, results).then(async (counts) => {
          Object.assign(ctx.counts, jobCounts(counts), { provider_failures: providerFailures });
          await ctx.progress(counts.products_done, total, `Processing products... (${counts.products_done}/${total})`);
        });
        // A write that fails while the next batch is generated is rethrown where inFlight is awaited; until then
        // it must count as handled, or Node ends the process on an unhandled rejection (found by the chaos tests,
        // with the database's connections killed).
        inFlight.catch(() => undefined);
      }
    } finally {
      // A cancel or a failure still lets the batch being written finish (or fail) first.
      await inFlight?.catch(() => undefined);
    }
    await inFlight;
    if (providerFailures > 0)
      this.logger.warn(`job ${jobId}: the AI provider failed for ${providerFailures} product(s); local results kept`);
    // Reviews change the counts while the job runs. The outcome from the counts now is what the
    // metrics see; decide() takes it again under the counts lock in the transaction that records it,
    // so a review that commits in between is counted (JobSettlement).
    const counts: AiJobCounts = (await this.aiJobs.find(this.dataSource.manager, jobId)) ?? row;
    return {
      ...generationOutcome(counts, ctx.counts),
      decide: (em) => this.settlement.endOfGeneration(em, jobId, ctx.counts),
    };
  }

  /** One transaction per batch: the fitments, the cursor and the counts, under the job's counts lock. */
  private async commit(jobId: string, results: PartResult[]): Promise<AiJobCounts> {
    return this.dataSource.transaction(async (em) => {
      await this.aiJobs.lockCounts(em, jobId);
      const inserted = await this.fitments.insertMany(
        em,
        results.flatMap((r) => r.fitments),
      );
      const done = await this.aiJobs.markDone(
        em,
        jobId,
        results.map((r) => r.outcome),
      );
      return this.aiJobs.addCounts(em, jobId, { productsDone: done, fitments: inserted });
    });
  }

  /**
   * The batch's products from the catalog. An unreachable catalog (the broker or the ingestion service down) is
   * waited out, backing off up to CATALOG_RETRY_MAX_DELAY_MS, for FITMENT_CATALOG_WAIT_MS, rather than failing
   * the attempt: Bull's attempts are spent in seconds, an outage can last longer. Cancel still stops it.
   */
  private async productsOf(
    ctx: JobContext,
    meta: { tenantId: string; correlationId: string },
    parts: JobPartRow[],
  ): Promise<Map<number, ProductDto>> {
    const ids = [...new Set(parts.flatMap((p) => (p.product_id ? [Number(p.product_id)] : [])))];
    if (ids.length === 0) return new Map();
    const giveUpAt = Date.now() + this.env.FITMENT_CATALOG_WAIT_MS;
    for (let delay = 500; ; delay = Math.min(delay * 2, CATALOG_RETRY_MAX_DELAY_MS)) {
      try {
        const { products } = await this.catalog.getMany(meta, ids);
        return new Map(products.map((p) => [p.id, p]));
      } catch (err) {
        if (!(err instanceof CatalogUnavailableError) || Date.now() + delay > giveUpAt) throw err;
        ctx.throwIfCancelled();
        this.logger.warn(`job ${ctx.job.id}: ${err.message}; trying again in ${delay} ms`);
        await sleep(delay, undefined, { signal: ctx.signal }).catch(() => undefined);
        ctx.throwIfCancelled();
      }
    }
  }

  private async generate(
    ctx: JobContext,
    engine: FitmentEngine,
    similar: SimilarProductIndex | null,
    tenantId: string,
    jobId: string,
    parts: JobPartRow[],
    products: Map<number, ProductDto>,
  ): Promise<PartResult[]> {
    const results: PartResult[] = new Array(parts.length);
    let next = 0;
    let busySince = Date.now();
    const worker = async () => {
      while (next < parts.length) {
        const i = next++;
        ctx.throwIfCancelled();
        results[i] = await this.generateOne(ctx, engine, similar, tenantId, jobId, parts[i], products);
        if (Date.now() - busySince > MAX_BUSY_MS) {
          await yieldToEventLoop();
          busySince = Date.now();
        }
      }
    };
    const lanes = this.provider ? Math.min(this.env.FITMENT_PROVIDER_CONCURRENCY, parts.length) : 1;
    await Promise.all(Array.from({ length: lanes }, worker));
    return results;
  }

  private async generateOne(
    ctx: JobContext,
    engine: FitmentEngine,
    similar: SimilarProductIndex | null,
    tenantId: string,
    jobId: string,
    part: JobPartRow,
    products: Map<number, ProductDto>,
  ): Promise<PartResult> {
    const productId = part.product_id ? Number(part.product_id) : null;
    const catalogProduct = productId !== null ? products.get(productId) : undefined;
    if (productId !== null && !catalogProduct && !part.part_number) {
      const warning = `Product ${productId} is not in the catalog (deleted, or another tenant's); skipped.`;
      return {
        outcome: { seq: part.seq, partNumber: null, outcome: 'missing', fitmentCount: 0, warnings: [warning] },
        fitments: [],
        providerFailed: false,
      };
    }
    const product = toProductInput(part, catalogProduct);
    let match: FitmentMatch;
    try {
      match = engine.match(product);
    } catch (err) {
      // One unreadable part must not stop the job: it is recorded without fitments, with the reason.
      this.logger.error(
        `job ${jobId}: the engine failed on part ${product.part_number ?? product.id}: ${(err as Error).stack ?? err}`,
      );
      const warning = `The fitment engine could not read this part (${(err as Error).message}); no fitment proposed.`;
      return {
        outcome: {
          seq: part.seq,
          partNumber: product.part_number ?? null,
          outcome: 'none',
          fitmentCount: 0,
          warnings: [warning],
        },
        fitments: [],
        providerFailed: false,
      };
    }
    let candidates: FitmentCandidate[] = match.candidates;
    const warnings = [...match.warnings];
    if (candidates.length === 0 && !match.universal && similar)
      candidates = similar.suggest(product, { catalog: engine.index });
    const reviewed = await reviewWithProvider(this.provider, product, candidates, ctx.signal);
    if (reviewed.failure)
      warnings.push(`The AI provider failed (${reviewed.failure}); the local engine's result stands.`);
    const partId = product.part_number ?? String(product.id);
    const partKey = partKeyOf(catalogProduct ? catalogProduct.id : null, partId);
    const common = {
      tenantId,
      jobId,
      partKey,
      productId: catalogProduct ? catalogProduct.id : null,
      partId: partId.slice(0, 100),
      partDescription: (product.name || product.description || '').slice(0, 1000),
      partType: (product.category ?? '').slice(0, 200),
      qty: quantityOf(product.attributes),
      position: positionOf(product.attributes),
    };
    const fitments = reviewed.candidates.map((c) => toNewFitment(common, c));
    const outcome: PartOutcome['outcome'] = fitments.length > 0 ? 'fitted' : match.universal ? 'universal' : 'none';
    return {
      outcome: {
        seq: part.seq,
        partNumber: product.part_number ?? null,
        outcome,
        fitmentCount: fitments.length,
        warnings: [...new Set(warnings)],
      },
      fitments,
      providerFailed: reviewed.failure !== null,
    };
  }

  /** Learning from review: the tenant's approved fitments, grouped per part, for suggestions to similar parts. */
  private async learningIndex(tenantId: string): Promise<SimilarProductIndex | null> {
    const rows = await this.fitments.approvedExamples(this.dataSource.manager, tenantId, MAX_LEARNING_PARTS);
    if (rows.length === 0) return null;
    const byPart = new Map<string, ApprovedExample>();
    for (const r of rows) {
      let example = byPart.get(r.part_key);
      if (!example) {
        example = { product: exampleProduct(r), fitments: [] };
        byPart.set(r.part_key, example);
      }
      example.fitments.push({
        baseVehicleId: r.base_vehicle_id,
        vehicleId: r.vehicle_id === null ? null : Number(r.vehicle_id),
        year: r.year,
        make: r.make,
        model: r.model,
        submodelId: r.submodel_id,
        submodel: r.submodel || null,
        engineId: r.engine_id,
        engine: r.engine || null,
      });
    }
    return new SimilarProductIndex([...byPart.values()]);
  }
}

function exampleProduct(r: FitmentRow): ProductInput {
  return {
    id: r.product_id ?? r.part_id,
    part_number: r.part_id,
    name: r.part_description,
    category: r.part_type || null,
  };
}

/** The engine's view of a part: the catalog product when there is one, else the file row. */
export function toProductInput(part: JobPartRow, product: ProductDto | undefined): ProductInput {
  if (product) {
    return {
      id: product.id,
      part_number: product.part_number,
      name: product.name,
      description: product.description,
      category: product.category,
      brand: product.brand,
      attributes: product.attributes,
    };
  }
  const { name, brand, ...attributes } = (part.attributes ?? {}) as Record<string, unknown>;
  return {
    id: part.part_number ?? part.product_id ?? part.seq,
    part_number: part.part_number,
    name: typeof name === 'string' ? name : null,
    description: part.description,
    category: part.category,
    brand: typeof brand === 'string' ? brand : null,
    attributes,
  };
}

function toNewFitment(
  common: Omit<
    NewFitment,
    | 'baseVehicleId'
    | 'vehicleId'
    | 'submodelId'
    | 'engineId'
    | 'year'
    | 'make'
    | 'model'
    | 'submodel'
    | 'engine'
    | 'confidence'
    | 'reasoning'
    | 'source'
  >,
  c: ReviewedCandidate,
): NewFitment {
  return {
    ...common,
    baseVehicleId: c.baseVehicleId,
    vehicleId: c.vehicleId ?? null,
    submodelId: c.submodelId ?? null,
    engineId: c.engineId ?? null,
    year: c.year,
    make: c.make,
    model: c.model,
    submodel: c.submodel ?? '',
    engine: c.engine ?? '',
    confidence: Math.min(1, Math.max(0, c.confidence)),
    reasoning: c.reasoning,
    source: c.source,
  };
}

/** Quantity per vehicle from the attributes (`qty`, `quantity`, `qty_per_vehicle`); 1 when none is given. */
export function quantityOf(attributes: Record<string, unknown> | null | undefined): number {
  for (const key of ['qty_per_vehicle', 'quantity_per_vehicle', 'qty', 'quantity']) {
    const n = Number(attributes?.[key]);
    if (Number.isInteger(n) && n >= 1 && n <= 999) return n;
  }
  return 1;
}

/** Position on the vehicle (Front, Rear, Front Left ...) from the attributes; empty when none is given. */
export function positionOf(attributes: Record<string, unknown> | null | undefined): string {
  const value = attributes?.position ?? attributes?.Position;
  return typeof value === 'string' ? value.trim().slice(0, 50) : '';
}
