import { describe, expect, it } from '@jest/globals';
import { embeddingTextHash, planEmbeddings, type EmbeddingDoc } from './embedding-reuse.js';

const doc = (productId: number, text: string): EmbeddingDoc => ({
  productId,
  text,
  contentHash: embeddingTextHash(text),
});

describe('embeddingTextHash', () => {
  it('is the hex SHA-256 of the text, so any change of the text changes it', () => {
    expect(embeddingTextHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(embeddingTextHash('Brake pad')).not.toBe(embeddingTextHash('brake pad'));
  });
});

describe('planEmbeddings', () => {
  it('embeds the new and the changed, and skips those stored with the same hash', () => {
    const stored = new Map([
      [1, embeddingTextHash('brake pad')],
      [2, embeddingTextHash('old text')],
    ]);
    const plan = planEmbeddings([doc(1, 'brake pad'), doc(2, 'new text'), doc(3, 'oil filter')], stored);
    expect(plan.unchanged).toEqual([1]);
    expect(plan.toEmbed.map((d) => d.productId)).toEqual([2, 3]);
    expect([...plan.texts.values()]).toEqual(['new text', 'oil filter']);
  });

  it('embeds a text shared by several products once', () => {
    const plan = planEmbeddings([doc(1, 'spark plug'), doc(2, 'spark plug'), doc(3, 'wiper')], new Map());
    expect(plan.toEmbed).toHaveLength(3);
    expect(plan.texts.size).toBe(2);
  });

  it('keeps the last document given for a product', () => {
    const plan = planEmbeddings([doc(1, 'first'), doc(1, 'second')], new Map([[1, embeddingTextHash('first')]]));
    expect(plan.unchanged).toEqual([]);
    expect(plan.toEmbed).toEqual([doc(1, 'second')]);
  });

  it('has nothing to do when every hash matches', () => {
    const docs = [doc(1, 'a'), doc(2, 'b')];
    const plan = planEmbeddings(docs, new Map(docs.map((d) => [d.productId, d.contentHash])));
    expect(plan.toEmbed).toEqual([]);
    expect(plan.texts.size).toBe(0);
    expect(plan.unchanged).toEqual([1, 2]);
  });
});
