import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../jobs/page.dto.js';

/** Longest search text: a part number or a question, not a document. */
export const MAX_SEARCH_QUERY_LENGTH = 200;
export const MAX_SEARCH_PRICE = 1_000_000_000;
export const MIN_VEHICLE_YEAR = 1900;
export const MAX_VEHICLE_YEAR = 2100;

const NOT_BLANK = /\S/;

/** A number not below the sibling property `other` (when both are given). */
function IsNotBelow(other: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotBelow',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: (args: ValidationArguments) => `${args.property} must not be below ${other}` },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const low = (args.object as Record<string, unknown>)[other];
          return typeof value !== 'number' || typeof low !== 'number' || value >= low;
        },
      },
    });
}

export const SEARCH_MODES = ['hybrid', 'lexical', 'semantic'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

/** `GET /api/v1/search/products`: the text, filters and page. */
export class SearchProductsQueryDto extends PageQueryDto {
  @ApiProperty({
    description:
      'Search text: part numbers (exact and partial, punctuation and case ignored: `KB-70`, `kb70`), words of the name, ' +
      'description, brand, category and attributes, with typos tolerated (`cermic brake pad`).',
    example: 'ceramic brake pads',
    minLength: 1,
    maxLength: MAX_SEARCH_QUERY_LENGTH,
  })
  @IsString()
  @Length(1, MAX_SEARCH_QUERY_LENGTH)
  @Matches(NOT_BLANK, { message: 'q must not be blank' })
  q!: string;

  @ApiPropertyOptional({ description: 'Exact brand (case-insensitive).', example: 'Bosch', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  brand?: string;

  @ApiPropertyOptional({ description: 'Exact category (case-insensitive).', example: 'Brake Pads', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  category?: string;

  @ApiPropertyOptional({
    description: 'Lowest price: products whose price range reaches at least this much.',
    minimum: 0,
    maximum: MAX_SEARCH_PRICE,
    example: 20,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  @Max(MAX_SEARCH_PRICE)
  price_min?: number;

  @ApiPropertyOptional({
    description: 'Highest price: products whose price range starts at most this much; not below price_min.',
    minimum: 0,
    maximum: MAX_SEARCH_PRICE,
    example: 80,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  @Max(MAX_SEARCH_PRICE)
  @IsNotBelow('price_min')
  price_max?: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Vehicle year: products with an approved fitment for a vehicle of this year.',
    minimum: MIN_VEHICLE_YEAR,
    maximum: MAX_VEHICLE_YEAR,
    example: 2016,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_VEHICLE_YEAR)
  @Max(MAX_VEHICLE_YEAR)
  year?: number;

  @ApiPropertyOptional({ description: 'Vehicle make (approved fitments only, case-insensitive).', example: 'Honda' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'make must not be blank' })
  make?: string;

  @ApiPropertyOptional({ description: 'Vehicle model (approved fitments only, case-insensitive).', example: 'Civic' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'model must not be blank' })
  model?: string;

  @ApiPropertyOptional({ description: 'Vehicle submodel (approved fitments only, case-insensitive).', example: 'EX' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'submodel must not be blank' })
  submodel?: string;

  @ApiPropertyOptional({
    enum: SEARCH_MODES,
    default: 'hybrid',
    description:
      '`hybrid`: words and part numbers fused with meaning (embeddings) by rank fusion, part numbers first; ' +
      '`lexical`: words, part numbers and similar words only; `semantic`: meaning only (empty when the index has ' +
      'no embeddings, e.g. EMBEDDINGS_PROVIDER=none). Hybrid falls back to lexical while embeddings are not ready.',
  })
  @IsOptional()
  @IsIn(SEARCH_MODES)
  mode?: SearchMode;
}

export class SearchPriceDto {
  @ApiProperty({ example: '24.5000', description: 'Lowest of the suppliers’ latest prices (decimal string).' })
  min!: string;

  @ApiProperty({ example: '31.9000', description: 'Highest of the suppliers’ latest prices (decimal string).' })
  max!: string;

  @ApiProperty({ example: 'USD' })
  currency!: string;
}

export class SearchSupplierDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty({ example: 'ACME' })
  code!: string;

  @ApiProperty({ example: 'Acme Parts' })
  name!: string;
}

export class SearchVehicleDto {
  @ApiProperty({ type: 'integer', example: 2016 })
  year!: number;

  @ApiProperty({ example: 'Honda' })
  make!: string;

  @ApiProperty({ example: 'Civic' })
  model!: string;

  @ApiProperty({ example: 'EX', description: 'Empty when the fitment is for every submodel.' })
  submodel!: string;
}

export const SEARCH_MATCHES = ['part_number', 'text', 'fuzzy', 'semantic'] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

export class SearchHighlightsDto {
  @ApiProperty({ example: 'Ceramic <mark>Brake</mark> <mark>Pads</mark>, Front' })
  name!: string;

  @ApiProperty({ example: '... low-dust <mark>ceramic</mark> compound ...' })
  description!: string;
}

export class SearchHitDto {
  @ApiProperty({ type: 'integer', example: 1042 })
  product_id!: number;

  @ApiProperty({ example: 'KB-70' })
  part_number!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: String, nullable: true })
  brand!: string | null;

  @ApiProperty({ type: String, nullable: true })
  category!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  attributes!: Record<string, unknown>;

  @ApiPropertyOptional({ type: SearchPriceDto, nullable: true })
  price!: SearchPriceDto | null;

  @ApiProperty({ type: [SearchSupplierDto] })
  suppliers!: SearchSupplierDto[];

  @ApiProperty({ type: [SearchVehicleDto], description: 'Vehicles of approved fitments (at most 50 shown).' })
  vehicles!: SearchVehicleDto[];

  @ApiProperty({
    enum: SEARCH_MATCHES,
    description:
      'Why it matched: its part number, the words of its text, similar words (typos), or only its meaning (semantic search).',
  })
  match!: SearchMatch;

  @ApiProperty({ description: 'Lexical relevance (higher is better); results are ordered by fused rank.' })
  score!: number;

  @ApiProperty({ type: SearchHighlightsDto, description: 'Matched words in `<mark>`, HTML-escaped otherwise.' })
  highlights!: SearchHighlightsDto;
}

export class SearchFacetValueDto {
  @ApiProperty({ example: 'Bosch' })
  value!: string;

  @ApiProperty({ type: 'integer', example: 12 })
  count!: number;
}

export class SearchFacetsDto {
  @ApiProperty({ type: [SearchFacetValueDto] })
  brand!: SearchFacetValueDto[];

  @ApiProperty({ type: [SearchFacetValueDto] })
  category!: SearchFacetValueDto[];

  @ApiProperty({ type: [SearchFacetValueDto], description: 'Makes of approved fitments of the matching products.' })
  make!: SearchFacetValueDto[];
}

export class SearchResultDto {
  @ApiProperty({ type: [SearchHitDto] })
  data!: SearchHitDto[];

  @ApiProperty({ type: PageMetaDto })
  meta!: PageMetaDto;

  @ApiProperty({ type: SearchFacetsDto, description: 'Counts over all matching products (up to 20 values each).' })
  facets!: SearchFacetsDto;

  @ApiProperty({ description: 'Index generation the answer was read from.', type: 'integer' })
  generation!: number;
}
