import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_SUPPLIER_ID, SupplierRefDto } from './supplier.dto.js';

export const PRICE_SOURCES = ['import', 'manual'] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];
export const MAX_PRICES_PER_SUPPLIER = 500;

/** One observed unit price of a product from a supplier: a purchase order line. */
export class PricePointDto {
  @ApiProperty({ type: 'integer', example: 311, description: 'The purchase order line the price is on.' })
  id!: number;

  @ApiProperty({ example: '42.95', description: 'Decimal string, exact.' })
  unit_price!: string;

  @ApiProperty({ example: 'USD' })
  currency!: string;

  @ApiProperty({
    format: 'date',
    example: '2025-03-14',
    description: 'The order date of the purchase order (the day it was recorded when it has none).',
  })
  observed_on!: string;

  @ApiProperty({ enum: PRICE_SOURCES })
  source!: PriceSource;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The upload that brought it, for imported prices.',
  })
  upload_id!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}

export class SupplierPriceHistoryDto {
  @ApiProperty({ type: SupplierRefDto })
  supplier!: SupplierRefDto;

  @ApiProperty({
    type: 'integer',
    example: 37,
    description: 'Price points of this supplier for the product, all of them.',
  })
  total!: number;

  @ApiProperty({
    type: [PricePointDto],
    description: 'Newest first (by observed_on, then id), at most `per_supplier`.',
  })
  prices!: PricePointDto[];
}

/** A product's price history, one entry per supplier; the supplier with the most recent price first. */
export class ProductPriceHistoryDto {
  @ApiProperty({ type: 'integer', example: 1042 })
  product_id!: number;

  @ApiProperty({ example: 'BR-54132' })
  part_number!: string;

  @ApiProperty({ type: [SupplierPriceHistoryDto] })
  suppliers!: SupplierPriceHistoryDto[];
}

export class ProductPricesQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_SUPPLIER_ID, description: 'Only this supplier.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SUPPLIER_ID)
  supplier_id?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PRICES_PER_SUPPLIER,
    default: 20,
    description: 'Price points returned per supplier.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PRICES_PER_SUPPLIER)
  per_supplier: number = 20;
}
