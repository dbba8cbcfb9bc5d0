import { createPlatformTables, dropPlatformTables } from '@torque/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlatformTables1764230400000 implements MigrationInterface {
  name = 'PlatformTables1764230400000';

  async up(runner: QueryRunner): Promise<void> {
    await createPlatformTables(runner, 'media');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropPlatformTables(runner, 'media');
  }
}
