import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadEnv } from '@torque/platform';
import { IngestionEnv } from './ingestion-env.js';

describe('IngestionEnv', () => {
  it('gives the documented defaults when nothing is set, and parses numbers', () => {
    expect({ ...loadEnv(IngestionEnv, {}) }).toEqual({
      IMPORT_MAX_ERRORS: 1000,
      IMPORT_PREVIEW_MAX_ROWS: 20_000,
      IMPORT_PREVIEW_LOCK_TIMEOUT_MS: 2000,
      IMPORT_DEFAULT_CURRENCY: 'USD',
      IMPORT_PRICE_OUTLIER_PCT: 50,
      IMPORT_BLOCK_MIN_LINES: 100_000,
      IMPORT_BLOCKS_MERGE_MAX_LINES: 2_000_000,
      IMPORT_BLOCKS_MERGE_LOCK_TIMEOUT_MS: 1000,
    });
    expect(loadEnv(IngestionEnv, { IMPORT_BLOCK_MIN_LINES: '1', IMPORT_MAX_ERRORS: '0' })).toMatchObject({
      IMPORT_BLOCK_MIN_LINES: 1,
      IMPORT_MAX_ERRORS: 0,
    });
  });

  it.each([
    ['IMPORT_MAX_ERRORS', '-1'],
    ['IMPORT_PREVIEW_MAX_ROWS', '5'],
    ['IMPORT_PREVIEW_LOCK_TIMEOUT_MS', '60000'],
    ['IMPORT_DEFAULT_CURRENCY', 'usd'],
    ['IMPORT_PRICE_OUTLIER_PCT', 'half'],
    ['IMPORT_BLOCK_MIN_LINES', '0'],
    ['IMPORT_BLOCKS_MERGE_MAX_LINES', '1.5'],
    ['IMPORT_BLOCKS_MERGE_LOCK_TIMEOUT_MS', '0'],
  ])('rejects %s=%s with a ConfigError that names the variable and the value', (name, value) => {
    let error: unknown;
    try {
      loadEnv(IngestionEnv, { [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringContaining(`${name}=${JSON.stringify(value)}`)]);
  });
});
