import { describe, expect, it } from '@jest/globals';
import type { FitmentCandidate } from '../fitment-engine.types.js';
import type { FitmentProvider } from './fitment-provider.js';
import { answerSchema, parseAnswer } from './openai-chat.provider.js';
import { reviewWithProvider } from './provider-review.js';
import { ProviderError } from './provider.error.js';

const answer = (content: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    choices: [
      {
        message: {
          role: 'assistant',
          content: typeof content === 'string' ? content : JSON.stringify(content),
          ...extra,
        },
      },
    ],
  });

describe('parseAnswer', () => {
  const allowed = new Set([11012018, 11012019]);

  it('reads the verdicts of a structured answer', () => {
    expect(
      parseAnswer(answer({ fitments: [{ vehicle_id: 11012018, confidence: 0.8, reasoning: 'named' }] }), allowed),
    ).toEqual([{ vehicleId: 11012018, confidence: 0.8, reasoning: 'named' }]);
  });

  it.each([
    [
      'an id that was not offered',
      answer({ fitments: [{ vehicle_id: 5, confidence: 0.8, reasoning: '' }] }),
      /not a candidate/,
    ],
    [
      'a confidence outside 0..1',
      answer({ fitments: [{ vehicle_id: 11012018, confidence: 3, reasoning: '' }] }),
      /not within 0\.\.1/,
    ],
    ['prose instead of JSON', answer('Here you go'), /not the JSON asked for/],
    ['no fitments array', answer({ vehicles: [] }), /no fitments array/],
    ['a refusal', answer('', { refusal: 'no' }), /refused/],
    ['no choices', JSON.stringify({}), /no message content/],
  ])('refuses %s', (_what, text, reason) => {
    expect(() => parseAnswer(text, allowed)).toThrow(ProviderError);
    expect(() => parseAnswer(text, allowed)).toThrow(reason);
  });

  it('constrains vehicle_id to the candidate ids in the schema', () => {
    expect(answerSchema([1, 2]).properties.fitments.items.properties.vehicle_id).toEqual({
      type: 'integer',
      enum: [1, 2],
    });
  });
});

const candidate = (baseVehicleId: number, vehicleId?: number): FitmentCandidate => ({
  baseVehicleId,
  vehicleId,
  year: 2018,
  makeId: 11,
  make: 'Honda',
  modelId: 1101,
  model: 'Civic',
  confidence: 0.9,
  reasoning: 'text says so.',
  source: 'text',
});

describe('reviewWithProvider', () => {
  const product = { id: 1, part_number: 'X' };
  const signal = new AbortController().signal;
  const provider = (review: FitmentProvider['review']): FitmentProvider => ({ label: 'openai:m', review });

  it('keeps what the provider keeps, with its confidence and reasoning', async () => {
    const out = await reviewWithProvider(
      provider(async () => [{ vehicleId: 7, confidence: 0.555, reasoning: 'ok' }]),
      product,
      [candidate(1, 7), candidate(2)],
      signal,
    );
    expect(out.failure).toBeNull();
    expect(out.candidates).toEqual([
      expect.objectContaining({
        baseVehicleId: 1,
        confidence: 0.56,
        source: 'provider',
        reasoning: 'openai:m: ok (local engine 0.90: text says so.)',
      }),
    ]);
  });

  it('keeps the local result and says why when the provider fails', async () => {
    const out = await reviewWithProvider(
      provider(async () => {
        throw new ProviderError('HTTP 500');
      }),
      product,
      [candidate(1)],
      signal,
    );
    expect(out.failure).toBe('HTTP 500');
    expect(out.candidates[0].reasoning).toBe(
      "text says so. The AI provider openai:m failed (HTTP 500); the local engine's result stands.",
    );
  });

  it('does not ask about a part without candidates, and lets a cancel through', async () => {
    let asked = false;
    await reviewWithProvider(
      provider(async () => {
        asked = true;
        return [];
      }),
      product,
      [],
      signal,
    );
    expect(asked).toBe(false);
    const cancel = new AbortController();
    cancel.abort();
    await expect(
      reviewWithProvider(
        provider(async () => {
          throw new Error('aborted');
        }),
        product,
        [candidate(1)],
        cancel.signal,
      ),
    ).rejects.toThrow('aborted');
  });
});
