import { describe, expect, it } from '@jest/globals';
import { ChatProviderError } from './chat-provider.js';
import { assistantAnswerSchema, parseChatAnswer } from './openai-chat.client.js';

const completion = (content: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ choices: [{ message: { role: 'assistant', content, ...extra } }] });

describe('parseChatAnswer', () => {
  it('reads {answer, cited}', () => {
    expect(parseChatAnswer(completion(JSON.stringify({ answer: 'Take [KB-70].', cited: ['KB-70'] })))).toEqual({
      answer: 'Take [KB-70].',
      cited: ['KB-70'],
    });
  });

  it('refuses anything else as a ChatProviderError', () => {
    for (const text of [
      'not json',
      JSON.stringify({ choices: [] }),
      completion('Sure! Here you go'),
      completion(JSON.stringify({ answer: 1, cited: [] })),
      completion(JSON.stringify({ answer: 'x', cited: [1] })),
      completion(JSON.stringify({ answer: 'x' })),
      completion(null, { refusal: 'I cannot help' }),
    ])
      expect(() => parseChatAnswer(text)).toThrow(ChatProviderError);
  });
});

describe('assistantAnswerSchema', () => {
  it('limits the citations to the retrieved part numbers, strictly', () => {
    const schema = assistantAnswerSchema(['KB-70', 'CP-200', 'KB-70']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['answer', 'cited']);
    expect(schema.properties.cited.items.enum).toEqual(['KB-70', 'CP-200']);
  });
});
