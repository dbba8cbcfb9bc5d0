import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { ProductPricesQueryDto } from './price.dto.js';
import { UpdateProductDto, type ProductDto } from './product.dto.js';

/** Ids are PostgreSQL bigints handed out as JavaScript integers. */
export const MAX_PRODUCT_ID = Number.MAX_SAFE_INTEGER;
/** Most ids one `catalog.products.get-many` may ask for. */
export const GET_MANY_MAX_IDS = 1000;

export class ProductRefCommand {
  @IsInt()
  @Min(1)
  @Max(MAX_PRODUCT_ID)
  id!: number;
}

export class UpdateProductCommand extends ProductRefCommand {
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateProductDto)
  changes!: UpdateProductDto;
}

export class ProductPricesCommand extends ProductPricesQueryDto {
  @IsInt()
  @Min(1)
  @Max(MAX_PRODUCT_ID)
  id!: number;
}

/** Payload of `catalog.products.get-many`: how other services read products (never through the schema). */
export class GetManyProductsCommand {
  @IsArray()
  @ArrayMaxSize(GET_MANY_MAX_IDS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_PRODUCT_ID, { each: true })
  ids!: number[];
}

export interface GetManyProductsResult {
  /** The products found, in the order their ids were asked for (each once). */
  products: ProductDto[];
  /** Ids asked for that this tenant has no product with (never existed, deleted, or another tenant's). */
  missing_ids: number[];
}

export interface DeleteProductResult {
  id: number;
  deleted: true;
}
