import { platformTablesMigration, type ServiceSchema } from '@torque/platform';

/** Entities and migrations of the `media` schema, in the order they apply. */
export const mediaSchema: ServiceSchema = {
  schema: 'media',
  entities: [],
  migrations: [platformTablesMigration('media')],
};
