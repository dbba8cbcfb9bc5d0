import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { Inject, Injectable } from '@nestjs/common';
import {
  FitmentJobNames,
  FitmentQueueNames,
  type AiFitmentJobCreatedDto,
  type AiFitmentJobDto,
  type AiFitmentJobProgressDto,
  type CreateFitmentJobCommand,
  type JobStatus,
  type RequestMeta,
} from '@torque/contracts';
import {
  FILE_STORAGE,
  JobNotFoundError,
  JobSubmitterService,
  StorageNotFoundError,
  type FileStorage,
} from '@torque/platform';
import { DataSource } from 'typeorm';
import { CatalogClientService } from '../catalog-client/catalog-client.service.js';
import { CatalogUnavailableError } from '../catalog-client/catalog-unavailable.error.js';
import { FITMENT_ENV, type FitmentEnv } from '../common/fitment-env.js';
import { FitmentError } from '../common/fitment.errors.js';
import { toAiJobDto, toProgressDto } from './ai-job-view.js';
import { AiJobsRepository, type AiJobRow, type NewJobPart } from './ai-jobs.repository.js';
import { PartsFileError, readPartsFile } from './parts-file.reader.js';

/** Largest parts file read into memory (a parts list, not a catalog). */
const MAX_PARTS_FILE_BYTES = 50 * 1024 * 1024;

/** AI fitment jobs (legacy spec 000): creation with de-duplication, the legacy API's list and progress. */
@Injectable()
export class AiJobsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: AiJobsRepository,
    private readonly submitter: JobSubmitterService,
    private readonly catalog: CatalogClientService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(FITMENT_ENV) private readonly env: FitmentEnv,
  ) {}

  /**
   * Creates a job for catalog products or a parts file. While a job for the same products (or the
   * same file) is queued or running, that one is answered instead (`created: false`).
   */
  async create(
    meta: RequestMeta,
    cmd: CreateFitmentJobCommand,
  ): Promise<AiFitmentJobCreatedDto & { created: boolean }> {
    const { parts, productIds, fileName, fileKey, dedupeKey } = await this.partsOf(meta, cmd);
    const { row, created } = await this.submitter.submit({
      meta,
      queue: FitmentQueueNames.Generate,
      name: FitmentJobNames.FitmentGenerate,
      params: { job_type: cmd.job_type, product_count: parts.length },
      dedupeKey,
      progressTotal: parts.length,
      inTransaction: (em, job) =>
        this.repo.insert(
          em,
          {
            jobId: job.id,
            tenantId: meta.tenantId,
            jobType: cmd.job_type,
            productIds,
            fileName,
            fileKey,
            provider: this.providerLabel(),
          },
          parts,
        ),
    });
    const job = await this.get(meta.tenantId, row.id);
    return {
      created,
      job_id: row.id,
      status: job.status,
      message: created
        ? 'AI fitment job created successfully and queued for processing'
        : 'An AI fitment job for the same products is already queued or running; this is that job',
      job,
    };
  }

  async list(tenantId: string, status: JobStatus | undefined, limit: number): Promise<AiFitmentJobDto[]> {
    const rows = await this.repo.list(this.dataSource.manager, tenantId, status, limit);
    return rows.map(toAiJobDto);
  }

  async get(tenantId: string, jobId: string): Promise<AiFitmentJobDto> {
    return toAiJobDto(await this.row(tenantId, jobId));
  }

  async progress(tenantId: string, jobId: string): Promise<AiFitmentJobProgressDto> {
    return toProgressDto(await this.row(tenantId, jobId));
  }

  /** The tenant's job, or JobNotFoundError (another tenant's job is not found either). Reads only. */
  private async row(tenantId: string, jobId: string): Promise<AiJobRow> {
    const row = await this.repo.find(this.dataSource.manager, jobId, tenantId);
    if (!row) throw new JobNotFoundError(jobId);
    return row;
  }

  /**
   * Refuses a selection naming products the tenant's catalog does not have: 400 naming each such id.
   * Another tenant's product is not in this tenant's catalog, so it is answered as an unknown id is.
   */
  private async checkProducts(meta: RequestMeta, ids: number[]): Promise<void> {
    let missing: number[];
    try {
      missing = (await this.catalog.getMany(meta, ids)).missing_ids;
    } catch (err) {
      if (err instanceof CatalogUnavailableError) throw FitmentError.catalogUnavailable(err.message);
      throw err;
    }
    if (missing.length > 0) throw FitmentError.productsNotFound(missing);
  }

  private providerLabel(): string {
    return this.env.FITMENT_PROVIDER === 'openai' ? `openai:${this.env.OPENAI_MODEL}`.slice(0, 20) : 'local';
  }

  private async partsOf(
    meta: RequestMeta,
    cmd: CreateFitmentJobCommand,
  ): Promise<{
    parts: NewJobPart[];
    productIds: number[];
    fileName: string;
    fileKey: string | null;
    dedupeKey: string;
  }> {
    if (cmd.job_type === 'selection') {
      const ids = [...new Set(cmd.product_ids ?? [])];
      await this.checkProducts(meta, ids);
      const digest = createHash('sha256')
        .update([...ids].sort((a, b) => a - b).join(','))
        .digest('hex');
      return {
        parts: ids.map((id) => ({ productId: id })),
        productIds: ids,
        fileName: '',
        fileKey: null,
        dedupeKey: `selection:${digest}`,
      };
    }
    const file = cmd.file!;
    if (file.size_bytes > MAX_PARTS_FILE_BYTES) {
      throw FitmentError.badRequest(
        `The parts file is larger than ${MAX_PARTS_FILE_BYTES / 1024 / 1024} MiB; split it into several jobs`,
      );
    }
    let content: Buffer;
    try {
      content = await buffer(await this.storage.open(file.storage_key));
    } catch (err) {
      if (err instanceof StorageNotFoundError)
        throw FitmentError.badRequest('The uploaded parts file is no longer stored; upload it again');
      throw err;
    }
    try {
      const { parts } = await readPartsFile(content, file.format);
      const productIds = [...new Set(parts.flatMap((p) => (p.productId ? [p.productId] : [])))];
      return {
        parts,
        productIds,
        fileName: file.file_name,
        fileKey: file.storage_key,
        dedupeKey: `upload:${file.sha256}`,
      };
    } catch (err) {
      if (err instanceof PartsFileError) throw FitmentError.badRequest(err.message, { product_file: [err.message] });
      throw err;
    }
  }
}
