import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  emptyImportCounts,
  EventNames,
  type DetectedMappingDto,
  type ImportCounts,
  type ImportKind,
  type ImportMode,
  type ProductChangeKind,
  type PricesChangedEvent,
  type ProductsChangedEvent,
  type QualityDto,
  type UploadFormat,
} from '@torque/contracts';
import {
  enqueueEvent,
  FILE_STORAGE,
  rowsOf,
  SERVICE_ENV,
  UnreadableFileError,
  type CsvRow,
  type FileStorage,
  type ServiceEnv,
} from '@torque/platform';
import { once } from 'node:events';
import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { DataSource, type EntityManager } from 'typeorm';
import { CopyData } from './copy-text.js';
import { INGESTION_ENV, type IngestionEnv } from '../../ingestion-env.js';
import { mapHeaders, type MappingLayers, type UnknownColumn } from './header-mapper.js';
import {
  mergeProcurement,
  mergeProducts,
  PROCUREMENT_STAGE,
  PRODUCTS_STAGE,
  type MergeOutcome,
  type Sql,
} from './merge.sql.js';
import { RejectedRowsWriter } from './rejected-rows.js';
import { OPTIONAL_FIELDS, RowChecker, STAGE_COLUMNS, type Problem } from './row-checker.js';
import { ByteCounter, isBlankRow } from './row-source.js';

/** Problems and warnings kept in full on the upload (the rest are counted, and rejected rows are in the report). */
export const KEPT_PROBLEMS = 100;
/** Product ids per catalog.products.changed event. */
export const EVENT_CHUNK = 1000;
/** Conflicts recorded per import at most. */
export const CONFLICT_CAP = 1000;
/** COPY data is sent in pieces of about this many bytes. */
const COPY_PIECE = 64 * 1024;

/** The mapping cannot work: required fields without a column, or columns named that the file lacks. */
export class MappingError extends Error {
  constructor(
    message: string,
    readonly mapping: DetectedMappingDto,
    /** The file's column headers, in its order. */
    readonly headers: string[],
    /** Fields the mapping gives a column the file does not have. */
    readonly unknownColumns: UnknownColumn[] = [],
  ) {
    super(message);
    this.name = 'MappingError';
  }
}

/** More rows were bad than the import may skip; nothing was written. */
export class TooManyErrorsError extends Error {
  constructor(
    readonly maxErrors: number,
    readonly first: Problem,
    readonly errorsKey: string | null,
    readonly problems: Problem[],
    readonly mapping: DetectedMappingDto,
  ) {
    super(
      `More than ${maxErrors} rows are invalid, so the import stopped and nothing was written. ` +
        `First: row ${first.row}, ${first.column ?? first.field}: "${first.value ?? ''}" is not ${first.expected}`,
    );
    this.name = 'TooManyErrorsError';
  }
}

export interface ImportSpec {
  uploadId: string;
  tenantId: string;
  correlationId: string | null;
  kind: ImportKind;
  format: UploadFormat;
  storageKey: string;
  sizeBytes: number;
  rowEstimate: number | null;
  supplierCode: string | null;
  mode: ImportMode;
  maxErrors: number;
  mapping: MappingLayers;
  /** Preview: run everything, then roll back; no report is stored. */
  dryRun: boolean;
  /** Read at most this many data rows (previews). */
  maxRows?: number;
  /** Keep this many parsed rows for the answer (previews). */
  sampleRows?: number;
  /** Storage key of the rejected rows report. */
  errorsKey?: string;
}

export interface ImportHooks {
  signal: AbortSignal;
  throwIfCancelled(): void;
  progress(current: number, total: number, message: string, force?: boolean): Promise<void>;
  /** Runs inside the import's transaction just before it commits (to record the outcome with the data). */
  beforeCommit?(sql: Sql, outcome: ImportOutcome): Promise<void>;
}

