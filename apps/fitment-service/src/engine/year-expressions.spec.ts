import { describe, expect, it } from '@jest/globals';
import { tokenize } from './text-tokens.js';
import { readYearExpression, type YearSpan } from './year-expressions.js';

function read(text: string): YearSpan[] | null {
  const tokens = tokenize(text);
  return readYearExpression(tokens, 0, 2026)?.spans ?? null;
}

describe('model-year expressions', () => {
  it.each<[string, YearSpan[]]>([
    ['2016-2021', [{ from: 2016, to: 2021 }]],
    ['2016 \u2013 2021', [{ from: 2016, to: 2021 }]],
    ['07-13', [{ from: 2007, to: 2013 }]],
    ["'04-'08", [{ from: 2004, to: 2008 }]],
    ['98-02', [{ from: 1998, to: 2002 }]],
    ['2016-21', [{ from: 2016, to: 2021 }]],
    ['2012 thru 2017', [{ from: 2012, to: 2017 }]],
    ['2010 to 2015', [{ from: 2010, to: 2015 }]],
    ['2013~2018', [{ from: 2013, to: 2018 }]],
    ['2018+', [{ from: 2018, to: null }]],
    ['2019-up', [{ from: 2019, to: null }]],
    ['2021 and newer', [{ from: 2021, to: null }]],
    ['2022-present', [{ from: 2022, to: null }]],
    ['2015 and older', [{ from: null, to: 2015 }]],
    [
      '2016 2017 2018',
      [
        { from: 2016, to: 2016 },
        { from: 2017, to: 2017 },
        { from: 2018, to: 2018 },
      ],
    ],
    [
      '2013, 2014 & 2015',
      [
        { from: 2013, to: 2013 },
        { from: 2014, to: 2014 },
        { from: 2015, to: 2015 },
      ],
    ],
    [
      '2007/08/09',
      [
        { from: 2007, to: 2007 },
        { from: 2008, to: 2008 },
        { from: 2009, to: 2009 },
      ],
    ],
    [
      '1998 99 00 01',
      [
        { from: 1998, to: 1998 },
        { from: 1999, to: 1999 },
        { from: 2000, to: 2000 },
        { from: 2001, to: 2001 },
      ],
    ],
  ])('reads %s', (text, spans) => {
    expect(read(text)).toEqual(spans);
  });

  it.each(['2000 lumens', '16-18 inch', '07', '10+ pieces', '10-20 psi', '150 PSI'])(
    'does not read "%s" as years',
    (text) => {
      expect(read(text)).toBeNull();
    },
  );

  it('does not read a part number as years', () => {
    const tokens = tokenize('BR-2016 pads');
    expect(readYearExpression(tokens, 2, 2026)).toBeNull();
    const hash = tokenize('Part #2016');
    expect(readYearExpression(hash, 2, 2026)).toBeNull();
  });
});
