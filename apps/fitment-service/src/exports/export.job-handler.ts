import { Injectable } from '@nestjs/common';
import { FitmentJobNames, FitmentQueueNames } from '@torque/contracts';
import { JobContext, JobHandler, PermanentJobError, type JobHandlerInstance, type Outcome } from '@torque/platform';
import { ExportsService } from './exports.service.js';

/** Builds an export too large for the request that asked for it. */
@Injectable()
@JobHandler(FitmentQueueNames.Export, FitmentJobNames.FitmentExport)
export class ExportJobHandler implements JobHandlerInstance {
  constructor(private readonly exports: ExportsService) {}

  async handle(ctx: JobContext): Promise<Outcome> {
    const exportId = ctx.job.params.export_id;
    if (typeof exportId !== 'string') throw new PermanentJobError('invalid_params', 'The export job names no export');
    await ctx.progress(0, ctx.job.progress_total, 'Writing the export file...', true);
    const row = await this.exports.build(exportId, ctx.signal);
    ctx.count('fitments', row.fitment_count);
    ctx.count('adds', row.add_count);
    ctx.count('deletes', row.delete_count);
    return {
      status: 'completed',
      result: { export_id: exportId, file_name: row.file_name },
      message: `Export ${row.file_name} written`,
    };
  }
}
