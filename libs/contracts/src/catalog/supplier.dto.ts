import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageMetaDto, PageQueryDto, type Page } from '../jobs/page.dto.js';

/** A supplier as it appears inside other resources. */
/** Supplier ids are PostgreSQL bigints handed out as JavaScript integers. */
export const MAX_SUPPLIER_ID = Number.MAX_SAFE_INTEGER;

export class SupplierRefDto {
  @ApiProperty({ type: 'integer', example: 7 })
  id!: number;

  @ApiProperty({ example: 'SUP-BOSCH' })
  code!: string;

  @ApiProperty({ example: 'Robert Bosch LLC' })
  name!: string;
}

export class SupplierDto extends SupplierRefDto {
  @ApiProperty({ type: 'integer', example: 4, description: 'Purchase orders of this supplier.' })
  purchase_orders_count!: number;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

export class SupplierPageDto implements Page<SupplierDto> {
  @ApiProperty({ type: [SupplierDto] })
  data!: SupplierDto[];

  @ApiProperty({ type: PageMetaDto })
  meta!: PageMetaDto;
}

export class ListSuppliersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Suppliers whose code or name contain this text (case-insensitive), by code.',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}
