import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PageMetaDto, PageQueryDto, type Page } from '../jobs/page.dto.js';
import { MAX_SUPPLIER_ID, SupplierRefDto } from './supplier.dto.js';

export class PurchaseOrderDto {
  @ApiProperty({ type: 'integer', example: 12 })
  id!: number;

  @ApiProperty({ example: 'PO-2025-0012' })
  po_number!: string;

  @ApiProperty({ type: SupplierRefDto })
  supplier!: SupplierRefDto;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2025-03-14' })
  order_date!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'USD',
    description: "The order's currency (of its lines when it has none of its own).",
  })
  currency!: string | null;

  @ApiProperty({ type: 'integer', example: 14 })
  lines_count!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '4280.5',
    description:
      'Sum of quantity x unit price over the lines, as a decimal string; null when the lines mix currencies.',
  })
  total!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}

export class PurchaseOrderPageDto implements Page<PurchaseOrderDto> {
  @ApiProperty({ type: [PurchaseOrderDto] })
  data!: PurchaseOrderDto[];

  @ApiProperty({ type: PageMetaDto })
  meta!: PageMetaDto;
}

export class ListPurchaseOrdersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_SUPPLIER_ID,
    description: 'Only the orders of this supplier.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SUPPLIER_ID)
  supplier_id?: number;

  @ApiPropertyOptional({ description: 'Orders whose PO number contains this text (case-insensitive).', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
