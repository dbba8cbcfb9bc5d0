import { VehicleCatalogRepository, type SqlRunner } from '../vehicles/vehicle-catalog.repository.js';
import { CatalogIndex } from './catalog-index.js';
import { FitmentEngine } from './fitment-engine.js';

/** Reads the vehicle catalog tables once and builds the engine over them (about 0.3 s for the demo catalog). */
export async function loadFitmentEngine(
  db: SqlRunner,
  repository = new VehicleCatalogRepository(),
): Promise<FitmentEngine> {
  return new FitmentEngine(new CatalogIndex(await repository.loadSnapshot(db)));
}
