import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  FitmentJobNames,
  FitmentQueueNames,
  type CreateFitmentExportDto,
  type ExportFileRef,
  type FitmentExportDto,
  type Page,
  type RequestMeta,
} from '@torque/contracts';
import {
  FILE_STORAGE,
  JobLifecycleService,
  JobSubmitterService,
  storageSegment,
  type FileStorage,
} from '@torque/platform';
import { DataSource } from 'typeorm';
import { FITMENT_ENV, type FitmentEnv } from '../common/fitment-env.js';
import { FitmentError } from '../common/fitment.errors.js';
import { acesXml, fitmentsCsv } from './aces-xml.writer.js';
import { ExportsRepository, type ExportRow } from './exports.repository.js';

export function toExportDto(row: ExportRow): FitmentExportDto {
  return {
    id: row.id,
    format: row.format,
    submission_type: row.submission_type,
    since_export_id: row.since_export_id,
    status: row.status,
    job_id: row.job_id,
    fitment_count: row.fitment_count,
    add_count: row.add_count,
    delete_count: row.delete_count,
    file_name: row.file_name,
    size_bytes: row.size_bytes === null ? null : Number(row.size_bytes),
    download_url: row.status === 'completed' ? `/api/v1/fitment/exports/${row.id}/file` : null,
    error_message: row.error_message,
    created_at: row.created_at.toISOString(),
    completed_at: row.completed_at?.toISOString() ?? null,
  };
}

