import type { Embedder } from './embedder.js';
import type { EmbeddingsEnv } from './embeddings-env.js';
import { LocalEmbedder } from './local-embedder.js';
import { OpenAiEmbedder } from './openai-embedder.js';

/** Longest wait between two attempts of the `openai` provider. */
const RETRY_MAX_MS = 30_000;

/**
 * The Embedder the settings choose: the local model unless EMBEDDINGS_PROVIDER is `openai`. With `none` there is
 * no embedder (the indexer does not import EmbeddingsModule then).
 */
export function createEmbedder(env: EmbeddingsEnv): Embedder {
  if (env.EMBEDDINGS_PROVIDER === 'none') throw new Error('EMBEDDINGS_PROVIDER is none: semantic search is off');
  if (env.EMBEDDINGS_PROVIDER === 'openai')
    return new OpenAiEmbedder({
      baseUrl: env.OPENAI_EMBEDDINGS_BASE_URL,
      apiKey: env.OPENAI_API_KEY,
      model: env.EMBEDDINGS_MODEL,
      dimensions: env.EMBEDDINGS_DIMENSIONS,
      batchSize: env.EMBEDDINGS_BATCH_SIZE,
      timeoutMs: env.OPENAI_EMBEDDINGS_TIMEOUT_MS,
      maxRetries: env.OPENAI_EMBEDDINGS_MAX_RETRIES,
      retryBaseMs: env.OPENAI_EMBEDDINGS_RETRY_BASE_MS,
      retryMaxMs: RETRY_MAX_MS,
    });
  return new LocalEmbedder(env.EMBEDDINGS_BATCH_SIZE);
}
