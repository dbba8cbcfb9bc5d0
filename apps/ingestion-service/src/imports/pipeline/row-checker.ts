import { IMPORT_FIELDS, type ImportKind, type ImportProblemDto } from '@torque/contracts';
import { copyInt, copyText } from './copy-text.js';
import { REPORT_COLUMNS, normaliseHeader, type ResolvedMapping } from './header-mapper.js';
import { codeFromName, MAX_DECIMAL, parseCurrency, parseDate, parseDecimal, parsePositiveInt } from './values.js';

export type Problem = ImportProblemDto;

/** Where a checked row reports its problems. */
export interface ProblemSink {
  error(p: Problem): void;
  warning(p: Problem): void;
}

export interface RowCheckerOptions {
  /** The upload's supplier: rows without one get it. */
  supplierCode?: string | null;
  defaultCurrency: string;
}

/** Columns of the staging table of each kind, in COPY order: the row number, then the kind's fields. */
export const STAGE_COLUMNS: Record<ImportKind, readonly string[]> = {
  procurement: ['row_no', ...IMPORT_FIELDS.procurement],
  products: ['row_no', ...IMPORT_FIELDS.products],
};

/** Optional fields of each kind, whose fill rate makes the completeness score. */
export const OPTIONAL_FIELDS: Record<ImportKind, readonly string[]> = {
  procurement: ['line_no', 'supplier_code', 'supplier_name', 'description', 'currency', 'order_date'],
  products: ['name', 'description', 'brand', 'category', 'attributes'],
};

const MAX_KEY = 100;

function jsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
const MAX_LABEL = 200;
const MAX_ATTRIBUTES = 50;

/**
 * Checks one data row against the mapping and turns it into a line of COPY text for the staging
 * table: values trimmed and normalised (numbers, dates, currencies), every problem reported with the
 * row number, column, value found and what was expected. A row with an error gives no line.
 */
export class RowChecker {
  /** Non-empty values seen per optional field, over all rows checked. */
  readonly filled: Record<string, number> = {};
  rowsChecked = 0;
  private readonly at: Record<string, number>;
  private readonly headers: string[];
  private readonly attributeColumns: number[];
  private readonly hasSupplierName: boolean;

  constructor(
    readonly kind: ImportKind,
    mapping: ResolvedMapping,
    headers: string[],
    private readonly opts: RowCheckerOptions,
  ) {
    this.at = mapping.index;
    this.headers = headers;
    for (const f of OPTIONAL_FIELDS[kind]) this.filled[f] = 0;
    const used = new Set(Object.values(mapping.index));
    const report = new Set(REPORT_COLUMNS);
    this.attributeColumns =
      kind === 'products'
        ? headers
            .map((h, i) => i)
            .filter((i) => !used.has(i) && headers[i].trim() !== '' && !report.has(normaliseHeader(headers[i])))
            .slice(0, MAX_ATTRIBUTES)
        : [];
    this.hasSupplierName = mapping.index.supplier_name !== undefined;
  }

  /** Whether the file names suppliers (a supplier's name is only updated from a file that has it). */
  get namesSuppliers(): boolean {
    return this.hasSupplierName;
  }

  /**
   * The COPY line of a valid row (null for a row with an error). With `record`, the parsed values are
   * also put there (for previews).
   */
  check(fields: string[], row: number, sink: ProblemSink, record?: Record<string, unknown>): string | null {
    this.rowsChecked++;
    return this.kind === 'procurement'
      ? this.procurement(fields, row, sink, record)
      : this.products(fields, row, sink, record);
  }

  private value(fields: string[], field: string): string {
    const i = this.at[field];
    if (i === undefined) return '';
    const v = fields[i];
    return v === undefined ? '' : v.trim();
  }

  private problem(row: number, field: string, value: string, expected: string, severity: 'error' | 'warning'): Problem {
    const i = this.at[field];
    return { row, column: i === undefined ? null : this.headers[i], field, value, expected, severity };
  }

