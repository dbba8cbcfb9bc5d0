import type { GeneratedMetadata, MetadataInput } from './metadata-generator.js';

/** Names of the providers, in the chain's default order. */
export const METADATA_PROVIDER_NAMES = ['openai', 'gemini', 'local'] as const;
export type MetadataProviderName = (typeof METADATA_PROVIDER_NAMES)[number];

/**
 * One way of writing metadata, called once per attempt by the provider chain, which owns the deadline, the retries
 * and the circuit breaker. A failure is a MetadataProviderError (or an error the chain classifies); `signal` ends
 * the attempt (the chain's deadline or the caller's cancel).
 */
export interface MetadataProvider {
  readonly name: MetadataProviderName;
  readonly model: string;
  generate(input: MetadataInput, signal: AbortSignal): Promise<GeneratedMetadata>;
}
