import { MAX_UPLOAD_PARTS, type PartsFileFormat } from '@torque/contracts';
import { readTable, UnreadableFileError } from '@torque/platform';
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

/** The rows of the file, read by the platform's tabular readers (as imports read theirs); cells as text. */
async function fileRows(content: Buffer, format: PartsFileFormat): Promise<string[][]> {
  try {
    return (await readTable(format, content)).map((row) => row.fields);
  } catch (err) {
    if (err instanceof UnreadableFileError) throw new PartsFileError(err.message);
    throw err;
  }
}

/**
 * Reads an uploaded parts file (CSV or .xlsx; the first row is the header) into the parts of a job. The header
 * is the first row read: a CSV's first non-empty line, a worksheet's first row with text.
 */
export async function readPartsFile(content: Buffer, format: PartsFileFormat): Promise<ParsedParts> {
  const rows = await fileRows(content, format);
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