/**
 * ACES XML and CSV exports of a tenant's approved fitments, full or as net change since an earlier
 * export. Every export keeps its approved set as a snapshot (export_items), which is what later net
 * changes compare with. Exports up to FITMENT_EXPORT_INLINE_MAX fitments are built in the request;
 * larger ones run as a job on the `export` queue.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: ExportsRepository,
    private readonly lifecycle: JobLifecycleService,
    private readonly submitter: JobSubmitterService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(FITMENT_ENV) private readonly env: FitmentEnv,
  ) {}

  async create(meta: RequestMeta, cmd: CreateFitmentExportDto): Promise<FitmentExportDto> {
    const em = this.dataSource.manager;
    const format = cmd.format ?? 'aces';
    const submissionType = cmd.submission_type ?? 'FULL';
    let since: ExportRow | null = null;
    if (submissionType === 'NET_CHANGE') {
      since = cmd.since_export_id
        ? await this.repo.find(em, cmd.since_export_id, meta.tenantId)
        : await this.repo.latestCompleted(em, meta.tenantId, format);
      if (cmd.since_export_id && !since) throw FitmentError.exportNotFound(cmd.since_export_id);
      if (!since)
        throw FitmentError.conflict(
          'There is no earlier completed export to compute a net change from; make a FULL export first',
        );
      if (since.status !== 'completed')
        throw FitmentError.conflict(`Export ${since.id} is ${since.status}; a net change needs a completed one`);
    } else if (cmd.since_export_id) {
      throw FitmentError.badRequest('since_export_id goes with submission_type NET_CHANGE', {
        since_export_id: ['only for NET_CHANGE'],
      });
    }
    const header = {
      company: cmd.company ?? meta.tenantId,
      sender_name: cmd.sender_name ?? meta.tenantId,
      ...(cmd.brand_aaiaid ? { brand_aaiaid: cmd.brand_aaiaid } : {}),
    };
    const approved = await this.repo.countApproved(em, meta.tenantId);
    const inline = approved <= this.env.FITMENT_EXPORT_INLINE_MAX;
    const newExport = {
      id: randomUUID(),
      tenantId: meta.tenantId,
      format,
      submissionType,
      sinceExportId: since?.id ?? null,
      header,
      createdBy: meta.userId ?? null,
    };
    if (inline) {
      await this.repo.insert(em, { ...newExport, status: 'processing', jobId: null });
      return toExportDto(await this.build(newExport.id));
    }
    try {
      await this.submitter.submit({
        meta,
        queue: FitmentQueueNames.Export,
        name: FitmentJobNames.FitmentExport,
        params: { export_id: newExport.id },
        progressTotal: approved,
        inTransaction: async (tx, job) => {
          await this.repo.insert(tx, { ...newExport, status: 'queued', jobId: job.id });
        },
      });
    } catch (err) {
      // The job row and the export were committed; the Bull add failed and the job is failed already.
      if (await this.repo.find(em, newExport.id)) {
        await this.repo.update(em, newExport.id, {
          status: 'failed',
          error_message: 'The export could not be queued',
          completed: true,
        });
      }
      throw err;
    }
    return toExportDto((await this.repo.find(em, newExport.id))!);
  }

  /** Snapshot, then the file into storage; the export row ends completed (or failed, with the reason). */
  async build(exportId: string, signal?: AbortSignal): Promise<ExportRow> {
    const em = this.dataSource.manager;
    const row = await this.repo.find(em, exportId);
    if (!row) throw FitmentError.exportNotFound(exportId);
    try {
      await this.repo.update(em, exportId, { status: 'processing' });
      const fitmentCount = await this.repo.snapshot(em, exportId, row.tenant_id);
      const changes = row.since_export_id
        ? await this.repo.changeCounts(em, exportId, row.since_export_id)
        : { adds: fitmentCount, deletes: 0 };
      signal?.throwIfAborted();
      const today = new Date().toISOString().slice(0, 10);
      const ext = row.format === 'aces' ? 'xml' : 'csv';
      const kind = row.submission_type === 'FULL' ? 'FULL' : 'NET';
      const fileName = `${row.format}-${storageSegment(row.tenant_id)}-${today.replace(/-/g, '')}-${kind}-${exportId.slice(0, 8)}.${ext}`;
      const key = `fitment/exports/${storageSegment(row.tenant_id)}/${exportId}.${ext}`;
      const apps = this.repo.apps(em, exportId, row.since_export_id);
      const chunks =
        row.format === 'aces'
          ? acesXml(
              {
                company: row.header.company ?? row.tenant_id,
                senderName: row.header.sender_name ?? row.tenant_id,
                brandAaiaId: row.header.brand_aaiaid,
                transferDate: today,
                effectiveDate: today,
                submissionType: row.submission_type === 'FULL' ? 'FULL' : 'NET CHANGES',
                documentTitle: `${row.tenant_id} fitments${row.submission_type === 'FULL' ? '' : ` since export ${row.since_export_id}`}`,
                vcdbVersionDate: today,
              },
              apps,
            )
          : fitmentsCsv(apps);
      const stored = await this.storage.put(key, Readable.from(chunks, { objectMode: false }));
      return await this.repo.update(em, exportId, {
        status: 'completed',
        fitment_count: fitmentCount,
        add_count: changes.adds,
        delete_count: changes.deletes,
        file_name: fileName,
        storage_key: key,
        size_bytes: stored.size,
        completed: true,
      });
    } catch (err) {
      const message = (err as Error).message;
      this.logger.error(`export ${exportId} failed: ${message}`);
      await this.repo.update(em, exportId, {
        status: signal?.aborted ? 'cancelled' : 'failed',
        error_message: message,
        completed: true,
      });
      throw err;
    }
  }

  async get(tenantId: string, id: string): Promise<FitmentExportDto> {
    return toExportDto(await this.row(tenantId, id));
  }

  async list(tenantId: string, offset: number, limit: number): Promise<Page<FitmentExportDto>> {
    const { rows, total } = await this.repo.list(this.dataSource.manager, tenantId, offset, limit);
    return { data: rows.map(toExportDto), meta: { page: Math.floor(offset / limit) + 1, limit, total } };
  }

  async file(tenantId: string, id: string): Promise<ExportFileRef> {
    const row = await this.row(tenantId, id);
    if (row.status !== 'completed' || !row.storage_key || !row.file_name) {
      throw FitmentError.conflict(`Export ${id} is ${row.status}; its file is there once it is completed`);
    }
    return {
      storage_key: row.storage_key,
      file_name: row.file_name,
      content_type: row.format === 'aces' ? 'application/xml' : 'text/csv',
    };
  }

  /**
   * The export; one whose job ended without building it (cancelled, or failed for good) is answered
   * with its job's end, without writing on a read.
   */
  private async row(tenantId: string, id: string): Promise<ExportRow> {
    const row = await this.repo.find(this.dataSource.manager, id, tenantId);
    if (!row) throw FitmentError.exportNotFound(id);
    if ((row.status === 'queued' || row.status === 'processing') && row.job_id) {
      const job = await this.lifecycle.get(row.job_id).catch(() => null);
      if (job && (job.status === 'cancelled' || job.status === 'failed')) {
        return {
          ...row,
          status: job.status,
          error_message: job.error_message ?? 'The export job was cancelled',
          completed_at: job.completed_at ?? row.completed_at,
        };
      }
    }
    return row;
  }
}
