import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { isProductAttributes, MAX_ATTRIBUTE_KEYS, TRIMMED_NON_BLANK } from './catalog.validators.js';
import { CreateProductDto, UpdateProductDto } from './product.dto.js';
import { GET_MANY_MAX_IDS, GetManyProductsCommand, ProductRefCommand } from './catalog.commands.js';

const fields = (cls: new () => object, plain: object) =>
  validateSync(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true }).map((e) => e.property);

describe('product validation', () => {
  it('accepts JSON objects as attributes, up to the key and size limits', () => {
    expect(isProductAttributes({ position: 'Front', dims: { d: 296 }, tags: ['vented'] })).toBe(true);
    expect(isProductAttributes({})).toBe(true);
    for (const bad of [null, [], 'x', 3]) expect(isProductAttributes(bad)).toBe(false);
    expect(
      isProductAttributes(Object.fromEntries(Array.from({ length: MAX_ATTRIBUTE_KEYS + 1 }, (_, i) => [`k${i}`, i]))),
    ).toBe(false);
    expect(isProductAttributes({ blob: 'x'.repeat(17 * 1024) })).toBe(false);
  });

  it('takes part numbers as given: no blank ones, no whitespace around them', () => {
    for (const ok of ['A', 'BR-54132', 'KIT 12/B']) expect(TRIMMED_NON_BLANK.test(ok)).toBe(true);
    for (const bad of ['', ' ', ' A', 'A ', '\tA']) expect(TRIMMED_NON_BLANK.test(bad)).toBe(false);
  });

  it('needs part_number and name to create; the rest is optional', () => {
    expect(fields(CreateProductDto, { part_number: 'A-1', name: 'A' })).toEqual([]);
    expect(fields(CreateProductDto, {}).sort()).toEqual(['name', 'part_number']);
    expect(fields(CreateProductDto, { part_number: 'A-1', name: 'A', brand: null, category: null })).toEqual([]);
  });

  it('lets a PATCH clear brand and category but not name, part_number or description', () => {
    expect(fields(UpdateProductDto, {})).toEqual([]);
    expect(fields(UpdateProductDto, { brand: null, category: null })).toEqual([]);
    expect(
      fields(UpdateProductDto, { name: null, part_number: null, description: null, attributes: null }).sort(),
    ).toEqual(['attributes', 'description', 'name', 'part_number']);
  });
});

describe('product id validation', () => {
  it('takes positive integer ids, in lists up to their limit', () => {
    expect(fields(ProductRefCommand, { id: 7 })).toEqual([]);
    for (const id of [0, -1, 1.5, '7', Number.MAX_SAFE_INTEGER + 2])
      expect(fields(ProductRefCommand, { id })).toEqual(['id']);
    expect(fields(GetManyProductsCommand, { ids: [] })).toEqual([]);
    expect(fields(GetManyProductsCommand, { ids: [1, 2, 3] })).toEqual([]);
    for (const ids of [[0], [1, 'x'], 'x', Array.from({ length: GET_MANY_MAX_IDS + 1 }, (_, i) => i + 1)]) {
      expect(fields(GetManyProductsCommand, { ids })).toEqual(['ids']);
    }
  });
});
