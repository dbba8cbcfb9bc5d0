import {
  FitmentPatterns,
  ImportVehiclesCommand,
  ListVehicleMakesQueryDto,
  ListVehicleModelsQueryDto,
  SearchVehiclesQueryDto,
  type ResultOf,
} from '@torque/contracts';
import { RpcController, RpcData, RpcHandler } from '@torque/platform';
import { DataSource } from 'typeorm';
import { VehicleCatalogReader } from './vehicle-catalog.reader.js';
import { VehicleImportService } from './vehicle-import.service.js';

/** The vehicle catalog for people over RabbitMQ (the gateway's /api/v1/fitment/vehicles routes): makes, models, search, import. */
@RpcController()
export class VehiclesRpcController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: VehicleCatalogReader,
    private readonly importer: VehicleImportService,
  ) {}

  @RpcHandler(FitmentPatterns.VehicleMakes)
  async makes(@RpcData() data: ListVehicleMakesQueryDto): Promise<ResultOf<typeof FitmentPatterns.VehicleMakes>> {
    return { data: await this.reader.makes(this.dataSource.manager, data.q) };
  }

  @RpcHandler(FitmentPatterns.VehicleModels)
  async models(@RpcData() data: ListVehicleModelsQueryDto): Promise<ResultOf<typeof FitmentPatterns.VehicleModels>> {
    return { data: await this.reader.models(this.dataSource.manager, data) };
  }

  @RpcHandler(FitmentPatterns.VehiclesSearch)
  async search(@RpcData() data: SearchVehiclesQueryDto): Promise<ResultOf<typeof FitmentPatterns.VehiclesSearch>> {
    const { rows, total } = await this.reader.search(this.dataSource.manager, data);
    return { data: rows, meta: { page: data.page ?? 1, limit: data.limit ?? 50, total } };
  }

  @RpcHandler(FitmentPatterns.VehiclesImport, { roles: ['admin'], action: 'Importing vehicles into the catalog' })
  async import(@RpcData() data: ImportVehiclesCommand): Promise<ResultOf<typeof FitmentPatterns.VehiclesImport>> {
    return this.importer.import(data);
  }
}
