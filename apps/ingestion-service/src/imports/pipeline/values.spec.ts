import { describe, expect, it } from '@jest/globals';
import { codeFromName, parseCurrency, parseDate, parseDecimal, parsePositiveInt } from './values.js';

describe('parseDecimal', () => {
  it.each([
    ['12', '12'],
    ['12.50', '12.50'],
    ['+3', '3'],
    ['-0.5', '-0.5'],
    [' 1,234.50 ', '1234.50'],
    ['1.234,50', '1234.50'],
    ['12,5', '12.5'],
    ['$ 12.50', '12.50'],
    ['€12,50', '12.50'],
    ['12.50 EUR', '12.50'],
    ["1'234.5", '1234.5'],
    ['1e3', '1000'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each(['', 'ten', '1.2.3', '12-5', '1,23,4', 'NaN', '--1'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe('parseDate', () => {
  it.each([
    ['2024-03-31', '2024-03-31'],
    ['2024-3-1', '2024-03-01'],
    ['2024-03-31T10:20:00Z', '2024-03-31'],
    ['2024-03-31 00:00:00', '2024-03-31'],
    ['31.03.2024', '2024-03-31'],
    ['03/31/2024', '2024-03-31'],
    ['31/03/2024', '2024-03-31'],
    ['04/05/2024', '2024-04-05'],
    ['31-Mar-2024', '2024-03-31'],
    ['1 March 2024', '2024-03-01'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['29.02.2024', '2024-02-29'],
    [' 2024-12-01 ', '2024-12-01'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '1900-02-29',
    '2100-02-29',
    '2024-00-10',
    '2024-13-01',
    '2024-04-31',
    '2O24-01-01',
    '2024-01-1x',
    '13/13/2024',
    'yesterday',
    '2024',
    '1800-01-01',
    '31-Foo-2024',
  ])('refuses %j', (text) => {
    expect(parseDate(text)).toBeNull();
  });
});

describe('parseCurrency, parsePositiveInt, codeFromName', () => {
  it('reads ISO codes in any case and common symbols', () => {
    expect(parseCurrency('eur')).toBe('EUR');
    expect(parseCurrency(' € ')).toBe('EUR');
    expect(parseCurrency('$')).toBe('USD');
    expect(parseCurrency('Euro')).toBeNull();
    expect(parseCurrency('E')).toBeNull();
  });

  it('reads whole numbers within range only', () => {
    expect(parsePositiveInt('3')).toBe(3);
    expect(parsePositiveInt('3.0')).toBe(3);
    expect(parsePositiveInt('0')).toBeNull();
    expect(parsePositiveInt('2.5')).toBeNull();
    expect(parsePositiveInt('1000001')).toBeNull();
  });

  it('makes a code from a name', () => {
    expect(codeFromName('Acme Brakes Ltd.')).toBe('ACME-BRAKES-LTD');
    expect(codeFromName('Böhm & Söhne')).toBe('BOHM-SOHNE');
    expect(codeFromName('***')).toBe('UNKNOWN');
  });
});
