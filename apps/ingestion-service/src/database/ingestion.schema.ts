import type { ServiceSchema } from '@torque/platform';
import { PlatformTables1764230400000 } from './migrations/1764230400000-platform-tables.js';
import { Catalog1764230500000 } from './migrations/1764230500000-catalog.js';

/** Entities and migrations of the `ingestion` schema, in the order they apply. */
export const ingestionSchema: ServiceSchema = {
  schema: 'ingestion',
  entities: [],
  migrations: [PlatformTables1764230400000, Catalog1764230500000],
};
