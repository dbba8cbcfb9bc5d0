import { MARK_END, MARK_START, markHighlights, toSearchQuery } from './search-query.js';

describe('toSearchQuery', () => {
  it('reads part numbers as codes, prefixes and infixes', () => {
    const q = toSearchQuery({ q: '  KB-70 ', page: 1, limit: 20 });
    expect(q.text).toBe('KB-70');
    expect(q.codes).toEqual(['kb70']);
    expect(q.prefixPatterns).toEqual(['kb70%']);
    expect(q.infixPatterns).toEqual(['%kb70%']);
  });

  it('folds vehicle filters, and a submodel also matches fitments for every submodel', () => {
    const q = toSearchQuery({
      q: 'pads',
      page: 1,
      limit: 20,
      year: 2016,
      make: 'Honda',
      model: 'Cívic',
      submodel: 'EX',
    });
    expect(q.filters.vehicleKeys).toEqual([
      { y: 2016, mk: 'honda', md: 'civic', sm: 'ex' },
      { y: 2016, mk: 'honda', md: 'civic', sm: '' },
    ]);
    expect(toSearchQuery({ q: 'pads', page: 1, limit: 20 }).filters.vehicleKeys).toBeUndefined();
  });

  it('keeps short codes for exact matches only', () => {
    const q = toSearchQuery({ q: 'A1', page: 1, limit: 20 });
    expect(q.codes).toEqual(['a1']);
    expect(q.prefixPatterns).toEqual([]);
  });

  it('reads a bare number in a sentence as a year or size, not as part of a part number', () => {
    const q = toSearchQuery({ q: 'brake pads for a 2016 civic', page: 1, limit: 20 });
    expect(q.codes).toContain('2016');
    expect(q.prefixPatterns).not.toContain('2016%');
    expect(q.infixPatterns).not.toContain('%2016%');
    // only codes with letters and digits are looked for among the codes of names and descriptions
    expect(q.textCodes).toEqual([]);
    const alone = toSearchQuery({ q: '1234', page: 1, limit: 20 });
    expect(alone.prefixPatterns).toEqual(['1234%']);
    expect(toSearchQuery({ q: 'kb70 pads', page: 1, limit: 20 }).textCodes).toContain('kb70');
  });
});

describe('markHighlights', () => {
  it('escapes the text and marks the matched words', () => {
    expect(markHighlights(`<b>${MARK_START}Brake${MARK_END} & "pads"`)).toBe(
      '&lt;b&gt;<mark>Brake</mark> &amp; &quot;pads&quot;',
    );
  });
});
