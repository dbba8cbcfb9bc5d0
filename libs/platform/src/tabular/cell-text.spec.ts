import { describe, expect, it } from '@jest/globals';
import { cellText } from './cell-text.js';

describe('cellText', () => {
  it('gives a date-only cell as YYYY-MM-DD and a date-time cell as YYYY-MM-DDTHH:MM:SS, without a zone', () => {
    expect(cellText(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
    expect(cellText(new Date(Date.UTC(2024, 2, 5, 14, 30)))).toBe('2024-03-05T14:30:00');
    expect(cellText(new Date(Date.UTC(2024, 2, 5, 0, 0, 1)))).toBe('2024-03-05T00:00:01');
    expect(cellText(new Date(Date.UTC(2024, 11, 31, 23, 59, 59, 250)))).toBe('2024-12-31T23:59:59.250');
  });

  it('gives a time-only cell (day 0 of the 1900 date system) as HH:MM:SS, and an invalid date as nothing', () => {
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 8, 5)))).toBe('08:05:00');
    expect(cellText(new Date(Number.NaN))).toBe('');
  });

  it('gives numbers with at most 15 significant digits, booleans as words', () => {
    expect(cellText(42)).toBe('42');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(true)).toBe('true');
    expect(cellText(false)).toBe('false');
  });

  it('reads rich text, formulas by their result, hyperlinks by their text; empty and error cells as nothing', () => {
    expect(cellText({ richText: [{ text: 'Brake ' }, { text: 'rotor', font: { bold: true } }] })).toBe('Brake rotor');
    expect(cellText({ formula: 'A1*2', result: 4 })).toBe('4');
    expect(cellText({ formula: 'TODAY()', result: new Date(Date.UTC(2024, 0, 2)) })).toBe('2024-01-02');
    expect(cellText({ sharedFormula: 'B2', result: 'x' })).toBe('x');
    expect(cellText({ formula: 'A1*2' })).toBe('');
    expect(cellText({ text: 'catalog', hyperlink: 'https://example.com' })).toBe('catalog');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined as never)).toBe('');
  });
});
