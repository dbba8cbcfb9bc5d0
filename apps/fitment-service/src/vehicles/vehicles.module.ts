import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { VehicleCatalogReader } from './vehicle-catalog.reader.js';
import { VehicleImportService } from './vehicle-import.service.js';
import { VehicleLookup } from './vehicle-lookup.js';
import { VehiclesRpcController } from './vehicles.rpc-controller.js';

/**
 * The vehicle catalog (VCdb-style) fitments point at: makes, models and search for people, the
 * admin CSV import (which rebuilds the engine), and the lookups review uses to check an edit.
 */
@Module({
  imports: [EngineModule],
  controllers: [VehiclesRpcController],
  providers: [
    { provide: VehicleCatalogReader, useValue: new VehicleCatalogReader() },
    { provide: VehicleLookup, useValue: new VehicleLookup() },
    VehicleImportService,
  ],
  exports: [VehicleLookup],
})
export class VehiclesModule {}