export interface ImportOutcome {
  counts: ImportCounts;
  mapping: DetectedMappingDto;
  columns: string[];
  sample: Record<string, unknown>[];
  problems: Problem[];
  warnings: Problem[];
  quality: QualityDto;
  rowsConsidered: number;
  complete: boolean;
  errorsKey: string | null;
}

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Fails a COPY in flight (the server rolls it back) and waits until the connection is usable again. */
async function failCopy(copy: Writable): Promise<void> {
  if (copy.closed) return;
  const closed = once(copy, 'close').catch(() => undefined);
  if (!copy.destroyed) copy.destroy(new Error('import stopped'));
  // The server answers a CopyFail at once; should it not (a dead connection), the connection is ended anyway.
  await Promise.race([closed, sleep(5000)]);
}

const NO_HOOKS: Omit<ImportHooks, 'signal'> = {
  throwIfCancelled: () => undefined,
  progress: async () => undefined,
};

/**
 * Runs one import end to end on a connection of its own, in one transaction: the file is streamed
 * from storage, parsed (CSV or .xlsx), checked row by row and COPYed into a temporary staging table,
 * then merged into the catalog with a few set-based statements, the change events written to the
 * outbox, and the transaction committed (or rolled back: previews, failures, cancels). Memory is a
 * chunk of the file and one COPY piece, whatever the file's size.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
    @Inject(INGESTION_ENV) private readonly ingestionEnv: IngestionEnv,
  ) {}

  async run(spec: ImportSpec, hooksIn: Partial<ImportHooks> & { signal: AbortSignal }): Promise<ImportOutcome> {
    const hooks: ImportHooks = { ...NO_HOOKS, ...hooksIn };
    const input = new ByteCounter();
    const source = await this.storage.open(spec.storageKey);
    const feeding = pipeline(source, input).catch(() => undefined);
    const rows = rowsOf(spec.format, input)[Symbol.asyncIterator]();
    const client = new pg.Client({
      connectionString: this.env.DATABASE_URL,
      application_name: 'torque-ingestion-import',
      options: '-c search_path=ingestion,extensions',
    });
    client.on('error', (err: Error) => this.logger.warn(`import connection: ${err.message}`));
    let copy: ReturnType<typeof copyStreams.from> | null = null;
    let connected = false;
    let backendPid = 0;
    const abort = () => {
      // A COPY in flight is failed (CopyFail rolls it back); a statement in flight is cancelled.
      if (copy && !copy.destroyed) copy.destroy(new Error('import cancelled'));
      else if (backendPid) {
        this.dataSource.query('SELECT pg_cancel_backend($1)', [backendPid]).catch(() => undefined);
      }
    };
    hooks.signal.addEventListener('abort', abort);
    const errors = spec.errorsKey && !spec.dryRun ? spec.errorsKey : null;
    let report: RejectedRowsWriter | null = null;
    let committed = false;
    try {
      // The first batch is the header row alone (see RowBatches).
      const first = await rows.next();
      const [headerRow] = first.done ? [] : first.value;
      if (!headerRow || isBlankRow(headerRow)) throw new UnreadableFileError('The file is empty: it has no header row');
      const headers = headerRow.fields.map((h) => h.trim());
      const mapping = mapHeaders(spec.kind, headers, spec.mapping);
      const { unknownColumns } = mapping;
      const detected: DetectedMappingDto = {
        fields: mapping.fields,
        source: mapping.source,
        unmappedColumns: mapping.unmappedColumns,
        missingRequired: mapping.missingRequired,
      };
      if (
        spec.kind === 'procurement' &&
        mapping.index.supplier_code === undefined &&
        mapping.index.supplier_name === undefined &&
        !spec.supplierCode
      ) {
        detected.missingRequired = [...detected.missingRequired, 'supplier_code'];
      }
      if (unknownColumns.length) {
        throw new MappingError(
          `The mapping names columns the file does not have: ${unknownColumns.map((u) => `${u.field}: "${u.column}"`).join(', ')}; ` +
            `the file has: ${headers.filter(Boolean).join(', ')}`,
          detected,
          headers,
          unknownColumns,
        );
      }
      if (detected.missingRequired.length) {
        throw new MappingError(
          `No column was found for ${detected.missingRequired.join(', ')} (required for ${spec.kind} files). ` +
            `Give a mapping that names the column of each, e.g. {"${detected.missingRequired[0]}": "<column header>"}; ` +
            `the file has: ${headers.filter(Boolean).join(', ')}`,
          detected,
          headers,
        );
      }
      if (errors) report = new RejectedRowsWriter(this.storage, errors, headers);
      const checker = new RowChecker(spec.kind, mapping, headers, {
        supplierCode: spec.supplierCode,
        defaultCurrency: this.ingestionEnv.IMPORT_DEFAULT_CURRENCY,
      });

      await client.connect();
      connected = true;
      backendPid = Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
      hooks.throwIfCancelled();
      const sql: Sql = (text, params) => client.query(text, params as unknown[]);
      // Temporary tables live in the backend's own buffers; a large staging table needs more than the default 8 MB.
      await sql(`SET temp_buffers = '256MB'`);
      await sql('BEGIN');
      await sql(`SET LOCAL work_mem = '256MB'`);
      // The merge's statements are few and large: JIT compiling them (inlined and optimised above a cost of 500,000)
      // took longer than it saved, 0.9 s of 2.2 s for the lines of a 200,000-row re-import.
      await sql(`SET LOCAL jit = off`);
      // A preview answers while its caller waits: rather than queue behind an import that holds the same orders, it says so.
      if (spec.dryRun) await sql(`SET LOCAL lock_timeout = '${this.ingestionEnv.IMPORT_PREVIEW_LOCK_TIMEOUT_MS}ms'`);
      await sql(spec.kind === 'procurement' ? PROCUREMENT_STAGE : PRODUCTS_STAGE);

      // --- Load: parse, check, COPY ---
      const problems: Problem[] = [];
      const warnings: Problem[] = [];
      let rejected = 0;
      let warningRows = 0;
      let dataRows = 0;
      let warnedRow = -1;
      let rowErrors: string[] = [];
      let firstError: Problem | null = null;
      const sink = {
        error: (p: Problem) => {
          firstError ??= p;
          rowErrors.push(`${p.column ?? p.field}: "${p.value ?? ''}" is not ${p.expected}`);
          if (problems.length < KEPT_PROBLEMS) problems.push(p);
        },
        warning: (p: Problem) => {
          if (p.row !== warnedRow) {
            warnedRow = p.row;
            warningRows++;
          }
          if (warnings.length < KEPT_PROBLEMS) warnings.push(p);
        },
      };
      const sample: Record<string, unknown>[] = [];
      const wantSample = spec.sampleRows ?? 0;
      // An estimate while rows are being read, always above the rows read so far: a total reached counts as the
      // job's last unit, whose progress is written at once (unthrottled), and an .xlsx file is read ahead of
      // its rows, so its byte-based estimate meets the rows read long before the end.
      const total = () => Math.max(dataRows + 1, this.estimateRows(spec, dataRows, input.bytes));
      const maxRows = spec.maxRows ?? Number.POSITIVE_INFINITY;
      let complete = true;

      copy = client.query(copyStreams.from(`COPY stage (${STAGE_COLUMNS[spec.kind].join(', ')}) FROM STDIN`));
      const copied = once(copy, 'finish');
      copied.catch(() => undefined);
      const copyData = new CopyData(COPY_PIECE);
      await hooks.progress(0, total(), 'Loading rows', true);
      let batch: Iterable<CsvRow> = [];
      for (;;) {
        for (const row of batch) {
          if (dataRows >= maxRows) {
            complete = false;
            break;
          }
          dataRows++;
          rowErrors = [];
          const record = sample.length < wantSample ? {} : undefined;
          const line = checker.check(row.fields, row.line, sink, record);
          if (line !== null) copyData.add(line);
          else {
            rejected++;
            report?.add(row.fields, rowErrors);
            if (rejected > spec.maxErrors) {
              const reportKey = report ? await report.finish() : null;
              report = null;
              throw new TooManyErrorsError(spec.maxErrors, firstError!, reportKey, problems, detected);
            }
          }
          if (record) {
            sample.push(
              line !== null
                ? record
                : {
                    row: row.line,
                    rejected: true,
                    errors: rowErrors,
                    values: Object.fromEntries(headers.map((h, i) => [h, row.fields[i] ?? ''])),
                  },
            );
          }
          if (copyData.full) {
            const more = copy.write(copyData.take());
            if (!more) await once(copy, 'drain', { signal: hooks.signal });
          }
        }
        hooks.throwIfCancelled();
        await hooks.progress(dataRows, total(), 'Loading rows');
        // Parsing is CPU work: let the process's other I/O (requests, a cancel) in between batches.
        await setImmediate();
        if (!complete) break;
        const next = await untilAborted(rows.next(), hooks.signal);
        if (next.done) break;
        batch = next.value;
      }
      if (!complete) await rows.return(undefined);
      copy.end(copyData.take(true));
      await untilAborted(copied, hooks.signal);
      copy = null;
      hooks.throwIfCancelled();
      const loaded = dataRows - rejected;

      // --- Merge ---
      let stepNo = 0;
      const steps = spec.kind === 'procurement' ? 7 : 3;
      const step = async (message: string) => {
        hooks.throwIfCancelled();
        stepNo++;
        await hooks.progress(dataRows, dataRows, `${message} (step ${Math.min(stepNo, steps)} of ${steps})`, true);
      };
      const params = {
        tenantId: spec.tenantId,
        uploadId: spec.uploadId,
        upsert: spec.mode === 'upsert',
        namesSuppliers: checker.namesSuppliers,
        numbersLines: mapping.index.line_no !== undefined,
        productFields: {
          name: mapping.index.name !== undefined,
          description: mapping.index.description !== undefined,
          brand: mapping.index.brand !== undefined,
          category: mapping.index.category !== undefined,
        },
        conflictCap: CONFLICT_CAP,
        outlierPct: this.ingestionEnv.IMPORT_PRICE_OUTLIER_PCT,
        // A preview is rolled back: it writes no partition (nor takes a block number or the lock of an attach).
        blockMinLines: spec.dryRun ? Number.POSITIVE_INFINITY : this.ingestionEnv.IMPORT_BLOCK_MIN_LINES,
      };
      const merged: MergeOutcome =
        loaded === 0
          ? {
              counts: {},
              createdProductIds: [],
              updatedProductIds: [],
              pricedProductIds: [],
              duplicateRows: 0,
              droppedRows: 0,
              priceOutliers: 0,
              duplicateWarnings: [],
              nameWarnings: [],
            }
          : spec.kind === 'procurement'
            ? await mergeProcurement(sql, params, step)
            : await mergeProducts(sql, params, step);
      for (const d of merged.duplicateWarnings) {
        sink.warning({
          row: d.row,
          column: null,
          field: null,
          value: d.key,
          expected: 'a key not repeated later in the file (a later row replaced this one)',
          severity: 'warning',
        });
      }
      for (const w of merged.nameWarnings) {
        sink.warning({
          row: w.row,
          column: headers[mapping.index.supplier_name] ?? null,
          field: 'supplier_name',
          value: w.name,
          expected: `the name supplier ${w.code} has on other rows of the file ("${w.used}", which is the one imported)`,
          severity: 'warning',
        });
      }

      const counts: ImportCounts = {
        ...emptyImportCounts(),
        ...merged.counts,
        processed: loaded - merged.droppedRows,
        rejected_rows: rejected,
        warning_rows: warningRows,
      };
      const quality = this.quality(spec.kind, checker.filled, dataRows, rejected, merged);

      hooks.throwIfCancelled();
      await this.publishChanges(client, spec, merged);

      const errorsKey = report ? await report.finish() : null;
      report = null;
      const outcome: ImportOutcome = {
        counts,
        mapping: detected,
        columns: headers,
        sample,
        problems,
        warnings,
        quality,
        rowsConsidered: dataRows,
        complete,
        errorsKey,
      };
      hooks.throwIfCancelled();
      if (spec.dryRun) {
        await sql('ROLLBACK');
      } else {
        await hooks.beforeCommit?.(sql, outcome);
        hooks.throwIfCancelled();
        await sql('COMMIT');
        committed = true;
      }
      return outcome;
    } catch (err) {
      // A COPY still open must fail first (CopyFail), or the ROLLBACK would queue behind it forever.
      if (copy) await failCopy(copy);
      if (connected && !committed) {
        // Should the server not answer (a dead connection), ending the connection rolls back just the same.
        const rolledBack = await Promise.race([
          client.query('ROLLBACK').then(
            () => true,
            () => false,
          ),
          sleep(3000).then(() => false),
        ]);
        if (!rolledBack)
          (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      }
      await report?.discard();
      throw err;
    } finally {
      hooks.signal.removeEventListener('abort', abort);
      source.destroy();
      input.destroy();
      await feeding;
      if (connected) await client.end().catch(() => undefined);
    }
  }

  /** Rows of the whole file: counted at upload for CSV; for .xlsx, projected from the bytes read so far. */
  private estimateRows(spec: ImportSpec, rowsSoFar: number, bytesRead: number): number {
    if (spec.rowEstimate !== null && spec.rowEstimate > 0) return Math.min(spec.rowEstimate, spec.maxRows ?? Infinity);
    if (bytesRead <= 0 || rowsSoFar === 0) return 0;
    return Math.min(Math.round((rowsSoFar * spec.sizeBytes) / bytesRead), spec.maxRows ?? Infinity);
  }

  private quality(
    kind: ImportKind,
    filled: Record<string, number>,
    rows: number,
    rejected: number,
    merged: MergeOutcome,
  ): QualityDto {
    const share = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 10_000) / 10_000 : 1);
    const validShare = share(rows - rejected, rows);
    const completenessByField = Object.fromEntries(OPTIONAL_FIELDS[kind].map((f) => [f, share(filled[f] ?? 0, rows)]));
    const values = Object.values(completenessByField);
    const completeness = values.length
      ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10_000) / 10_000
      : 1;
    const valid = Math.max(1, rows - rejected);
    const duplicateShare = Math.min(1, merged.duplicateRows / valid);
    const outlierShare = Math.min(1, merged.priceOutliers / valid);
    const score = Math.round(
      100 * (0.5 * validShare + 0.2 * completeness + 0.2 * (1 - duplicateShare) + 0.1 * (1 - outlierShare)),
    );
    return {
      score,
      validShare,
      completeness,
      completenessByField,
      duplicateRows: merged.duplicateRows,
      priceOutliers: merged.priceOutliers,
    };
  }

  /**
   * catalog.products.changed for every product the import created or updated, and catalog.prices.changed for the
   * products on its purchase order lines, in chunks, in the import's transaction.
   */
  private async publishChanges(client: pg.Client, spec: ImportSpec, merged: MergeOutcome): Promise<void> {
    // enqueueEvent only runs `query` on the manager; this one writes on the import's own connection and transaction.
    const em = {
      query: async (text: string, params?: unknown[]) => (await client.query(text, params)).rows,
    } as unknown as EntityManager;
    const publish = async (kind: ProductChangeKind, ids: number[]) => {
      for (let i = 0; i < ids.length; i += EVENT_CHUNK) {
        const data: ProductsChangedEvent = {
          kind,
          productIds: ids.slice(i, i + EVENT_CHUNK),
          source: { type: 'import', uploadId: spec.uploadId },
        };
        await enqueueEvent(em, EventNames.CatalogProductsChanged, 'ingestion', spec.tenantId, spec.correlationId, data);
      }
    };
    await publish('created', merged.createdProductIds);
    await publish('updated', merged.updatedProductIds);
    for (let i = 0; i < merged.pricedProductIds.length; i += EVENT_CHUNK) {
      const data: PricesChangedEvent = {
        productIds: merged.pricedProductIds.slice(i, i + EVENT_CHUNK),
        source: { type: 'import', uploadId: spec.uploadId },
      };
      await enqueueEvent(em, EventNames.CatalogPricesChanged, 'ingestion', spec.tenantId, spec.correlationId, data);
    }
  }
}
