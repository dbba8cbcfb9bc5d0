import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PageMetaDto } from '../jobs/page.dto.js';

export class VehicleMakeDto {
  @ApiProperty({ example: 11 })
  id!: number;

  @ApiProperty({ example: 'Honda' })
  name!: string;

  @ApiProperty({ description: 'Models of the make in the catalog.', example: 12 })
  model_count!: number;
}

export class ListVehicleMakesQueryDto {
  @ApiPropertyOptional({ example: 'ho', description: 'Only makes whose name contains this, case-insensitive.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class VehicleMakeListDto {
  @ApiProperty({ type: [VehicleMakeDto] })
  data!: VehicleMakeDto[];
}

export class VehicleModelDto {
  @ApiProperty({ example: 1101 })
  id!: number;

  @ApiProperty({ example: 11 })
  make_id!: number;

  @ApiProperty({ example: 'Honda' })
  make!: string;

  @ApiProperty({ example: 'Civic' })
  name!: string;

  @ApiProperty({ example: 2000 })
  first_year!: number;

  @ApiProperty({ example: 2026 })
  last_year!: number;
}

export class VehicleModelListDto {
  @ApiProperty({ type: [VehicleModelDto] })
  data!: VehicleModelDto[];
}

export class ListVehicleModelsQueryDto {
  @ApiPropertyOptional({ example: 11 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  make_id?: number;

  @ApiPropertyOptional({ example: 'Honda', description: 'Make name (or alias such as Chevy), case-insensitive.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  make?: string;
}

/** One configuration of the catalog: base vehicle (year + make + model) with a submodel and an engine. */
export class VehicleDto {
  @ApiProperty({ example: 11012020001002, description: 'Vehicle (configuration) id.' })
  vehicle_id!: number;

  @ApiProperty({ example: 11012020 })
  base_vehicle_id!: number;

  @ApiProperty({ example: 2020 })
  year!: number;

  @ApiProperty({ example: 11 })
  make_id!: number;

  @ApiProperty({ example: 'Honda' })
  make!: string;

  @ApiProperty({ example: 1101 })
  model_id!: number;

  @ApiProperty({ example: 'Civic' })
  model!: string;

  @ApiProperty({ example: 1 })
  submodel_id!: number;

  @ApiProperty({ example: 'LX' })
  submodel!: string;

  @ApiProperty({ example: 2 })
  engine_id!: number;

  @ApiProperty({ example: '2.0L I4' })
  engine!: string;
}

export class SearchVehiclesQueryDto {
  @ApiPropertyOptional({ example: 2020 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1896)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: 'Honda', description: 'Make name, case-insensitive.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  make?: string;

  @ApiPropertyOptional({ example: 'Civic', description: 'Model name, case-insensitive.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  model?: string;

  @ApiPropertyOptional({ example: 'EX', description: 'Submodel name, case-insensitive.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  submodel?: string;

  @ApiPropertyOptional({ example: 'civic 2.0', description: 'Every word must occur in make, model, submodel or engine (case-insensitive).' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class VehiclePageDto {
  @ApiProperty({ type: [VehicleDto] })
  data!: VehicleDto[];

  @ApiProperty({ type: PageMetaDto })
  meta!: PageMetaDto;
}
