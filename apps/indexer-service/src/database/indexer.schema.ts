import type { ServiceSchema } from '@torque/platform';
import { PlatformTables1764230400000 } from './migrations/1764230400000-platform-tables.js';

/** Entities and migrations of the `indexer` schema, in the order they apply. */
export const indexerSchema: ServiceSchema = {
  schema: 'indexer',
  entities: [],
  migrations: [PlatformTables1764230400000],
};
