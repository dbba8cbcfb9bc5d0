import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateBy, type ValidationOptions } from 'class-validator';
import { ALL_IMPORT_FIELDS, IMPORT_FIELDS, IMPORT_KINDS, type ImportKind } from './import-fields.js';

const MAX_HEADER_LENGTH = 200;

/** A column mapping: import field -> column header of the file, e.g. `{"po_number": "Bestellnummer"}`. */
export type ColumnMapping = Record<string, string>;

/** What is wrong with a column mapping, in words (none: it is a mapping of known fields to header texts). */
export function columnMappingProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['must be an object of import fields to column headers'];
  const problems: string[] = [];
  const unknown = Object.keys(value).filter((field) => !ALL_IMPORT_FIELDS.includes(field));
  if (unknown.length)
    problems.push(`has no import field ${unknown.join(', ')} (the fields: ${ALL_IMPORT_FIELDS.join(', ')})`);
  for (const [field, header] of Object.entries(value)) {
    if (unknown.includes(field)) continue;
    if (typeof header !== 'string' || header.trim().length === 0 || header.length > MAX_HEADER_LENGTH) {
      problems.push(
        `maps ${field} to ${JSON.stringify(header)}: a column header is text of 1 to ${MAX_HEADER_LENGTH} characters`,
      );
    }
  }
  return problems;
}

/** Checks the shape of a column mapping: known field names, header texts of at most 200 characters; the message names what is wrong. */
export function IsColumnMapping(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isColumnMapping',
      validator: {
        validate: (value: unknown) => columnMappingProblems(value).length === 0,
        defaultMessage: (args) => `$property ${columnMappingProblems(args?.value).join('; ')}`,
      },
    },
    options,
  );
}

/** The fields of `mapping` that `kind` does not have. */
export function foreignFields(kind: ImportKind, mapping: ColumnMapping): string[] {
  const own: readonly string[] = IMPORT_FIELDS[kind];
  return Object.keys(mapping).filter((f) => !own.includes(f));
}

const MAPPING_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'string' },
  example: { po_number: 'Bestellnummer', part_number: 'Artikel', quantity: 'Menge' },
} as const;

export class SaveMappingDto {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS)
  kind!: ImportKind;

  @ApiPropertyOptional({
    description:
      "The supplier whose files use this mapping; left out, the mapping is the tenant's default for the kind.",
    example: 'ACME-01',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  supplierCode?: string;

  @ApiProperty({ ...MAPPING_SCHEMA, description: 'Import field -> column header.' })
  @IsColumnMapping()
  mapping!: ColumnMapping;
}

export class ListMappingsQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_KINDS })
  @IsOptional()
  @IsIn(IMPORT_KINDS)
  kind?: ImportKind;

  @ApiPropertyOptional({ example: 'ACME-01' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  supplierCode?: string;
}

export class MappingDto {
  @ApiProperty({ enum: IMPORT_KINDS })
  kind!: ImportKind;

  @ApiPropertyOptional({ type: String, nullable: true, description: "null: the tenant's default for the kind." })
  supplierCode!: string | null;

  @ApiProperty(MAPPING_SCHEMA)
  mapping!: ColumnMapping;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class MappingListDto {
  @ApiProperty({ type: [MappingDto] })
  data!: MappingDto[];
}

/** How the columns of a file were mapped, and from where each field's mapping came. */
export class DetectedMappingDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', nullable: true },
    description: 'Import field -> the column header it is read from (null: not in the file).',
    example: { po_number: 'PO #', part_number: 'Material', quantity: 'Qty', currency: null },
  })
  fields!: Record<string, string | null>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['auto', 'saved', 'explicit'] },
    description: 'Where each mapped field came from: recognised header (auto), a saved mapping, or the request.',
  })
  source!: Record<string, 'auto' | 'saved' | 'explicit'>;

  @ApiProperty({ type: [String], description: 'Headers of the file no field is read from.' })
  unmappedColumns!: string[];

  @ApiProperty({
    type: [String],
    description: 'Required fields no column was found for; the import cannot run without them.',
  })
  missingRequired!: string[];
}
