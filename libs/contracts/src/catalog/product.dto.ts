import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PageMetaDto, PageQueryDto, type Page } from '../jobs/page.dto.js';
import { IsProductAttributes, TRIMMED_NON_BLANK } from './catalog.validators.js';

export const PRODUCT_SORTS = ['part_number', 'name', 'updated_at', 'id'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

const NOT_TRIMMED = (field: string) => ({ message: `${field} must not be blank nor start or end with whitespace` });

/** A product of the catalog, as every reader (HTTP clients, other services) sees it. */
export class ProductDto {
  @ApiProperty({ type: 'integer', example: 1042, description: 'Integer id, stable for the life of the product.' })
  id!: number;

  @ApiProperty({ example: 'BR-54132', description: 'Unique within the tenant.' })
  part_number!: string;

  @ApiProperty({ example: 'Front Disc Brake Rotor, Vented' })
  name!: string;

  @ApiProperty({ example: 'Vented front rotor, 296 mm. Fits 2016-2021 Honda Civic (excl. Type R).' })
  description!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Brembo' })
  brand!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Brake Rotors' })
  category!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Free-form attributes (position, material, dimensions, ...).',
    example: { position: 'Front', material: 'Cast iron', diameter_mm: 296 },
  })
  attributes!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

export class ProductPageDto implements Page<ProductDto> {
  @ApiProperty({ type: [ProductDto] })
  data!: ProductDto[];

  @ApiProperty({ type: PageMetaDto })
  meta!: PageMetaDto;
}

export class CreateProductDto {
  @ApiProperty({ example: 'BR-54132', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @Matches(TRIMMED_NON_BLANK, NOT_TRIMMED('part_number'))
  part_number!: string;

  @ApiProperty({ example: 'Front Disc Brake Rotor, Vented', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  @Matches(TRIMMED_NON_BLANK, NOT_TRIMMED('name'))
  name!: string;

  @ApiPropertyOptional({ example: 'Fits 2016-2021 Honda Civic', maxLength: 10_000, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Brembo', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  brand?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Brake Rotors', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  category?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'A JSON object of at most 100 keys and 16 KiB.',
    example: { position: 'Front', material: 'Cast iron', diameter_mm: 296 },
  })
  @IsOptional()
  @IsProductAttributes()
  attributes?: Record<string, unknown>;
}

/** PATCH: only the fields present change; `brand` and `category` may be set to null; `attributes` is replaced as a whole. */
export class UpdateProductDto {
  @ApiPropertyOptional({ example: 'BR-54132', minLength: 1, maxLength: 100 })
  @ValidateIf((o: UpdateProductDto) => o.part_number !== undefined)
  @IsString()
  @Length(1, 100)
  @Matches(TRIMMED_NON_BLANK, NOT_TRIMMED('part_number'))
  part_number?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 500 })
  @ValidateIf((o: UpdateProductDto) => o.name !== undefined)
  @IsString()
  @Length(1, 500)
  @Matches(TRIMMED_NON_BLANK, NOT_TRIMMED('name'))
  name?: string;

  @ApiPropertyOptional({ maxLength: 10_000 })
  @ValidateIf((o: UpdateProductDto) => o.description !== undefined)
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: 'null clears it.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  brand?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: 'null clears it.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  category?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Replaces the attributes as a whole.',
  })
  @ValidateIf((o: UpdateProductDto) => o.attributes !== undefined)
  @IsProductAttributes()
  attributes?: Record<string, unknown>;
}

export class ListProductsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'Search text: every word must occur in the part number, name or description (case-insensitive); most similar ' +
      'first unless `sort` is given.',
    example: 'civic rotor',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ description: 'Exact brand.', example: 'Bosch' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  brand?: string;

  @ApiPropertyOptional({ description: 'Exact category.', example: 'Brake Pads' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  category?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only products changed at or after this instant.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  updated_since?: string;

  @ApiPropertyOptional({
    enum: PRODUCT_SORTS,
    description: 'Sort key (ties broken by id). Default: relevance when `q` is given, else part_number.',
  })
  @IsOptional()
  @IsIn(PRODUCT_SORTS)
  sort?: ProductSort;

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'asc' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order?: SortOrder;
}
