import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  EventNames,
  foreignFields,
  IMPORT_FIELDS,
  JobNames,
  PREVIEW_DEADLINE_MS,
  QueueNames,
  type ColumnMapping,
  type ConflictDto,
  type ImportProblemDto,
  type ListConflictsCommand,
  type ListUploadsCommand,
  type MappingDto,
  type Page,
  type PreviewCommand,
  type PreviewDto,
  type ProcessAcceptedDto,
  type ProcessCommand,
  type RegisterUploadCommand,
  type RequestMeta,
  type ResolveConflictCommand,
  type SaveMappingDto,
  type CeleryProgressDto,
  type CeleryTaskState,
  type StoredFileRef,
  type UploadDto,
} from '@torque/contracts';
import {
  enqueueEvent,
  FILE_STORAGE,
  JobLifecycleService,
  JobSubmitterService,
  OutboxRelayService,
  rpcError,
  SERVICE_ENV,
  StorageNotFoundError,
  UnreadableFileError,
  type FileStorage,
  type JobRecord,
  type ServiceEnv,
} from '@torque/platform';
import { DataSource } from 'typeorm';
import { LOCK_NOT_AVAILABLE, sqlState } from '../catalog/pg-errors.js';
import { ImportRunner, MappingError } from './pipeline/import-runner.js';
import { INGESTION_ENV, type IngestionEnv } from '../ingestion-env.js';
import { headerRowOf } from './pipeline/row-source.js';
import { toConflictDto, toUploadDto, UploadsRepository, type UploadRecord } from './uploads.repository.js';

/** Import jobs of small files go first (Bull priority 1 is the highest). */
export function importPriority(sizeBytes: number): number {
  const mb = sizeBytes / (1024 * 1024);
  return mb < 1 ? 1 : mb < 10 ? 2 : mb < 100 ? 3 : 4;
}

/** Where an upload's rejected rows report is stored. */
export function errorsKeyOf(upload: Pick<UploadRecord, 'storage_key'>): string {
  return upload.storage_key.replace(/\/[^/]+$/, '/rejected-rows.csv');
}

const CELERY_STATE: Record<JobRecord['status'], CeleryTaskState> = {
  queued: 'PENDING',
  processing: 'PROGRESS',
  review_required: 'PROGRESS',
  completed: 'SUCCESS',
  failed: 'FAILURE',
  cancelled: 'REVOKED',
};

