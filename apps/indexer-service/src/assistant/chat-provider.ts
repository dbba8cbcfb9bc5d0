/** One product as the chat model sees it: only retrieved text, truncated. */
export interface ChatProduct {
  part_number: string;
  name: string;
  brand: string | null;
  category: string | null;
  text: string;
}

export interface ChatAnswer {
  answer: string;
  cited: string[];
}

/** A chat model that answers a question from the retrieved products only. */
export interface AssistantChatProvider {
  /** `openai` (any OpenAI-compatible chat-completions API). */
  readonly provider: string;
  readonly model: string;
  /** The model's answer; throws ChatProviderError on a failure, a timeout or an answer not as asked. */
  answer(question: string, products: readonly ChatProduct[]): Promise<ChatAnswer>;
}

export const ASSISTANT_CHAT = Symbol('ASSISTANT_CHAT');

export class ChatProviderError extends Error {
  override name = 'ChatProviderError';
}
