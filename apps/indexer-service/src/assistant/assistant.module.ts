import { Module } from '@nestjs/common';
import { INDEXER_ENV, type IndexerEnv } from '../common/indexer-env.js';
import { SearchModule } from '../search/search.module.js';
import { AssistantRepository } from './assistant.repository.js';
import { AssistantRpcController } from './assistant.rpc-controller.js';
import { AssistantService } from './assistant.service.js';
import { ASSISTANT_CHAT, type AssistantChatProvider } from './chat-provider.js';
import { OpenAiAssistantChat } from './openai-chat.client.js';

/** The chat provider the settings name, or null (retrieval only) when ASSISTANT_CHAT_BASE_URL is unset. */
export function assistantChatOf(env: IndexerEnv): AssistantChatProvider | null {
  if (!env.ASSISTANT_CHAT_BASE_URL) return null;
  return new OpenAiAssistantChat({
    baseUrl: env.ASSISTANT_CHAT_BASE_URL,
    apiKey: env.ASSISTANT_CHAT_API_KEY ?? env.OPENAI_API_KEY,
    model: env.ASSISTANT_CHAT_MODEL,
    timeoutMs: env.ASSISTANT_CHAT_TIMEOUT_MS,
    maxRetries: env.ASSISTANT_CHAT_MAX_RETRIES,
  });
}

/** Assistant retrieval: answers questions from the product search, with a chat model when one is configured. */
@Module({
  imports: [SearchModule],
  controllers: [AssistantRpcController],
  providers: [
    { provide: AssistantRepository, useValue: new AssistantRepository() },
    { provide: ASSISTANT_CHAT, useFactory: assistantChatOf, inject: [INDEXER_ENV] },
    AssistantService,
  ],
})
export class AssistantModule {}
