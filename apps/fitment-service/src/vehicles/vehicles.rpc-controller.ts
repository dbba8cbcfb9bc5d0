import { Controller, UseFilters, UseInterceptors } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  FitmentPatterns,
  ImportVehiclesCommand,
  ListVehicleMakesQueryDto,
  ListVehicleModelsQueryDto,
  SearchVehiclesQueryDto,
  type ResultOf,
} from '@torque/contracts';
import { parseRpc, RmqAckInterceptor, RpcErrorFilter, runWithContext } from '@torque/platform';
import { DataSource } from 'typeorm';
import { requireRole } from '../common/roles.js';
import { VehicleCatalogReader } from './vehicle-catalog.reader.js';
import { VehicleImportService } from './vehicle-import.service.js';

/** The vehicle catalog for people over RabbitMQ (the gateway's /api/v1/fitment/vehicles routes): makes, models, search, import. */
@UseInterceptors(RmqAckInterceptor)
@UseFilters(RpcErrorFilter)
@Controller()
export class VehiclesRpcController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: VehicleCatalogReader,
    private readonly importer: VehicleImportService,
  ) {}

  @MessagePattern(FitmentPatterns.VehicleMakes)
  async makes(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.VehicleMakes>> {
    const { meta, data } = parseRpc(ListVehicleMakesQueryDto, raw);
    return runWithContext(meta, async () => ({ data: await this.reader.makes(this.dataSource.manager, data.q) }));
  }

  @MessagePattern(FitmentPatterns.VehicleModels)
  async models(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.VehicleModels>> {
    const { meta, data } = parseRpc(ListVehicleModelsQueryDto, raw);
    return runWithContext(meta, async () => ({ data: await this.reader.models(this.dataSource.manager, data) }));
  }

  @MessagePattern(FitmentPatterns.VehiclesSearch)
  async search(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.VehiclesSearch>> {
    const { meta, data } = parseRpc(SearchVehiclesQueryDto, raw);
    return runWithContext(meta, async () => {
      const { rows, total } = await this.reader.search(this.dataSource.manager, data);
      return { data: rows, meta: { page: data.page ?? 1, limit: data.limit ?? 50, total } };
    });
  }

  @MessagePattern(FitmentPatterns.VehiclesImport)
  async import(@Payload() raw: unknown): Promise<ResultOf<typeof FitmentPatterns.VehiclesImport>> {
    const { meta, data } = parseRpc(ImportVehiclesCommand, raw);
    requireRole(meta, ['admin'], 'Importing vehicles into the catalog');
    return runWithContext(meta, () => this.importer.import(data));
  }
}
