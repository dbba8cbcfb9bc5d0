/** What a file describes: purchase order lines (procurement) or the product master (products). */
export const IMPORT_KINDS = ['procurement', 'products'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** insert: create what is new, leave what exists; upsert: also update what exists. */
export const IMPORT_MODES = ['insert', 'upsert'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const UPLOAD_FORMATS = ['csv', 'xlsx'] as const;
export type UploadFormat = (typeof UPLOAD_FORMATS)[number];

/** The fields a file of each kind can fill, in the order they are shown; a mapping maps them to column headers. */
export const IMPORT_FIELDS = {
  procurement: [
    'po_number',
    'line_no',
    'supplier_code',
    'supplier_name',
    'part_number',
    'description',
    'quantity',
    'unit_price',
    'currency',
    'order_date',
  ],
  products: ['part_number', 'name', 'description', 'brand', 'category', 'attributes'],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportField<K extends ImportKind = ImportKind> = (typeof IMPORT_FIELDS)[K][number];

/** Every field name of every kind (for validation of mappings before the kind is known). */
export const ALL_IMPORT_FIELDS: readonly string[] = [...new Set(Object.values(IMPORT_FIELDS).flat())];

export const UPLOAD_STATUSES = ['uploaded', 'queued', 'processing', 'completed', 'failed', 'cancelled'] as const;
export type UploadStatus = (typeof UPLOAD_STATUSES)[number];

/**
 * Counters of an import, named as the legacy API's task result names them (`processed`, `created_*`), plus
 * `updated_*`, `rejected_rows` and `warning_rows`.
 */
export const IMPORT_COUNT_NAMES = [
  'processed',
  'rejected_rows',
  'warning_rows',
  'created_suppliers',
  'updated_suppliers',
  'created_materials',
  'updated_materials',
  'created_pos',
  'updated_pos',
  'created_lines',
  'updated_lines',
  'unchanged_lines',
  'created_prices',
  'conflicts',
] as const;
export type ImportCountName = (typeof IMPORT_COUNT_NAMES)[number];
export type ImportCounts = Record<ImportCountName, number>;

export function emptyImportCounts(): ImportCounts {
  return Object.fromEntries(IMPORT_COUNT_NAMES.map((n) => [n, 0])) as ImportCounts;
}
