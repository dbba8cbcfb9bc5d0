import { MAX_UPLOAD_PARTS, type PartsFileFormat } from '@torque/contracts';
import ExcelJS from 'exceljs';
import type { NewJobPart } from './ai-jobs.repository.js';

/** The parts file cannot be used (unreadable, no part column, no rows); answered as 400. */
export class PartsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PartsFileError';
  }
}

type Field = 'part_number' | 'product_id' | 'name' | 'description' | 'category' | 'brand';

/** Header names (lower-case, letters and digits only) of each known column; any other column becomes an attribute. */
const HEADERS: Record<string, Field> = {
  partnumber: 'part_number',
  partno: 'part_number',
  partnum: 'part_number',
  partid: 'part_number',
  part: 'part_number',
  sku: 'part_number',
  itemnumber: 'part_number',
  itemno: 'part_number',
  mpn: 'part_number',
  productid: 'product_id',
  product: 'product_id',
  catalogid: 'product_id',
  name: 'name',
  title: 'name',
  productname: 'name',
  partname: 'name',
  description: 'description',
  partdescription: 'description',
  desc: 'description',
  details: 'description',
  category: 'category',
  parttype: 'category',
  type: 'category',
  brand: 'brand',
  manufacturer: 'brand',
};

export interface ParsedParts {
  parts: NewJobPart[];
  /** Rows with neither a part number nor a product id. */
  skippedRows: number;
}

/** Reads an uploaded parts file (CSV or .xlsx; the first row is the header) into the parts of a job. */
export async function readPartsFile(content: Buffer, format: PartsFileFormat): Promise<ParsedParts> {
  const rows = format === 'csv' ? parseCsv(stripBom(content.toString('utf8'))) : await xlsxRows(content);
  const header = rows.shift();
  if (!header || header.every((h) => !h.trim()))
    throw new PartsFileError('The file is empty: the first row must name the columns');
  const fields = header.map((h) => HEADERS[h.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? null);
  if (!fields.includes('part_number') && !fields.includes('product_id')) {
    throw new PartsFileError(
      'The file needs a part number column (part_number, part_id, sku ...) or a product_id column',
    );
  }
  const parts: NewJobPart[] = [];
  let skippedRows = 0;
  for (const row of rows) {
    if (row.every((v) => !v.trim())) continue;
    const part: NewJobPart = { attributes: {} };
    let name = '';
    let description = '';
    row.forEach((raw, i) => {
      const value = raw.trim();
      if (!value) return;
      switch (fields[i]) {
        case 'part_number':
          part.partNumber = value.slice(0, 100);
          break;
        case 'product_id':
          if (/^\d{1,15}$/.test(value) && Number(value) > 0) part.productId = Number(value);
          break;
        case 'name':
          name = value;
          break;
        case 'description':
          description = value;
          break;
        case 'category':
          part.category = value.slice(0, 200);
          break;
        case 'brand':
          part.attributes!.brand = value;
          break;
        default:
          if (header[i]?.trim()) part.attributes![header[i].trim()] = value;
      }
    });
    if (!part.partNumber && !part.productId) {
      skippedRows++;
      continue;
    }
    if (name) part.attributes!.name = name;
    part.description = description || null;
    parts.push(part);
    if (parts.length > MAX_UPLOAD_PARTS)
      throw new PartsFileError(`The file has more than ${MAX_UPLOAD_PARTS} parts; split it into several jobs`);
  }
  if (parts.length === 0) throw new PartsFileError('The file has no rows with a part number or product id');
  return { parts, skippedRows };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** RFC 4180 CSV (quotes, doubled quotes, line breaks in quotes); the delimiter is the first line's most frequent of , ; tab. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce(
    (best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best),
    ',',
  );
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new PartsFileError('The CSV file cannot be read: a quoted field is not closed');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function xlsxRows(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (err) {
    throw new PartsFileError(`The .xlsx file cannot be read: ${(err as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new PartsFileError('The .xlsx file has no worksheet');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (r) => {
    const values: string[] = [];
    for (let c = 1; c <= r.cellCount; c++) values.push(cellText(r.getCell(c).value));
    rows.push(values);
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
  }
  return String(value);
}
