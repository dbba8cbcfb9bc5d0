import { Injectable, Logger } from '@nestjs/common';
import {
  IMPORT_MODES,
  IsColumnMapping,
  JobNames,
  QueueNames,
  type ColumnMapping,
  type ImportMode,
  type JobRef,
} from '@torque/contracts';
import {
  JobCancelledError,
  JobHandler,
  PermanentJobError,
  StorageNotFoundError,
  UnreadableFileError,
  type JobContext,
  type JobHandlerInstance,
  type Outcome,
} from '@torque/platform';
import type { Job } from 'bull';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, validateSync } from 'class-validator';
import { ImportRunner, MappingError, TooManyErrorsError } from './pipeline/import-runner.js';
import { errorsKeyOf, UploadsService } from './uploads.service.js';
import { UploadsRepository } from './uploads.repository.js';

/** The job row's params of an import, checked again as it is taken off the queue. */
class ImportParams {
  @IsUUID()
  uploadId!: string;

  @IsIn(IMPORT_MODES)
  mode!: ImportMode;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  maxErrors!: number;

  @IsOptional()
  @IsColumnMapping()
  mapping?: ColumnMapping | null;
}

/**
 * Imports one upload (see ImportRunner). Progress goes to the job row (rows read of rows in the file,
 * then the merge steps); the counts and the Celery-shaped result go to the row and the upload. A bad file
 * or too many bad rows fail at once (no retry); a cancel ends it within a second, nothing written.
 */
@Injectable()
@JobHandler(QueueNames.Import, JobNames.Import)
export class ImportJobHandler implements JobHandlerInstance {
  private readonly logger = new Logger(ImportJobHandler.name);

  constructor(
    private readonly runner: ImportRunner,
    private readonly uploads: UploadsService,
    private readonly repo: UploadsRepository,
  ) {}

  async handle(ctx: JobContext, job: Job<JobRef>): Promise<Outcome> {
    const params = plainToInstance(ImportParams, ctx.job.params);
    const invalid = validateSync(params, { forbidUnknownValues: false });
    if (invalid.length)
      throw new PermanentJobError(
        'invalid_params',
        `The import job's parameters are not valid: ${invalid.map((e) => e.property).join(', ')}`,
      );
    const upload = await this.repo.find(ctx.job.tenant_id, params.uploadId);
    if (!upload) throw new PermanentJobError('upload_not_found', `Upload ${params.uploadId} no longer exists`);
    await this.repo.markProcessing(upload.id, ctx.job.id);

    try {
      const outcome = await this.runner.run(
        {
          ...(await this.uploads.specOf(
            { tenantId: ctx.job.tenant_id, correlationId: ctx.job.correlation_id },
            upload,
            params.mapping,
          )),
          mode: params.mode,
          maxErrors: params.maxErrors,
          dryRun: false,
          errorsKey: errorsKeyOf(upload),
        },
        {
          signal: ctx.signal,
          throwIfCancelled: () => ctx.throwIfCancelled(),
          progress: (current, total, message, force) => ctx.progress(current, total, message, force),
          beforeCommit: (sql, o) => this.repo.recordCompleted(sql, upload.id, o),
        },
      );
      Object.assign(ctx.counts, outcome.counts);
      const c = outcome.counts;
      return {
        status: 'completed',
        counts: ctx.counts,
        result: { status: 'success', upload_id: upload.id, ...c, quality_score: outcome.quality.score },
        message:
          `Imported ${c.processed} rows` +
          (c.rejected_rows ? `, rejected ${c.rejected_rows}` : '') +
          (c.conflicts ? `, ${c.conflicts} conflicts to review` : ''),
      };
    } catch (err) {
      if (ctx.cancelled || err instanceof JobCancelledError) {
        await this.repo.recordEnded(upload.id, 'cancelled', null);
        throw new JobCancelledError(ctx.job.id);
      }
      const permanent = this.permanent(err);
      const lastAttempt = permanent !== null || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) {
        const e = permanent ?? { code: 'import_failed', message: (err as Error).message };
        const extra =
          err instanceof TooManyErrorsError
            ? {
                problems: err.problems,
                mapping: err.mapping,
                errorsKey: err.errorsKey,
                counts: { rejected_rows: err.maxErrors + 1 },
              }
            : err instanceof MappingError
              ? { mapping: err.mapping }
              : {};
        if (err instanceof TooManyErrorsError) ctx.count('rejected_rows', err.maxErrors + 1);
        await this.repo.recordEnded(upload.id, 'failed', e, extra);
      }
      if (permanent) throw new PermanentJobError(permanent.code, permanent.message);
      this.logger.warn(`import of upload ${upload.id} failed: ${(err as Error).message}`);
      throw err;
    }
  }

  private permanent(err: unknown): { code: string; message: string } | null {
    if (err instanceof TooManyErrorsError) return { code: 'too_many_errors', message: err.message };
    if (err instanceof MappingError) return { code: 'mapping_incomplete', message: err.message };
    if (err instanceof UnreadableFileError) return { code: 'unreadable_file', message: err.message };
    if (err instanceof StorageNotFoundError)
      return { code: 'file_missing', message: 'The uploaded file is no longer in storage; upload it again' };
    return null;
  }
}
