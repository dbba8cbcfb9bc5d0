import { platformTablesMigration, type ServiceSchema } from '@torque/platform';

/** Entities and migrations of the `indexer` schema, in the order they apply. */
export const indexerSchema: ServiceSchema = {
  schema: 'indexer',
  entities: [],
  migrations: [platformTablesMigration('indexer')],
};
