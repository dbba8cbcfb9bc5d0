import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

export const MAX_ATTRIBUTE_KEYS = 100;
export const MAX_ATTRIBUTES_BYTES = 16 * 1024;

/** True for a plain JSON object (not an array, not null) small enough to keep on a product. */
export function isProductAttributes(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.keys(value).length > MAX_ATTRIBUTE_KEYS) return false;
  return Buffer.byteLength(JSON.stringify(value), 'utf8') <= MAX_ATTRIBUTES_BYTES;
}

/** `attributes`: a JSON object of at most 100 keys and 16 KiB. */
export function IsProductAttributes(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isProductAttributes',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} must be a JSON object of at most ${MAX_ATTRIBUTE_KEYS} keys and ${MAX_ATTRIBUTES_BYTES / 1024} KiB`,
        ...options,
      },
      validator: { validate: (value: unknown) => isProductAttributes(value) },
    });
}

/** A string with something besides whitespace, and no whitespace around it (part numbers are compared as given). */
export const TRIMMED_NON_BLANK = /^\S(?:[\s\S]*\S)?$/;
