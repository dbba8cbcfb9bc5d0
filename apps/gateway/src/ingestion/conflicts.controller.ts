import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictDto, MessagePatterns, ResolveConflictDto, type RequestMeta } from '@torque/contracts';
import { Meta, Roles } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { uuidParam } from '../http/job-id.pipe.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

@ApiTags('ingestion')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/ingestion/conflicts')
export class ConflictsController {
  constructor(private readonly clients: ServiceClientsService) {}

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('admin', 'reviewer')
  @ApiOperation({
    summary: "Resolve a conflict: keep the catalog's value or take the file's",
    description:
      'keep_existing: the catalog keeps (or gets back) its value; for a price outlier the imported price is removed from the history. ' +
      "take_incoming: the file's value is written. A product change publishes catalog.products.changed. A conflict is resolved once (409 after).",
    operationId: 'resolveConflict',
  })
  @ApiOkResponse({ type: ConflictDto })
  @ApiErrors(404, 409)
  resolve(
    @Meta() meta: RequestMeta,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ResolveConflictDto,
  ): Promise<ConflictDto> {
    return this.clients.send(
      'ingestion',
      MessagePatterns.ConflictsResolve,
      { conflictId: id, resolution: body.resolution },
      meta,
    );
  }
}
