/**
 * Catalog ids are derived from stable keys, so the same vehicle has the same id in every database
 * and a later catalog version only adds ids:
 *   make id and model id  fixed in the data file (model ids are make id * 100 + n)
 *   base vehicle id       model id * 10000 + year             (Honda Civic 1101, 2016 -> 11012016)
 *   submodel, engine id   position in the append-only name lists, below 1000
 *   vehicle id            base vehicle id * 1000000 + submodel id * 1000 + engine id
 * Vehicle ids stay below 2^53, so they are exact JavaScript numbers.
 */
export function baseVehicleId(modelId: number, year: number): number {
  return modelId * 10_000 + year;
}

export function vehicleId(baseVehicle: number, submodelId: number, engineId: number): number {
  if (submodelId >= 1000 || engineId >= 1000)
    throw new Error(`submodel ${submodelId} or engine ${engineId} id out of range`);
  return baseVehicle * 1_000_000 + submodelId * 1000 + engineId;
}
