import { describe, expect, it } from '@jest/globals';
import { checkCitations } from './citations.js';

const RETRIEVED = ['KB-70', 'CP-200'];

describe('checkCitations', () => {
  it('keeps citations of retrieved products, in the retrieved spelling', () => {
    expect(checkCitations('Use [cp-200] or [KB-70].', ['cp-200', 'KB-70'], RETRIEVED)).toEqual({
      answer: 'Use [CP-200] or [KB-70].',
      cited: ['CP-200', 'KB-70'],
      stripped: [],
    });
  });

  it('adds references of the text missing from cited', () => {
    expect(checkCitations('Take [KB-70].', [], RETRIEVED).cited).toEqual(['KB-70']);
  });

  it('strips citations of products not retrieved, in the text and the list', () => {
    expect(checkCitations('Take [ZZ-999] or [KB-70].', ['ZZ-999', 'KB-70'], RETRIEVED)).toEqual({
      answer: 'Take or [KB-70].',
      cited: ['KB-70'],
      stripped: ['ZZ-999'],
    });
    expect(checkCitations('Take [KB-70, ZZ-1].', [], RETRIEVED)).toEqual({
      answer: 'Take [KB-70].',
      cited: ['KB-70'],
      stripped: ['ZZ-1'],
    });
  });

  it('leaves nothing cited when only unknown products are', () => {
    const r = checkCitations('Take [ZZ-999].', ['ZZ-999'], RETRIEVED);
    expect(r.cited).toEqual([]);
    expect(r.stripped).toEqual(['ZZ-999']);
    expect(r.answer).toBe('Take.');
  });
});
