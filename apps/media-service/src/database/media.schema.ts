import { platformTablesMigration, type ServiceSchema } from '@torque/platform';
import { MediaTasks1767000000000 } from './migrations/1767000000000-media-tasks.js';

/** Entities and migrations of the `media` schema, in the order they apply. */
export const mediaSchema: ServiceSchema = {
  schema: 'media',
  entities: [],
  migrations: [platformTablesMigration('media'), MediaTasks1767000000000],
};
