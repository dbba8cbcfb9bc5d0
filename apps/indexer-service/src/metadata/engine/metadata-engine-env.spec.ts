import { describe, expect, it } from '@jest/globals';
import { loadEnv } from '@torque/platform';
import { MetadataEngineEnv, truncateMetadataContent } from './metadata-engine-env.js';

describe('MetadataEngineEnv', () => {
  it('has defaults that need no key and no network', () => {
    const env = loadEnv(MetadataEngineEnv, {});
    expect(env).toMatchObject({
      METADATA_PROVIDERS: 'openai,gemini,local',
      OPENAI_BASE_URL: 'https://api.openai.com/v1',
      GEMINI_BASE_URL: 'https://generativelanguage.googleapis.com',
      METADATA_MAX_CONTENT_CHARS: 4000,
      METADATA_PROVIDER_RETRIES: 2,
    });
    expect(env.OPENAI_API_KEY).toBeUndefined();
  });

  it.each([
    ['METADATA_PROVIDER_TIMEOUT_MS', 'soon'],
    ['METADATA_PROVIDER_RETRIES', '-1'],
    ['METADATA_BREAKER_FAILURES', '0'],
    ['METADATA_MAX_CONTENT_CHARS', '10'],
    ['METADATA_PROVIDERS', 'openai,claude'],
    ['OPENAI_BASE_URL', 'api.openai.com'],
    ['METADATA_GEMINI_MODEL', 'models/x y'],
    ['METADATA_OPENAI_PROMPT_USD_PER_1M', '-0.1'],
  ])('refuses a bad %s, naming it', (name, value) => {
    expect(() => loadEnv(MetadataEngineEnv, { [name]: value })).toThrow(name);
  });
});

describe('truncateMetadataContent', () => {
  it('returns short content as it is', () => {
    expect(truncateMetadataContent('brake pads ', 100)).toBe('brake pads ');
  });

  it('cuts at the last word boundary within the limit', () => {
    const text = 'word '.repeat(1000);
    const cut = truncateMetadataContent(text, 4000);
    expect(cut.length).toBeLessThanOrEqual(4000);
    expect(cut.endsWith('word')).toBe(true);
    expect(truncateMetadataContent('abcdefgh ijklmnopqrstuvwxyz', 12)).toBe('abcdefgh ijk'.slice(0, 12));
  });

  it('never splits a surrogate pair', () => {
    const cut = truncateMetadataContent('a'.repeat(99) + '🚗🚗', 100);
    expect(cut).toBe('a'.repeat(99));
  });
});
