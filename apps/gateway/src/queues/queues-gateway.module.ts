import { Module } from '@nestjs/common';
import { GatewayQueuesService } from './gateway-queues.service.js';
import { QueueBoardSessionsService } from './queue-board-sessions.service.js';
import { QueuesAdminController } from './queues-admin.controller.js';

/**
 * The queues of every service as admins see them: counts, running jobs, purge and retry (/api/v1/admin/queues/...),
 * and the sessions of the Bull Board dashboard that gateway-app mounts at /admin/queues.
 */
@Module({
  controllers: [QueuesAdminController],
  providers: [GatewayQueuesService, QueueBoardSessionsService],
  exports: [GatewayQueuesService, QueueBoardSessionsService],
})
export class QueuesGatewayModule {}
