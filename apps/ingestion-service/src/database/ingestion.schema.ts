import { platformTablesMigration, type ServiceSchema } from '@torque/platform';
import { Catalog1764230500000 } from './migrations/1764230500000-catalog.js';
import { Imports1764230600000 } from './migrations/1764230600000-imports.js';
import { CatalogReadIndexes1764230550000 } from './migrations/1764230550000-catalog-read-indexes.js';
import { PriceHistoryFromLines1764230700000 } from './migrations/1764230700000-price-history-from-lines.js';
import { LinesPartitionedByOrder1764230800000 } from './migrations/1764230800000-lines-partitioned-by-order.js';
import { OrderReferencesPerStatement1764230900000 } from './migrations/1764230900000-order-references-per-statement.js';

/** Entities and migrations of the `ingestion` schema, in the order they apply. */
export const ingestionSchema: ServiceSchema = {
  schema: 'ingestion',
  entities: [],
  migrations: [
    platformTablesMigration('ingestion'),
    Catalog1764230500000,
    CatalogReadIndexes1764230550000,
    Imports1764230600000,
    PriceHistoryFromLines1764230700000,
    LinesPartitionedByOrder1764230800000,
    OrderReferencesPerStatement1764230900000,
  ],
};
