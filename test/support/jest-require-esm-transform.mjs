// Jest transform of @nestjs/throttler's CommonJS files: each require() of an ES-only package becomes the module
// test/support/jest-nestjs-throttler.mjs imported before loading the package.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const REGISTRY = "globalThis[Symbol.for('torque.jest.esm-for-require')]";
const ESM_ONLY = ['@nestjs/common', '@nestjs/core'];
const SELF = readFileSync(new URL(import.meta.url));

export default {
  process(source) {
    let code = source;
    for (const name of ESM_ONLY) code = code.replaceAll(`require("${name}")`, `${REGISTRY}["${name}"]`);
    return { code };
  },
  getCacheKey(source, path) {
    return createHash('sha256').update(SELF).update(path).update(source).digest('hex');
  },
};