/** Use-cases of uploads: register, list, preview, process, conflicts, mappings and the legacy API's progress view. */
@Injectable()
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: UploadsRepository,
    private readonly runner: ImportRunner,
    private readonly submitter: JobSubmitterService,
    private readonly lifecycle: JobLifecycleService,
    private readonly relay: OutboxRelayService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
    @Inject(INGESTION_ENV) private readonly ingestionEnv: IngestionEnv,
  ) {}

  async register(meta: RequestMeta, cmd: RegisterUploadCommand): Promise<UploadDto> {
    this.checkMappingKind(cmd.kind, cmd.mapping);
    await this.checkHeaderRow(cmd);
    await this.dataSource.transaction(async (em) => {
      await this.repo.lockContent(em, meta.tenantId, cmd.sha256);
      if (!cmd.force) {
        const existing = await this.repo.findBySha(em, meta.tenantId, cmd.sha256);
        if (existing) {
          throw rpcError(
            409,
            'conflict',
            `This file was uploaded before as upload ${existing.id} (${existing.file_name}, ${existing.created_at.toISOString()}); ` +
              'send force=true to upload it again',
            { uploadId: [existing.id] },
          );
        }
      }
      await this.repo.insert(em, meta.tenantId, meta.userId, cmd);
    });
    return this.get(meta, cmd.id);
  }

  async list(meta: RequestMeta, cmd: ListUploadsCommand): Promise<Page<UploadDto>> {
    const { rows, total } = await this.repo.list(meta.tenantId, cmd, cmd.offset, cmd.limit);
    return {
      data: rows.map(toUploadDto),
      meta: { page: Math.floor(cmd.offset / cmd.limit) + 1, limit: cmd.limit, total },
    };
  }

  async get(meta: RequestMeta, id: string): Promise<UploadDto> {
    return toUploadDto(await this.mustFind(meta, id));
  }

  /** A dry run: the real pipeline on the first IMPORT_PREVIEW_MAX_ROWS rows, in a transaction that is rolled back. */
  async preview(meta: RequestMeta, cmd: PreviewCommand): Promise<PreviewDto> {
    const upload = await this.mustFind(meta, cmd.uploadId);
    this.checkMappingKind(upload.kind, cmd.mapping);
    const mode = cmd.mode ?? upload.mode;
    const base = { uploadId: upload.id, kind: upload.kind, mode };
    // Ends a little before the gateway stops waiting (PREVIEW_DEADLINE_MS, not RPC_TIMEOUT_MS), so the caller hears why.
    const deadline = AbortSignal.timeout(PREVIEW_DEADLINE_MS - 1000);
    try {
      const o = await this.runner.run(
        {
          ...(await this.specOf(meta, upload, cmd.mapping)),
          mode,
          maxErrors: Number.MAX_SAFE_INTEGER,
          dryRun: true,
          maxRows: this.ingestionEnv.IMPORT_PREVIEW_MAX_ROWS,
          sampleRows: cmd.sampleRows ?? 20,
        },
        { signal: deadline, throwIfCancelled: () => deadline.throwIfAborted() },
      );
      return {
        ...base,
        mapping: o.mapping,
        columns: o.columns,
        sampleRows: o.sample,
        rowsConsidered: o.rowsConsidered,
        complete: o.complete,
        counts: o.counts,
        problems: o.problems,
        warnings: o.warnings,
        quality: o.quality,
      };
    } catch (err) {
      if (err instanceof MappingError) {
        // The mapping is the problem: show what was detected, with each missing column as a header-row problem.
        const problems: ImportProblemDto[] = err.mapping.missingRequired.map((field) => ({
          row: 1,
          column: null,
          field,
          value: null,
          expected: `a column for ${field} (required); name it in the mapping`,
          severity: 'error',
        }));
        const columns = Object.values(err.mapping.fields)
          .filter((h): h is string => h !== null)
          .concat(err.mapping.unmappedColumns);
        for (const { field, column } of err.unknownColumns) {
          problems.push({
            row: 1,
            column: null,
            field,
            value: column,
            expected: `a column of the file (it has: ${err.headers.filter(Boolean).join(', ')})`,
            severity: 'error',
          });
        }
        if (problems.length === 0)
          problems.push({ row: 1, column: null, field: null, value: null, expected: err.message, severity: 'error' });
        return {
          ...base,
          mapping: err.mapping,
          columns,
          sampleRows: [],
          rowsConsidered: 0,
          complete: false,
          counts: {},
          problems,
          warnings: [],
          quality: {
            score: 0,
            validShare: 0,
            completeness: 0,
            completenessByField: {},
            duplicateRows: 0,
            priceOutliers: 0,
          },
        };
      }
      if (sqlState(err) === LOCK_NOT_AVAILABLE) {
        throw rpcError(
          409,
          'conflict',
          `An import is writing purchase orders of this file: preview it again once that import has finished (waited ${this.ingestionEnv.IMPORT_PREVIEW_LOCK_TIMEOUT_MS} ms, IMPORT_PREVIEW_LOCK_TIMEOUT_MS)`,
        );
      }
      if (deadline.aborted) {
        throw rpcError(
          504,
          'service_timeout',
          `The preview took longer than ${PREVIEW_DEADLINE_MS / 1000} s; lower IMPORT_PREVIEW_MAX_ROWS (now ${this.ingestionEnv.IMPORT_PREVIEW_MAX_ROWS})`,
        );
      }
      throw this.fileError(err);
    }
  }

  async process(meta: RequestMeta, cmd: ProcessCommand): Promise<ProcessAcceptedDto> {
    const upload = await this.mustFind(meta, cmd.uploadId);
    this.checkMappingKind(upload.kind, cmd.mapping);
    const { row } = await this.submitter.submit({
      meta,
      queue: QueueNames.Import,
      name: JobNames.Import,
      params: {
        uploadId: upload.id,
        mode: cmd.mode ?? upload.mode,
        maxErrors: cmd.maxErrors ?? this.ingestionEnv.IMPORT_MAX_ERRORS,
        mapping: cmd.mapping ?? null,
      },
      dedupeKey: upload.id,
      progressTotal: upload.row_estimate ?? 0,
      options: { priority: importPriority(Number(upload.size_bytes)) },
      inTransaction: (em, job) => this.repo.markQueued(em, upload.id, job.id),
    });
    return { upload: await this.get(meta, upload.id), job: this.lifecycle.view(row) };
  }

  async errorsFile(meta: RequestMeta, id: string): Promise<StoredFileRef> {
    const upload = await this.mustFind(meta, id);
    if (!upload.errors_key) throw rpcError(404, 'not_found', `Upload ${id} has no rejected rows`);
    return {
      storageKey: upload.errors_key,
      fileName: `${upload.file_name.replace(/\.(csv|xlsx)$/i, '')}-rejected-rows.csv`,
    };
  }

  async listConflicts(meta: RequestMeta, cmd: ListConflictsCommand): Promise<Page<ConflictDto>> {
    await this.mustFind(meta, cmd.uploadId);
    const { rows, total } = await this.repo.listConflicts(
      meta.tenantId,
      cmd.uploadId,
      cmd.status,
      cmd.offset,
      cmd.limit,
    );
    return {
      data: rows.map(toConflictDto),
      meta: { page: Math.floor(cmd.offset / cmd.limit) + 1, limit: cmd.limit, total },
    };
  }

  /**
   * Applies a person's decision: the catalog gets the chosen value (a supplier's or product's field),
   * or for a price outlier, keep_existing leaves the imported line's price out of the price history.
   */
  async resolveConflict(meta: RequestMeta, cmd: ResolveConflictCommand): Promise<ConflictDto> {
    const resolved = await this.dataSource.transaction(async (em) => {
      const c = await this.repo.lockConflict(em, meta.tenantId, cmd.conflictId);
      if (!c) throw rpcError(404, 'not_found', `Conflict ${cmd.conflictId} not found`);
      if (c.status === 'resolved')
        throw rpcError(409, 'conflict', `Conflict ${c.id} was resolved already (${c.resolution})`);
      const value = cmd.resolution === 'keep_existing' ? c.existing_value : c.incoming_value;
      if (c.entity === 'supplier' && c.entity_id) {
        await em.query(`UPDATE suppliers SET name = $2, updated_at = now() WHERE id = $1 AND tenant_id = $3`, [
          c.entity_id,
          value,
          meta.tenantId,
        ]);
      } else if (c.entity === 'product' && c.entity_id) {
        const column = ({ name: 'name', brand: 'brand', category: 'category' } as Record<string, string>)[c.field];
        if (!column) throw rpcError(409, 'conflict', `Conflict ${c.id} is about ${c.field}, which cannot be set here`);
        const [, changed]: [unknown, number] = await em.query(
          `UPDATE products SET ${column} = $2::text, updated_at = now() WHERE id = $1 AND tenant_id = $3 AND ${column} IS DISTINCT FROM $2::text`,
          [c.entity_id, value, meta.tenantId],
        );
        if (changed > 0) {
          await enqueueEvent(em, EventNames.CatalogProductsChanged, 'ingestion', meta.tenantId, meta.correlationId, {
            kind: 'updated',
            productIds: [Number(c.entity_id)],
            source: { type: 'manual', userId: meta.userId },
          });
        }
      } else if (c.entity === 'price' && c.entity_id && cmd.resolution === 'keep_existing') {
        await em.query(`UPDATE purchase_order_lines SET price_excluded = true WHERE id = $1 AND tenant_id = $2`, [
          c.entity_id,
          meta.tenantId,
        ]);
        const [line]: { product_id: string }[] = await em.query(
          `SELECT product_id FROM purchase_order_lines WHERE id = $1 AND tenant_id = $2`,
          [c.entity_id, meta.tenantId],
        );
        if (line) {
          await enqueueEvent(em, EventNames.CatalogPricesChanged, 'ingestion', meta.tenantId, meta.correlationId, {
            productIds: [Number(line.product_id)],
            source: { type: 'manual', userId: meta.userId },
          });
        }
      }
      return this.repo.markResolved(em, c.id, cmd.resolution, meta.userId);
    });
    this.relay.kick();
    return toConflictDto(resolved);
  }

  async saveMapping(meta: RequestMeta, cmd: SaveMappingDto): Promise<MappingDto> {
    this.checkMappingKind(cmd.kind, cmd.mapping);
    return this.repo.saveMapping(meta.tenantId, cmd.kind, cmd.supplierCode ?? null, cmd.mapping);
  }

  async listMappings(
    meta: RequestMeta,
    kind?: SaveMappingDto['kind'],
    supplierCode?: string,
  ): Promise<{ data: MappingDto[] }> {
    return { data: await this.repo.listMappings(meta.tenantId, kind, supplierCode) };
  }

  /** The legacy API's `task_progress` view of an import job. */
  async progress(meta: RequestMeta, jobId: string): Promise<CeleryProgressDto> {
    const row = await this.lifecycle.get(jobId, meta.tenantId);
    const state = CELERY_STATE[row.status];
    const result =
      state === 'SUCCESS' && row.result && typeof row.result === 'object'
        ? (row.result as Record<string, unknown>)
        : null;
    return {
      state,
      current: row.progress_current,
      total: row.progress_total,
      status: this.celeryStatus(state, row.progress_message || 'Starting...'),
      result,
      error: state === 'FAILURE' ? (row.error_message ?? row.error_code ?? 'failed') : null,
    };
  }

  /** The legacy API's status line: the step running or done ("Cancelled" once cancelled); for a failed import the step it failed in. */
  private celeryStatus(state: CeleryTaskState, step: string): string {
    if (state === 'PENDING') return 'Waiting to start...';
    if (state === 'FAILURE') return `Failed during: ${step}`;
    return step;
  }

  /** What the runner needs to read an upload: its file, supplier and mapping layers (saved, then upload's, then request's). */
  async specOf(
    meta: { tenantId: string; correlationId: string | null },
    upload: UploadRecord,
    requestMapping?: ColumnMapping | null,
  ) {
    const saved = await this.repo.savedMapping(upload.tenant_id, upload.kind, upload.supplier_code);
    return {
      uploadId: upload.id,
      tenantId: upload.tenant_id,
      correlationId: meta.correlationId,
      kind: upload.kind,
      format: upload.format,
      storageKey: upload.storage_key,
      sizeBytes: Number(upload.size_bytes),
      rowEstimate: upload.row_estimate,
      supplierCode: upload.supplier_code,
      mapping: { saved, explicit: { ...(upload.mapping ?? {}), ...(requestMapping ?? {}) } },
    };
  }

  private async mustFind(meta: RequestMeta, id: string): Promise<UploadRecord> {
    const upload = await this.repo.find(meta.tenantId, id);
    if (!upload) throw rpcError(404, 'not_found', `Upload ${id} not found`);
    return upload;
  }

  /**
   * Refuses a CSV file without a header row now, at upload, rather than at its preview or import: the header row
   * is read from storage as the import reads it (the first chunk of the file). Not for .xlsx: exceljs reaches the
   * rows of a worksheet stored before its shared strings only at the end of the archive, so the header row would
   * cost reading (and holding) the whole file: 1 s and some 170 MiB more for the benchmark's 100,000 rows; the gateway
   * checked that the archive is a complete workbook, and a workbook without a readable sheet fails its preview or
   * import. Should the read take longer than half of RPC_TIMEOUT_MS (the gateway would remove the file while it
   * is registered here), the file is taken unchecked, and logged.
   */
  private async checkHeaderRow(cmd: RegisterUploadCommand): Promise<void> {
    if (cmd.format !== 'csv') return;
    const waitMs = this.env.RPC_TIMEOUT_MS / 2;
    const source = await this.storage.open(cmd.storageKey).catch((err: unknown) => {
      throw this.fileError(err);
    });
    const reading = headerRowOf(cmd.format, source).then(
      () => 'readable' as const,
      (err: unknown) => err,
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, waitMs, 'late')));
    const outcome = await Promise.race([reading, late]);
    clearTimeout(timer);
    if (outcome === 'readable') return;
    if (outcome === 'late') {
      this.logger.log(`Upload ${cmd.id}: the header row was not read within ${waitMs} ms; the file is taken unchecked`);
      return;
    }
    throw this.fileError(outcome);
  }

  private checkMappingKind(kind: UploadRecord['kind'], mapping: ColumnMapping | null | undefined): void {
    const foreign = mapping ? foreignFields(kind, mapping) : [];
    if (foreign.length) {
      throw rpcError(400, 'validation_failed', `A ${kind} file has no field ${foreign.join(', ')}`, {
        mapping: [`the fields of a ${kind} file are ${IMPORT_FIELDS[kind].join(', ')}`],
      });
    }
  }

  private fileError(err: unknown): unknown {
    if (err instanceof UnreadableFileError) {
      // Refused as an upload is: not of its format at all (415), or unreadable as it (400); details name the file.
      return err.wrongFormat
        ? rpcError(415, 'unsupported_media_type', err.message, { file: [err.message] })
        : rpcError(400, 'validation_failed', err.message, { file: [err.message] });
    }
    if (err instanceof StorageNotFoundError)
      return rpcError(410, 'not_found', 'The uploaded file is no longer in storage; upload it again');
    return err;
  }
}
