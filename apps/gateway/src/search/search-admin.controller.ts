import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AuditAcceptedDto,
  IndexAdminRequestDto,
  IndexerPatterns,
  RebuildAcceptedDto,
  type RequestMeta,
} from '@torque/contracts';
import { Meta, Roles } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

@ApiTags('admin')
@ApiTenantAuth()
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Repeat-safe submission: the same key and body replay the first answer',
})
@ApiErrors(...COMMON_ERRORS, 409, 422)
@Controller('api/v1/admin/search')
export class SearchAdminController {
  constructor(private readonly clients: ServiceClientsService) {}

  @Post('rebuild')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    summary: "Rebuild the tenant's search index",
    description:
      'Builds a new generation of the index from the catalog (paged over RabbitMQ) beside the active one and swaps ' +
      'it in atomically: searches meanwhile keep answering from the active generation. A queued or running rebuild ' +
      'is returned instead of a second one. Follow the job in /api/v1/jobs/{task_id}; it can be cancelled.',
    operationId: 'rebuildSearchIndex',
  })
  @ApiAcceptedResponse({ type: RebuildAcceptedDto })
  rebuild(@Meta() meta: RequestMeta, @Body() body: IndexAdminRequestDto): Promise<RebuildAcceptedDto> {
    return this.clients.send('indexer', IndexerPatterns.IndexRebuild, { reason: body?.reason }, meta);
  }

  @Post('audit')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    summary: "Audit the tenant's search index for drift",
    description:
      'Compares the catalog’s product ids and versions with the index, re-indexes missing and stale products and ' +
      'removes documents of deleted ones; the job’s counts report what it found (missing, stale, orphaned, repaired).',
    operationId: 'auditSearchIndex',
  })
  @ApiAcceptedResponse({ type: AuditAcceptedDto })
  audit(@Meta() meta: RequestMeta, @Body() body: IndexAdminRequestDto): Promise<AuditAcceptedDto> {
    return this.clients.send('indexer', IndexerPatterns.IndexAudit, { reason: body?.reason }, meta);
  }
}
