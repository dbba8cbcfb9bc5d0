import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_PAGE, PageMetaDto } from '../jobs/page.dto.js';

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

/** Largest id of the vehicle catalog's tables (PostgreSQL integer). */
export const MAX_VEHICLE_TABLE_ID = 2_147_483_647;

export class ListVehicleModelsQueryDto {
  @ApiPropertyOptional({ example: 11, minimum: 1, maximum: MAX_VEHICLE_TABLE_ID })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VEHICLE_TABLE_ID)
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

/** Year, make and model filters, shared by vehicle search and fitment lists. */
export class VehicleFilterDto {
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
}

export class SearchVehiclesQueryDto extends VehicleFilterDto {
  @ApiPropertyOptional({ example: 'EX', description: 'Submodel name, case-insensitive.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  submodel?: string;

  @ApiPropertyOptional({
    example: 'civic 2.0',
    description: 'Every word must occur in make, model, submodel or engine (case-insensitive).',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
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

/** Columns of a vehicle catalog import CSV (`year,make,model,submodel,engine`; submodel and engine may be empty). */
export const VEHICLE_IMPORT_COLUMNS = ['year', 'make', 'model', 'submodel', 'engine'] as const;
export type VehicleImportColumn = (typeof VEHICLE_IMPORT_COLUMNS)[number];

/** Largest vehicle catalog CSV the import takes in one request. */
export const VEHICLE_IMPORT_MAX_BYTES = 4 * 1024 * 1024;

/** The multipart form of a vehicle catalog import (documentation only: the file is streamed, not bound). */
export class VehicleImportFormDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'UTF-8 CSV (at most 4 MiB) with the header `year,make,model,submodel,engine`, e.g. `2024,Rivian,R1T,Adventure,Electric`. ' +
      'engine ("2.0L I4", "2.7L V6 EcoBoost", "Electric") and submodel are optional; a row without an engine adds the base ' +
      'vehicle (year + make + model) only, a row with an engine but no submodel uses the submodel Base.',
  })
  file!: unknown;
}

/** Why one row of an import was not taken. */
export class VehicleImportRowErrorDto {
  @ApiProperty({ example: 3, description: 'Line of the file (the header is line 1).' })
  row!: number;

  @ApiProperty({ enum: VEHICLE_IMPORT_COLUMNS, example: 'year' })
  column!: VehicleImportColumn;

  @ApiProperty({ example: '20x4', description: 'The value as given (empty when missing).' })
  value!: string;

  @ApiProperty({ example: 'a 4-digit year between 1900 and 2100' })
  expected!: string;
}

/** What an import added; rows and vehicles already in the catalog are left as they are (counted 0). */
export class VehicleImportResultDto {
  @ApiProperty({ example: 12, description: 'Data rows read (the header and blank lines aside).' })
  rows!: number;

  @ApiProperty({ example: 11, description: 'Rows imported (or already in the catalog).' })
  rows_imported!: number;

  @ApiProperty({ example: 1 })
  rows_rejected!: number;

  @ApiProperty({ example: 1 })
  makes_created!: number;

  @ApiProperty({ example: 2 })
  models_created!: number;

  @ApiProperty({ example: 6 })
  base_vehicles_created!: number;

  @ApiProperty({ example: 1 })
  submodels_created!: number;

  @ApiProperty({ example: 0 })
  engines_created!: number;

  @ApiProperty({ example: 9 })
  vehicles_created!: number;

  @ApiProperty({
    type: [VehicleImportRowErrorDto],
    description: 'Rows not imported, with the column at fault (at most 1000 listed).',
  })
  errors!: VehicleImportRowErrorDto[];
}
