import { platformTablesMigration, type ServiceSchema } from '@torque/platform';
import { VehicleCatalog1764230600000 } from './migrations/1764230600000-vehicle-catalog.js';
import { AiFitmentJobs1764230700000 } from './migrations/1764230700000-ai-fitment-jobs.js';
import { ApprovedFitmentsByProduct1764231000000 } from './migrations/1764231000000-approved-fitments-by-product.js';

/** Entities and migrations of the `fitment` schema, in the order they apply. */
export const fitmentSchema: ServiceSchema = {
  schema: 'fitment',
  entities: [],
  migrations: [
    platformTablesMigration('fitment'),
    VehicleCatalog1764230600000,
    AiFitmentJobs1764230700000,
    ApprovedFitmentsByProduct1764231000000,
  ],
};
