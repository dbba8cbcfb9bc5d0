import { describe, expect, it } from '@jest/globals';
import { mapHeaders } from './header-mapper.js';
import { RowChecker, type Problem } from './row-checker.js';

function checker(kind: 'procurement' | 'products', headers: string[], supplierCode?: string) {
  return new RowChecker(kind, mapHeaders(kind, headers), headers, { supplierCode, defaultCurrency: 'USD' });
}

function run(c: RowChecker, fields: string[], row = 2) {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const record: Record<string, unknown> = {};
  const line = c.check(fields, row, { error: (p) => errors.push(p), warning: (p) => warnings.push(p) }, record);
  return { line, errors, warnings, record };
}

const HEADERS = ['PO #', 'Vendor', 'Part No', 'Description', 'Qty', 'Unit Cost', 'Currency', 'Order Date'];

describe('RowChecker (procurement)', () => {
  it('normalises a good row into a COPY line', () => {
    const r = run(checker('procurement', HEADERS), [
      'PO-1',
      ' Acme Brakes ',
      'BR-1',
      'Rotor\tfront',
      '2',
      '1,234.50',
      'eur',
      '31.03.2024',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.line).toBe('2\tPO-1\t\\N\tACME-BRAKES\tAcme Brakes\tBR-1\tRotor\\tfront\t2\t1234.50\tEUR\t2024-03-31\n');
    expect(r.record).toEqual(
      expect.objectContaining({ supplier_code: 'ACME-BRAKES', unit_price: '1234.50', order_date: '2024-03-31' }),
    );
  });

  it('reports every bad value of a row with its column, the value found and what was expected', () => {
    const r = run(checker('procurement', HEADERS), ['', 'Acme', 'BR-1', '', 'ten', '-3', 'Euro', '2024-02-30'], 7);
    expect(r.line).toBeNull();
    expect(r.errors).toEqual([
      { row: 7, column: 'PO #', field: 'po_number', value: '', expected: 'a purchase order number', severity: 'error' },
      {
        row: 7,
        column: 'Qty',
        field: 'quantity',
        value: 'ten',
        expected: 'a number greater than 0',
        severity: 'error',
      },
      {
        row: 7,
        column: 'Unit Cost',
        field: 'unit_price',
        value: '-3',
        expected: expect.stringMatching(/^a price of 0 or more/),
        severity: 'error',
      },
      {
        row: 7,
        column: 'Currency',
        field: 'currency',
        value: 'Euro',
        expected: 'a 3-letter ISO 4217 currency code such as EUR',
        severity: 'error',
      },
      {
        row: 7,
        column: 'Order Date',
        field: 'order_date',
        value: '2024-02-30',
        expected: expect.stringMatching(/^a date/),
        severity: 'error',
      },
    ]);
  });

  it('keeps warnings apart from errors: a missing currency or a zero price still imports', () => {
    const r = run(checker('procurement', HEADERS), ['PO-1', 'Acme', 'BR-1', '', '1', '0', '', '']);
    expect(r.errors).toEqual([]);
    expect(r.line).toContain('\tUSD\t\\N\n');
    expect(r.warnings.map((w) => w.field)).toEqual(['unit_price', 'currency']);
    expect(r.warnings.every((w) => w.severity === 'warning')).toBe(true);
  });

  it('takes the supplier from the upload when the file has no supplier columns, and fails without any', () => {
    const headers = ['PO', 'SKU', 'Qty', 'Price'];
    expect(run(checker('procurement', headers, 'ACME-01'), ['PO-1', 'X', '1', '2']).line).toContain('\tACME-01\t\\N\t');
    const none = run(checker('procurement', headers), ['PO-1', 'X', '1', '2']);
    expect(none.line).toBeNull();
    expect(none.errors[0]).toEqual(
      expect.objectContaining({ field: 'supplier_name', expected: 'a supplier code or name' }),
    );
  });

  it('refuses numbers the catalog cannot hold and counts optional fields that are filled', () => {
    const c = checker('procurement', HEADERS);
    expect(run(c, ['PO-1', 'Acme', 'BR-1', '', '1e15', '1', 'USD', '']).errors[0].field).toBe('quantity');
    run(c, ['PO-2', 'Acme', 'BR-2', 'Pad', '1', '1', 'USD', '2024-01-01']);
    expect(c.filled).toEqual({
      line_no: 0,
      supplier_code: 0,
      supplier_name: 2,
      description: 1,
      currency: 2,
      order_date: 1,
    });
  });
});

describe('RowChecker (products)', () => {
  it('puts unmapped columns into attributes and warns about a missing name', () => {
    const headers = ['SKU', 'Title', 'Brand', 'Position', 'error'];
    const r = run(checker('products', headers), ['BR-1', '', 'Bosch', 'Front', 'old report text']);
    expect(r.line).toBe('2\tBR-1\t\\N\t\\N\tBosch\t\\N\t{"Position":"Front"}\n');
    expect(r.warnings).toEqual([expect.objectContaining({ field: 'name', severity: 'warning' })]);
  });

  it('reads an attributes column as a JSON object, merged with the unmapped columns', () => {
    const headers = ['part_number', 'name', 'attributes_json', 'Colour'];
    const c = checker('products', headers);
    expect(run(c, ['P-1', 'Pad', '{"position":"Front","vented":true}', 'red']).record.attributes).toEqual({
      position: 'Front',
      vented: true,
      Colour: 'red',
    });
    expect(run(c, ['P-2', 'Pad', '[1,2]', '']).errors).toEqual([
      expect.objectContaining({
        column: 'attributes_json',
        field: 'attributes',
        expected: expect.stringMatching(/^a JSON object/),
      }),
    ]);
  });
});
