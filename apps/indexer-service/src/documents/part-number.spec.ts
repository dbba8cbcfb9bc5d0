import { normalizePartNumber, partNumberCandidates } from './part-number.js';

describe('normalizePartNumber', () => {
  it('drops punctuation, spaces and case', () => {
    expect(normalizePartNumber('KB-70')).toBe('kb70');
    expect(normalizePartNumber('kb70')).toBe('kb70');
    expect(normalizePartNumber(' KB 70 ')).toBe('kb70');
    expect(normalizePartNumber('KB70-A')).toBe('kb70a');
    expect(normalizePartNumber('BR.541/32')).toBe('br54132');
  });

  it('folds accents and keeps letters of other scripts', () => {
    expect(normalizePartNumber('Ré-12')).toBe('re12');
    expect(normalizePartNumber('ДК-5')).toBe('дк5');
  });

  it('leaves nothing of punctuation alone', () => {
    expect(normalizePartNumber('--/')).toBe('');
  });
});

describe('partNumberCandidates', () => {
  it('takes the whole query and the words with digits', () => {
    expect(partNumberCandidates('KB-70')).toEqual(['kb70']);
    expect(partNumberCandidates('kb70 brake pads')).toEqual(['kb70brakepads', 'kb70']);
  });

  it('takes no word without a digit', () => {
    expect(partNumberCandidates('ceramic brake')).toEqual(['ceramicbrake']);
  });

  it('finds nothing in punctuation', () => {
    expect(partNumberCandidates('-- !!')).toEqual([]);
  });
});
