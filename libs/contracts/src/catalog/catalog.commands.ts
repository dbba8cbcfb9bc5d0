import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { ProductPricesQueryDto } from './price.dto.js';
import { UpdateProductDto, type ProductDto } from './product.dto.js';

/** Ids are PostgreSQL bigints handed out as JavaScript integers. */
export const MAX_PRODUCT_ID = Number.MAX_SAFE_INTEGER;
/** Most ids one `catalog.products.get-many` may ask for. */
export const GET_MANY_MAX_IDS = 1000;

/** Applies each decorator to the property, in order. */
function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}

/** A catalog product id. */
export const IsProductId = (): PropertyDecorator => all(IsInt(), Min(1), Max(MAX_PRODUCT_ID));

/** A list of `min` to `max` catalog product ids. */
export const IsProductIds = (min: number, max: number): PropertyDecorator =>
  all(
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(max),
    IsInt({ each: true }),
    Min(1, { each: true }),
    Max(MAX_PRODUCT_ID, { each: true }),
  );

export class ProductRefCommand {
  @IsProductId()
  id!: number;
}

export class UpdateProductCommand extends ProductRefCommand {
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateProductDto)
  changes!: UpdateProductDto;
}

export class ProductPricesCommand extends ProductPricesQueryDto {
  @IsProductId()
  id!: number;
}

/** Payload of `catalog.products.get-many`: how other services read products (never through the schema). */
export class GetManyProductsCommand {
  @IsProductIds(0, GET_MANY_MAX_IDS)
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
