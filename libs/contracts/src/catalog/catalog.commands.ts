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

/** Most products one `catalog.products.scan` answers; most ids one `catalog.products.versions` answers. */
export const SCAN_MAX_PRODUCTS = 1000;
export const VERSIONS_MAX_IDS = 10_000;

/** Payload of `catalog.products.scan` and `catalog.products.versions`: a keyset page in id order. */
export class ProductScanCommand {
  @IsInt()
  @Min(0)
  @Max(MAX_PRODUCT_ID)
  after_id!: number;

  @IsInt()
  @Min(1)
  @Max(VERSIONS_MAX_IDS)
  limit!: number;
}

export interface ProductScanResult {
  /** Products with ids above `after_id`, in id order, at most `limit` (and SCAN_MAX_PRODUCTS). */
  products: ProductDto[];
  /** The `after_id` of the next page; null after the last. */
  next_after_id: number | null;
}

/** A product's id and version (its updated_at), for comparing copies of the catalog. */
export interface ProductVersion {
  id: number;
  updated_at: string;
}

export interface ProductVersionsResult {
  items: ProductVersion[];
  next_after_id: number | null;
}

/** Payload of `catalog.products.price-summaries`. */
export class PriceSummariesCommand {
  @IsProductIds(0, GET_MANY_MAX_IDS)
  ids!: number[];
}

/** The price range of a product over its suppliers' latest prices, in the currency most of them use. */
export interface ProductPriceSummary {
  product_id: number;
  min_price: string;
  max_price: string;
  currency: string;
  suppliers: { id: number; code: string; name: string }[];
}

export interface PriceSummariesResult {
  /** Products with at least one price (the others have none). */
  summaries: ProductPriceSummary[];
}

export interface DeleteProductResult {
  id: number;
  deleted: true;
}
