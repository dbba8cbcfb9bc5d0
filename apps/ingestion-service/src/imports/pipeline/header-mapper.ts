import { IMPORT_FIELDS, type ColumnMapping, type DetectedMappingDto, type ImportKind } from '@torque/contracts';

/** Fields a row cannot do without, per kind (supplier: code or name, see the row validator). */
export const REQUIRED_FIELDS: Record<ImportKind, readonly string[]> = {
  procurement: ['po_number', 'part_number', 'quantity', 'unit_price'],
  products: ['part_number'],
};

/** Headers of an errors report that a re-upload must not read as data. */
export const REPORT_COLUMNS = ['error', 'import error'];

/** Header texts of a part number, in products files and procurement files alike. */
const PART_NUMBER_HEADERS = [
  'part no',
  'part',
  'part code',
  'item',
  'item no',
  'item code',
  'material',
  'material no',
  'material code',
  'sku',
  'product code',
  'product no',
  'article',
  'article no',
  'mpn',
];

/**
 * Header texts people use for each field, normalised (see normaliseHeader). The first match in field
 * order wins, so a header maps to at most one field and a field to at most one header.
 */
const SYNONYMS: Record<ImportKind, Record<string, readonly string[]>> = {
  procurement: {
    po_number: [
      'po no',
      'po',
      'purchase order',
      'purchase order no',
      'order no',
      'purchase order id',
      'po id',
      'po ref',
      'order ref',
    ],
    line_no: ['line', 'line no', 'po line', 'po line no', 'line item', 'item line', 'pos', 'position'],
    supplier_code: [
      'supplier code',
      'supplier no',
      'supplier id',
      'vendor code',
      'vendor no',
      'vendor id',
      'supplier ref',
      'vendor ref',
    ],
    supplier_name: ['supplier', 'supplier name', 'vendor', 'vendor name', 'supplier company', 'vendor company'],
    part_number: [...PART_NUMBER_HEADERS, 'manufacturer part no'],
    description: [
      'description',
      'material description',
      'item description',
      'part description',
      'product description',
      'desc',
      'product name',
      'item name',
      'material name',
      'part name',
      'text',
    ],
    quantity: [
      'qty',
      'quantity',
      'order qty',
      'ordered qty',
      'ordered quantity',
      'order quantity',
      'units',
      'amount ordered',
    ],
    unit_price: [
      'unit price',
      'unit cost',
      'price',
      'cost',
      'net price',
      'price per unit',
      'unit net price',
      'price each',
      'each',
    ],
    currency: ['currency', 'curr', 'ccy', 'currency code'],
    order_date: ['order date', 'po date', 'date', 'ordered on', 'purchase date', 'order dt', 'document date'],
  },
  products: {
    part_number: PART_NUMBER_HEADERS,
    name: ['name', 'product name', 'title', 'item name', 'part name', 'product'],
    description: ['description', 'long description', 'product description', 'desc', 'details', 'item description'],
    brand: ['brand', 'manufacturer', 'make', 'maker', 'mfr'],
    category: ['category', 'product category', 'group', 'product group', 'type', 'product type'],
    attributes: ['attributes', 'attributes json', 'attribute json', 'specs json', 'specifications json', 'properties'],
  },
};

/**
 * A header as compared against the synonyms: lower case, accents dropped, punctuation as spaces,
 * and the ways of writing "number" (#, num, nr, number, no.) all as "no".
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#/g, ' no ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(number|num|nr|nbr)\b/g, 'no')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface MappingLayers {
  /** A mapping saved for the supplier (or the tenant's default for the kind). */
  saved?: ColumnMapping | null;
  /** The mapping given with the upload and then with the request, the later winning. */
  explicit?: ColumnMapping | null;
}

/** A field an explicit mapping gives a column the file does not have. */
export interface UnknownColumn {
  field: string;
  column: string;
}

export interface ResolvedMapping extends DetectedMappingDto {
  /** Field -> index of its column in the header row. */
  index: Record<string, number>;
}

/**
 * Maps the headers of a file to the fields of `kind`: recognised synonyms first, then a saved mapping,
 * then an explicit one, each over the one before. A mapped header the file does not have is ignored
 * for saved mappings (they serve many files) and reported as missing for explicit ones.
 */
export function mapHeaders(
  kind: ImportKind,
  headers: string[],
  layers: MappingLayers = {},
): ResolvedMapping & { unknownColumns: UnknownColumn[] } {
  const fields: readonly string[] = IMPORT_FIELDS[kind];
  const normalised = headers.map(normaliseHeader);
  const exactIndex = (header: string) => {
    const exact = headers.indexOf(header);
    if (exact >= 0) return exact;
    const n = normaliseHeader(header);
    return n ? normalised.indexOf(n) : -1;
  };
  const index: Record<string, number> = {};
  const source: Record<string, 'auto' | 'saved' | 'explicit'> = {};
  const taken = new Set<number>();

  for (const field of fields) {
    for (const synonym of SYNONYMS[kind][field] ?? []) {
      const at = normalised.findIndex((h, i) => h === synonym && !taken.has(i));
      if (at >= 0) {
        index[field] = at;
        source[field] = 'auto';
        taken.add(at);
        break;
      }
    }
  }
  // A field named exactly as in the API (e.g. "po_number") is recognised too.
  for (const field of fields) {
    if (index[field] !== undefined) continue;
    const at = normalised.findIndex((h, i) => h === field.replace(/_/g, ' ') && !taken.has(i));
    if (at >= 0) {
      index[field] = at;
      source[field] = 'auto';
      taken.add(at);
    }
  }

  const unknownColumns: UnknownColumn[] = [];
  const apply = (mapping: ColumnMapping | null | undefined, kindOf: 'saved' | 'explicit') => {
    for (const [field, header] of Object.entries(mapping ?? {})) {
      if (!fields.includes(field)) continue;
      const at = exactIndex(header);
      if (at < 0) {
        if (kindOf === 'explicit') unknownColumns.push({ field, column: header });
        continue;
      }
      // The column now belongs to this field alone.
      for (const [other, i] of Object.entries(index)) {
        if (i === at && other !== field) {
          delete index[other];
          delete source[other];
        }
      }
      index[field] = at;
      source[field] = kindOf;
    }
  };
  apply(layers.saved, 'saved');
  apply(layers.explicit, 'explicit');

  const used = new Set(Object.values(index));
  const report = new Set(REPORT_COLUMNS);
  return {
    fields: Object.fromEntries(fields.map((f) => [f, index[f] !== undefined ? headers[index[f]] : null])),
    source,
    index,
    unmappedColumns: headers.filter((h, i) => !used.has(i) && h.trim() !== '' && !report.has(normaliseHeader(h))),
    missingRequired: missingRequired(kind, index),
    unknownColumns,
  };
}

function missingRequired(kind: ImportKind, index: Record<string, number>): string[] {
  const missing = REQUIRED_FIELDS[kind].filter((f) => index[f] === undefined);
  return missing;
}
