import { describe, expect, it } from '@jest/globals';
import { mapHeaders, normaliseHeader } from './header-mapper.js';

describe('normaliseHeader', () => {
  it('treats the ways of writing "number" alike and drops punctuation, case and accents', () => {
    for (const h of ['PO #', 'PO Number', 'po_number', 'P.O. No.', 'PO Nr', 'PO-Num']) {
      expect(normaliseHeader(h).replace(/^p o/, 'po')).toBe('po no');
    }
    expect(normaliseHeader('  Unit  Cost (€) ')).toBe('unit cost');
    expect(normaliseHeader('Prix unitaire Élevé')).toBe('prix unitaire eleve');
  });
});

describe('mapHeaders', () => {
  it('maps the common synonyms of a procurement file', () => {
    const headers = [
      'PO #',
      'Vendor',
      'Vendor ID',
      'Part No',
      'Material Description',
      'Qty',
      'Unit Cost',
      'Curr',
      'PO Date',
    ];
    const m = mapHeaders('procurement', headers);
    expect(m.fields).toEqual({
      po_number: 'PO #',
      line_no: null,
      supplier_code: 'Vendor ID',
      supplier_name: 'Vendor',
      part_number: 'Part No',
      description: 'Material Description',
      quantity: 'Qty',
      unit_price: 'Unit Cost',
      currency: 'Curr',
      order_date: 'PO Date',
    });
    expect(m.missingRequired).toEqual([]);
    expect(m.unmappedColumns).toEqual([]);
    expect(new Set(Object.values(m.source))).toEqual(new Set(['auto']));
  });

  it.each([
    ['Purchase Order', 'po_number'],
    ['PO Number', 'po_number'],
    ['Supplier Name', 'supplier_name'],
    ['Item', 'part_number'],
    ['Material', 'part_number'],
    ['SKU', 'part_number'],
    ['Price', 'unit_price'],
    ['Quantity', 'quantity'],
    ['Order Date', 'order_date'],
  ])('reads "%s" as %s', (header, field) => {
    expect(mapHeaders('procurement', [header]).fields[field]).toBe(header);
  });

  it('maps each column to one field only, the first field in order winning', () => {
    const m = mapHeaders('procurement', ['Item', 'Item Description', 'Price']);
    expect(m.fields.part_number).toBe('Item');
    expect(m.fields.description).toBe('Item Description');
    expect(m.fields.unit_price).toBe('Price');
  });

  it('reports missing required fields and unmapped columns, ignoring an errors report column', () => {
    const m = mapHeaders('procurement', ['PO', 'Widget Colour', 'error']);
    expect(m.missingRequired).toEqual(['part_number', 'quantity', 'unit_price']);
    expect(m.unmappedColumns).toEqual(['Widget Colour']);
  });

  it('lets a saved mapping and then an explicit one override the detection', () => {
    const headers = ['Bestellnummer', 'Artikel', 'Menge', 'Preis', 'Price'];
    const m = mapHeaders('procurement', headers, {
      saved: { po_number: 'Bestellnummer', part_number: 'Artikel', quantity: 'Menge', description: 'Not in this file' },
      explicit: { unit_price: 'Preis' },
    });
    expect(m.fields).toEqual(
      expect.objectContaining({
        po_number: 'Bestellnummer',
        part_number: 'Artikel',
        quantity: 'Menge',
        unit_price: 'Preis',
      }),
    );
    expect(m.source).toEqual(expect.objectContaining({ po_number: 'saved', unit_price: 'explicit' }));
    expect(m.unmappedColumns).toEqual(['Price']);
    expect(m.unknownColumns).toEqual([]);
    expect(m.index.unit_price).toBe(3);
  });

  it('takes a column away from the field it was detected for when a mapping gives it to another', () => {
    const m = mapHeaders('procurement', ['PO', 'Item', 'Qty', 'Cost', 'Name'], {
      explicit: { supplier_name: 'Name', description: 'Item' },
    });
    expect(m.fields.description).toBe('Item');
    expect(m.fields.part_number).toBeNull();
    expect(m.missingRequired).toEqual(['part_number']);
  });

  it('reports an explicit header the file does not have', () => {
    expect(mapHeaders('procurement', ['PO'], { explicit: { quantity: 'Menge' } }).unknownColumns).toEqual([
      { field: 'quantity', column: 'Menge' },
    ]);
  });

  it('maps a products file, recognising the API field names as headers too', () => {
    const m = mapHeaders('products', ['SKU', 'Title', 'Manufacturer', 'category', 'Position']);
    expect(m.fields).toEqual({
      part_number: 'SKU',
      name: 'Title',
      description: null,
      brand: 'Manufacturer',
      category: 'category',
      attributes: null,
    });
    expect(m.unmappedColumns).toEqual(['Position']);
  });
});
