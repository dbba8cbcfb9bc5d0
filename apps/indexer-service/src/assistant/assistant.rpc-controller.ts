import { AssistantAnswerCommand, IndexerPatterns, type RequestMeta, type ResultOf } from '@torque/contracts';
import { RpcController, RpcData, RpcHandler, RpcMeta } from '@torque/platform';
import { AssistantService } from './assistant.service.js';

/** The assistant's answers over RabbitMQ (the gateway's POST /api/v1/assistant/answers). */
@RpcController()
export class AssistantRpcController {
  constructor(private readonly assistant: AssistantService) {}

  @RpcHandler(IndexerPatterns.AssistantAnswer)
  async answer(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: AssistantAnswerCommand,
  ): Promise<ResultOf<typeof IndexerPatterns.AssistantAnswer>> {
    return this.assistant.answer(meta.tenantId, data);
  }
}
