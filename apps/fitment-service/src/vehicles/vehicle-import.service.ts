import { Inject, Injectable, Logger } from '@nestjs/common';
import { VEHICLE_IMPORT_MAX_BYTES, type ImportVehiclesCommand, type VehicleImportResultDto } from '@torque/contracts';
import { FILE_STORAGE, StorageNotFoundError, type FileStorage } from '@torque/platform';
import { buffer } from 'node:stream/consumers';
import { DataSource } from 'typeorm';
import { FitmentError } from '../common/fitment.errors.js';
import { FitmentEngineService } from '../engine/fitment-engine.service.js';
import { importVehicleRows, MAX_LISTED_ERRORS, parseVehicleImport, VehicleImportFileError } from './vehicle-import.js';

/**
 * Admin import of a VCdb-style CSV into the vehicle catalog: reads the file the gateway stored, adds
 * what is new in one transaction, then rebuilds this process's fitment engine so the next job sees
 * the new vehicles (other processes notice the changed catalog on their next job).
 */
@Injectable()
export class VehicleImportService {
  private readonly logger = new Logger(VehicleImportService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: FitmentEngineService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async import(cmd: ImportVehiclesCommand): Promise<VehicleImportResultDto> {
    if (cmd.file.format !== 'csv')
      throw FitmentError.badRequest('A vehicle catalog import is a .csv file', {
        file: ['only .csv files can be imported'],
      });
    if (cmd.file.size_bytes > VEHICLE_IMPORT_MAX_BYTES) {
      throw FitmentError.badRequest(`The vehicle file is larger than ${VEHICLE_IMPORT_MAX_BYTES} bytes; split it`, {
        file: ['too large'],
      });
    }
    let content: Buffer;
    try {
      content = await buffer(await this.storage.open(cmd.file.storage_key));
    } catch (err) {
      if (err instanceof StorageNotFoundError)
        throw FitmentError.badRequest('The uploaded vehicle file is no longer stored; upload it again');
      throw err;
    }
    let parsed;
    try {
      parsed = parseVehicleImport(content);
    } catch (err) {
      if (err instanceof VehicleImportFileError) throw FitmentError.badRequest(err.message, { file: [err.message] });
      throw err;
    }
    const { rows, errors, total } = parsed;
    if (rows.length === 0) throw everyRowBad(errors);
    const counts = await this.dataSource.transaction(async (em) => {
      const result = await importVehicleRows(em, rows, errors);
      // Every row failed against the catalog: nothing is written.
      if (result.imported === 0) throw everyRowBad(errors);
      return result;
    });
    const { imported, ...created } = counts;
    const changed = Object.values(created).some((n) => n > 0);
    if (changed) {
      const started = Date.now();
      await this.engine.reload();
      this.logger.log(
        `vehicle import of ${total} rows (${JSON.stringify(created)}); fitment engine rebuilt in ${Date.now() - started} ms`,
      );
    }
    errors.sort((a, b) => a.row - b.row);
    return {
      rows: total,
      rows_imported: imported,
      rows_rejected: total - imported,
      ...created,
      errors: errors.slice(0, MAX_LISTED_ERRORS),
    };
  }
}

function everyRowBad(errors: Array<{ row: number; column: string; value: string; expected: string }>): FitmentError {
  const details: Record<string, string[]> = {};
  for (const e of errors.slice(0, MAX_LISTED_ERRORS)) {
    (details[`row ${e.row}`] ??= []).push(`${e.column} "${e.value}": expected ${e.expected}`);
  }
  return FitmentError.badRequest('No row of the file can be imported', details);
}