  private procurement(
    fields: string[],
    row: number,
    sink: ProblemSink,
    record?: Record<string, unknown>,
  ): string | null {
    let ok = true;
    const fail = (field: string, value: string, expected: string) => {
      ok = false;
      sink.error(this.problem(row, field, value, expected, 'error'));
    };

    const po = this.value(fields, 'po_number');
    if (!po) fail('po_number', po, 'a purchase order number');
    else if (po.length > MAX_KEY) fail('po_number', po, `at most ${MAX_KEY} characters`);

    const lineText = this.value(fields, 'line_no');
    let lineNo: number | null = null;
    if (lineText) {
      this.filled.line_no++;
      lineNo = parsePositiveInt(lineText);
      if (lineNo === null) fail('line_no', lineText, 'a whole line number from 1 to 1000000');
    }

    const codeText = this.value(fields, 'supplier_code');
    const nameText = this.value(fields, 'supplier_name');
    if (codeText) this.filled.supplier_code++;
    if (nameText) this.filled.supplier_name++;
    const supplierCode = codeText || this.opts.supplierCode || (nameText ? codeFromName(nameText) : '');
    if (!supplierCode)
      fail(this.at.supplier_code !== undefined ? 'supplier_code' : 'supplier_name', '', 'a supplier code or name');
    else if (supplierCode.length > MAX_KEY) fail('supplier_code', supplierCode, `at most ${MAX_KEY} characters`);

    const part = this.value(fields, 'part_number');
    if (!part) fail('part_number', part, 'a part or material number');
    else if (part.length > MAX_KEY) fail('part_number', part, `at most ${MAX_KEY} characters`);

    const description = this.value(fields, 'description');
    if (description) this.filled.description++;

    const qtyText = this.value(fields, 'quantity');
    const qty = parseDecimal(qtyText);
    if (qty === null) fail('quantity', qtyText, 'a number greater than 0');
    else if (!(Number(qty) > 0) || Number(qty) >= MAX_DECIMAL)
      fail('quantity', qtyText, `a number greater than 0 and below ${MAX_DECIMAL}`);

    const priceText = this.value(fields, 'unit_price');
    const price = parseDecimal(priceText);
    if (price === null) fail('unit_price', priceText, 'a price (a number of 0 or more)');
    else if (Number(price) < 0 || Number(price) >= MAX_DECIMAL)
      fail('unit_price', priceText, `a price of 0 or more and below ${MAX_DECIMAL}`);
    else if (Number(price) === 0)
      sink.warning(this.problem(row, 'unit_price', priceText, 'a price above 0 (imported as 0)', 'warning'));

    const currencyText = this.value(fields, 'currency');
    let currency = this.opts.defaultCurrency;
    if (currencyText) {
      this.filled.currency++;
      const c = parseCurrency(currencyText);
      if (c === null) fail('currency', currencyText, 'a 3-letter ISO 4217 currency code such as EUR');
      else currency = c;
    }

    const dateText = this.value(fields, 'order_date');
    let orderDate: string | null = null;
    if (dateText) {
      this.filled.order_date++;
      orderDate = parseDate(dateText);
      if (orderDate === null) fail('order_date', dateText, 'a date such as 2024-03-31, 31.03.2024 or 03/31/2024');
    }

    if (!ok) return null;
    if (!currencyText) {
      sink.warning(
        this.problem(row, 'currency', '', `a currency (${this.opts.defaultCurrency} was assumed)`, 'warning'),
      );
    }
    if (record) {
      Object.assign(record, {
        row,
        po_number: po,
        line_no: lineNo,
        supplier_code: supplierCode,
        supplier_name: nameText || null,
        part_number: part,
        description: description || null,
        quantity: qty,
        unit_price: price,
        currency,
        order_date: orderDate,
      });
    }
    return `${copyInt(row)}\t${copyText(po)}\t${lineNo === null ? '\\N' : copyInt(lineNo)}\t${copyText(supplierCode)}\t${nameText ? copyText(nameText) : '\\N'}\t${copyText(part)}\t${
      description ? copyText(description) : '\\N'
    }\t${qty}\t${price}\t${currency}\t${orderDate ?? '\\N'}\n`;
  }

  private products(fields: string[], row: number, sink: ProblemSink, record?: Record<string, unknown>): string | null {
    let ok = true;
    const fail = (field: string, value: string, expected: string) => {
      ok = false;
      sink.error(this.problem(row, field, value, expected, 'error'));
    };
    const part = this.value(fields, 'part_number');
    if (!part) fail('part_number', part, 'a part number');
    else if (part.length > MAX_KEY) fail('part_number', part, `at most ${MAX_KEY} characters`);
    const name = this.value(fields, 'name');
    const description = this.value(fields, 'description');
    const brand = this.value(fields, 'brand');
    const category = this.value(fields, 'category');
    if (name) this.filled.name++;
    if (description) this.filled.description++;
    if (brand) this.filled.brand++;
    if (category) this.filled.category++;
    if (brand.length > MAX_LABEL) fail('brand', brand, `at most ${MAX_LABEL} characters`);
    if (category.length > MAX_LABEL) fail('category', category, `at most ${MAX_LABEL} characters`);
    const attributesText = this.value(fields, 'attributes');
    let attributes: Record<string, unknown> | null = null;
    if (attributesText) {
      this.filled.attributes++;
      attributes = jsonObject(attributesText);
      if (attributes === null) fail('attributes', attributesText, 'a JSON object such as {"position":"Front"}');
    }
    if (!ok) return null;

    for (const i of this.attributeColumns) {
      const v = fields[i]?.trim();
      if (v) (attributes ??= {})[this.headers[i].trim()] = v;
    }
    if (!name) sink.warning(this.problem(row, 'name', '', 'a product name (the part number was used)', 'warning'));
    if (record) {
      Object.assign(record, {
        row,
        part_number: part,
        name: name || null,
        description: description || null,
        brand: brand || null,
        category: category || null,
        attributes: attributes ?? {},
      });
    }
    const opt = (v: string) => (v ? copyText(v) : '\\N');
    return `${copyInt(row)}\t${copyText(part)}\t${opt(name)}\t${opt(description)}\t${opt(brand)}\t${opt(category)}\t${
      attributes ? copyText(JSON.stringify(attributes)) : '\\N'
    }\n`;
  }
}
