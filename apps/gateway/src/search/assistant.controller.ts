import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ASSISTANT_RPC_TIMEOUT_MS,
  AssistantAnswerCommand,
  AssistantAnswerDto,
  IndexerPatterns,
  type RequestMeta,
} from '@torque/contracts';
import { Meta } from '../auth/auth.decorators.js';
import { ApiErrors, COMMON_ERRORS } from '../http/api-errors.decorator.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { ApiTenantAuth } from '../http/api-tenant-auth.decorator.js';

@ApiTags('search')
@ApiTenantAuth()
@ApiErrors(...COMMON_ERRORS)
@Controller('api/v1/assistant')
export class AssistantController {
  constructor(private readonly clients: ServiceClientsService) {}

  @Post('answers')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer a question from the catalog',
    description:
      'Retrieves the products that answer the question with the product search (part numbers, words, typos and ' +
      'meaning; a year, make and model of a known approved-fitment vehicle named in the question becomes a vehicle ' +
      'filter), each with the passage of its text that matched best. When a chat provider is configured ' +
      '(ASSISTANT_CHAT_*), `answer` is a short answer citing only those products by part number (`[KB-70]`), ' +
      '`mode` is `generated`; without one, or when the provider fails, `answer` is null and `mode` `retrieval`.',
    operationId: 'answerQuestion',
  })
  @ApiOkResponse({ type: AssistantAnswerDto })
  answer(@Meta() meta: RequestMeta, @Body() body: AssistantAnswerCommand): Promise<AssistantAnswerDto> {
    return this.clients.send(
      'indexer',
      IndexerPatterns.AssistantAnswer,
      { question: body.question, limit: body.limit, filters: body.filters },
      meta,
      // Longer than RPC_TIMEOUT_MS: the answer may wait on the chat model (at most ASSISTANT_CHAT_TIMEOUT_MS).
      { timeoutMs: ASSISTANT_RPC_TIMEOUT_MS },
    );
  }
}
