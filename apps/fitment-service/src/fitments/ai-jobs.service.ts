import { createHash, randomUUID } from 'node:crypto';
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
  JobLifecycleService,
  JobNotFoundError,
  QueueService,
  StorageNotFoundError,
  type FileStorage,
  type JobRecord,
} from '@torque/platform';
import { DataSource } from 'typeorm';
import { toAiJobDto, toProgressDto } from './ai-job-view.js';
import { AiJobsRepository, type AiJobRow, type NewJobPart } from './ai-jobs.repository.js';
import { FITMENT_ENV, type FitmentEnv } from './fitment-env.js';
import { FitmentError } from './fitment.errors.js';
import { JobSettlement } from './job-settlement.js';
import { PartsFileError, readPartsFile } from './parts-file.reader.js';

/** Largest parts file read into memory (a parts list, not a catalog). */
const MAX_PARTS_FILE_BYTES = 50 * 1024 * 1024;

/** AI fitment jobs (seed 000): creation with de-duplication, the seed's list and progress. */
@Injectable()
export class AiJobsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: AiJobsRepository,
    private readonly lifecycle: JobLifecycleService,
    private readonly queues: QueueService,
    private readonly settlement: JobSettlement,
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
    const { parts, productIds, fileName, fileKey, dedupeKey } = await this.partsOf(cmd);
    const { row, created } = await this.lifecycle.create({
      id: randomUUID(),
      tenantId: meta.tenantId,
      type: FitmentJobNames.FitmentGenerate,
      params: { queue: FitmentQueueNames.Generate, job_type: cmd.job_type, product_count: parts.length },
      dedupeKey,
      correlationId: meta.correlationId,
      progressTotal: parts.length,
    });
    if (!created) {
      const job = await this.viewOf(row);
      return {
        created: false,
        job_id: row.id,
        status: job.status,
        message: 'An AI fitment job for the same products is already queued or running; this is that job',
        job,
      };
    }
    try {
      await this.dataSource.transaction((em) =>
        this.repo.insert(
          em,
          {
            jobId: row.id,
            tenantId: meta.tenantId,
            jobType: cmd.job_type,
            productIds,
            fileName,
            fileKey,
            provider: this.providerLabel(),
          },
          parts,
        ),
      );
      await this.queues.add(FitmentQueueNames.Generate, FitmentJobNames.FitmentGenerate, {
        jobId: row.id,
        meta: { tenantId: meta.tenantId, correlationId: meta.correlationId },
      });
    } catch (err) {
      await this.lifecycle
        .failed(row.id, 'enqueue_failed', 'The job could not be queued; submit it again')
        .catch(() => undefined);
      throw err;
    }
    const job = await this.get(meta.tenantId, row.id);
    return {
      created: true,
      job_id: row.id,
      status: job.status,
      message: 'AI fitment job created successfully and queued for processing',
      job,
    };
  }

  async list(tenantId: string, status: JobStatus | undefined, limit: number): Promise<AiFitmentJobDto[]> {
    const rows = await this.repo.list(this.dataSource.manager, tenantId, status, limit);
    return Promise.all(rows.map(async (r) => toAiJobDto(await this.settled(r))));
  }

  async get(tenantId: string, jobId: string): Promise<AiFitmentJobDto> {
    return toAiJobDto(await this.row(tenantId, jobId));
  }

  async progress(tenantId: string, jobId: string): Promise<AiFitmentJobProgressDto> {
    return toProgressDto(await this.row(tenantId, jobId));
  }

  /** The job's row; one left waiting for review with nothing pending is completed first. */
  async row(tenantId: string, jobId: string): Promise<AiJobRow> {
    const row = await this.repo.find(this.dataSource.manager, jobId, tenantId);
    if (!row) throw new JobNotFoundError(jobId);
    return this.settled(row);
  }

  private async settled(row: AiJobRow): Promise<AiJobRow> {
    if (row.status !== 'review_required' || row.fitments_count - row.approved_count - row.rejected_count > 0)
      return row;
    await this.settlement.settle([row.job_id]);
    return (await this.repo.find(this.dataSource.manager, row.job_id)) ?? row;
  }

  /** A job found by its de-duplication key whose fitment row is still being written: what the job row says. */
  private async viewOf(row: JobRecord): Promise<AiFitmentJobDto> {
    const found = await this.repo.find(this.dataSource.manager, row.id);
    if (found) return toAiJobDto(found);
    return {
      id: row.id,
      job_type: (row.params.job_type as AiFitmentJobDto['job_type']) ?? 'selection',
      status: row.status,
      product_count: row.progress_total,
      products_processed: row.progress_current,
      fitments_count: 0,
      approved_count: 0,
      rejected_count: 0,
      pending_count: 0,
      product_ids: [],
      product_file_name: '',
      progress_percent: 0,
      created_at: row.created_at.toISOString(),
      started_at: row.started_at?.toISOString() ?? null,
      completed_at: row.completed_at?.toISOString() ?? null,
      error_message: row.error_message,
    };
  }

  private providerLabel(): string {
    return this.env.FITMENT_PROVIDER === 'openai' ? `openai:${this.env.OPENAI_MODEL}`.slice(0, 20) : 'local';
  }

  private async partsOf(cmd: CreateFitmentJobCommand): Promise<{
    parts: NewJobPart[];
    productIds: number[];
    fileName: string;
    fileKey: string | null;
    dedupeKey: string;
  }> {
    if (cmd.job_type === 'selection') {
      const ids = [...new Set(cmd.product_ids ?? [])];
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
