import { platformTablesMigration, type ServiceSchema } from '@torque/platform';
import { Embeddings1765000000000 } from '../embeddings/1765000000000-embeddings.js';
import { SearchIndex1764231100000 } from './migrations/1764231100000-search-index.js';
import { ExpressChanges1765100000000 } from './migrations/1765100000000-express-changes.js';
import { SearchPlans1765100000001 } from './migrations/1765100000001-search-plans.js';
import { ProjectsMetadata1766000000000 } from './migrations/1766000000000-projects-metadata.js';

/** Entities and migrations of the `indexer` schema, in the order they apply. */
export const indexerSchema: ServiceSchema = {
  schema: 'indexer',
  entities: [],
  migrations: [
    platformTablesMigration('indexer'),
    SearchIndex1764231100000,
    Embeddings1765000000000,
    ExpressChanges1765100000000,
    SearchPlans1765100000001,
    ProjectsMetadata1766000000000,
  ],
};
