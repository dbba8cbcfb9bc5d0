// Native ESM mode: NestJS 12 ships as ES modules only, so specs run as ESM (see README, "Tests").
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'es6' },
};

export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    // ESM-only packages that CommonJS dependencies require(); Node 20 loads them natively, Jest's VM does not.
    '/node_modules/(content-disposition)/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
    // The other way round: a CommonJS package that requires ESM-only ones (test/support/jest-nestjs-throttler.mjs).
    '/node_modules/@nestjs/throttler/.+\\.js$': '<rootDir>/test/support/jest-require-esm-transform.mjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|@nestjs/throttler)/)'],
  moduleNameMapper: {
    '^@nestjs/throttler$': '<rootDir>/test/support/jest-nestjs-throttler.mjs',
    '^@torque/(contracts|platform)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 30000,
  maxWorkers: 2,
};
