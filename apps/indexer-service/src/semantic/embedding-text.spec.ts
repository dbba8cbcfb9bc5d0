import { describe, expect, it } from '@jest/globals';
import { embeddingTextHash } from '../embeddings/embedding-reuse.js';
import { embeddingText, toEmbeddingDoc } from './embedding-text.js';

describe('embeddingText', () => {
  it('reads category: name. description', () => {
    expect(
      embeddingText({ category: 'Power Tools', name: 'Cordless Drill/Driver', description: '18V, two speeds.' }),
    ).toBe('Power Tools: Cordless Drill/Driver. 18V, two speeds.');
  });

  it('drops blank parts and collapses whitespace', () => {
    expect(embeddingText({ category: null, name: ' Brake  Pads ', description: '' })).toBe('Brake Pads');
    expect(embeddingText({ category: 'Brakes', name: 'Pads', description: null })).toBe('Brakes: Pads');
    expect(embeddingText({ category: '', name: 'Pads.', description: 'Ceramic\n compound' })).toBe(
      'Pads. Ceramic compound',
    );
  });

  it('hashes exactly the text the embedder reads', () => {
    const doc = toEmbeddingDoc({ product_id: '42', category: 'Brakes', name: 'Pads', description: 'Quiet' });
    expect(doc).toEqual({
      productId: 42,
      text: 'Brakes: Pads. Quiet',
      contentHash: embeddingTextHash('Brakes: Pads. Quiet'),
    });
  });
});
