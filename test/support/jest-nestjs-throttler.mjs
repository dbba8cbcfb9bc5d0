// Jest's stand-in for @nestjs/throttler (moduleNameMapper in jest.config.js). The package is CommonJS and require()s
// @nestjs/common and @nestjs/core, which are ES modules only: Node 20.19 loads them so natively, Jest's VM cannot.
// jest-require-esm-transform.mjs rewrites those require() calls to read the modules imported here, the instances the
// code under test uses too (one Reflector, one Injectable); the package is loaded after them, hence the dynamic import.
// Names the code imports at run time are listed here (a missing one fails the test that imports it).
import * as common from '@nestjs/common';
import * as core from '@nestjs/core';

globalThis[Symbol.for('torque.jest.esm-for-require')] = { '@nestjs/common': common, '@nestjs/core': core };
const throttler = (await import('@nestjs/throttler/dist/index.js')).default;

export const { ThrottlerGuard, ThrottlerModule, ThrottlerStorage, getOptionsToken, getStorageToken } = throttler;
