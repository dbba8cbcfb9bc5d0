import { GeminiMetadataProvider } from './gemini-metadata.provider.js';
import { LocalMetadataEngine } from './local-metadata-engine.js';
import type { MetadataEngineEnv } from './metadata-engine-env.js';
import {
  MetadataProviderChain,
  type ChainEntry,
  type ChainOptions,
  type ProviderPolicy,
} from './metadata-provider-chain.js';
import type { MetadataProviderName } from './metadata-provider.js';
import { OpenAiMetadataProvider } from './openai-metadata.provider.js';

/** The providers of METADATA_PROVIDERS, in order, without repeats and without a hosted one whose key is unset. */
export function configuredProviders(env: MetadataEngineEnv): MetadataProviderName[] {
  const names = env.METADATA_PROVIDERS.split(',').map((s) => s.trim()) as MetadataProviderName[];
  return [...new Set(names)].filter(
    (name) => (name !== 'openai' || !!env.OPENAI_API_KEY) && (name !== 'gemini' || !!env.GEMINI_API_KEY),
  );
}

/**
 * The provider chain the settings describe: OpenAI (OPENAI_API_KEY set), Gemini (GEMINI_API_KEY set) and the local
 * engine, in METADATA_PROVIDERS order. Hosted providers get the timeout, retries and breaker of the settings; the
 * local engine none of them (it runs in process, is deterministic and has nothing to protect).
 */
export function createMetadataGenerator(env: MetadataEngineEnv, opts: ChainOptions = {}): MetadataProviderChain {
  const hosted = (price: ProviderPolicy['price']): ProviderPolicy => ({
    timeoutMs: env.METADATA_PROVIDER_TIMEOUT_MS,
    retries: env.METADATA_PROVIDER_RETRIES,
    retryBaseMs: env.METADATA_RETRY_BASE_MS,
    retryMaxMs: env.METADATA_RETRY_MAX_MS,
    breaker: { failures: env.METADATA_BREAKER_FAILURES, cooldownMs: env.METADATA_BREAKER_COOLDOWN_MS },
    price,
  });
  const names = configuredProviders(env);
  if (names.length === 0)
    throw new Error(
      `METADATA_PROVIDERS=${JSON.stringify(env.METADATA_PROVIDERS)}: no provider is usable (a hosted one needs OPENAI_API_KEY or GEMINI_API_KEY; add local for the local engine)`,
    );
  const entries = names.map((name): ChainEntry => {
    switch (name) {
      case 'openai':
        return {
          provider: new OpenAiMetadataProvider({
            baseUrl: env.OPENAI_BASE_URL,
            apiKey: env.OPENAI_API_KEY!,
            model: env.METADATA_OPENAI_MODEL,
          }),
          policy: hosted({
            promptPerMillion: env.METADATA_OPENAI_PROMPT_USD_PER_1M,
            completionPerMillion: env.METADATA_OPENAI_COMPLETION_USD_PER_1M,
          }),
        };
      case 'gemini':
        return {
          provider: new GeminiMetadataProvider({
            baseUrl: env.GEMINI_BASE_URL,
            apiKey: env.GEMINI_API_KEY!,
            model: env.METADATA_GEMINI_MODEL,
          }),
          policy: hosted({
            promptPerMillion: env.METADATA_GEMINI_PROMPT_USD_PER_1M,
            completionPerMillion: env.METADATA_GEMINI_COMPLETION_USD_PER_1M,
          }),
        };
      case 'local':
        return {
          provider: new LocalMetadataEngine(),
          policy: { timeoutMs: null, retries: 0, retryBaseMs: 1, retryMaxMs: 1, breaker: null, price: null },
        };
    }
  });
  return new MetadataProviderChain(entries, opts);
}
