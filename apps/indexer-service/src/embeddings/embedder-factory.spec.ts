import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadEnv } from '@torque/platform';
import { createEmbedder } from './embedder-factory.js';
import { EmbeddingsEnv } from './embeddings-env.js';
import { LocalEmbedder } from './local-embedder.js';
import { OpenAiEmbedder } from './openai-embedder.js';

describe('EmbeddingsEnv and createEmbedder', () => {
  it('defaults to the local model, with no key and no URL to set', () => {
    const env = loadEnv(EmbeddingsEnv, {});
    const embedder = createEmbedder(env);
    expect(embedder).toBeInstanceOf(LocalEmbedder);
    expect(embedder.dimensions).toBe(512);
    expect(embedder.batchSize).toBe(64);
  });

  it('builds the OpenAI-compatible client from its settings, the model id naming model and dimensions', () => {
    const env = loadEnv(EmbeddingsEnv, {
      EMBEDDINGS_PROVIDER: 'openai',
      EMBEDDINGS_MODEL: 'nomic-embed-text',
      EMBEDDINGS_DIMENSIONS: '768',
      EMBEDDINGS_BATCH_SIZE: '128',
      OPENAI_EMBEDDINGS_BASE_URL: 'http://127.0.0.1:11434/v1',
    });
    const embedder = createEmbedder(env);
    expect(embedder).toBeInstanceOf(OpenAiEmbedder);
    expect(embedder).toMatchObject({ model: 'openai:nomic-embed-text:768', dimensions: 768, batchSize: 128 });
  });

  it('has no embedder when EMBEDDINGS_PROVIDER is none', () => {
    expect(() => createEmbedder(loadEnv(EmbeddingsEnv, { EMBEDDINGS_PROVIDER: 'none' }))).toThrow(/none/);
  });

  it.each([
    [{ EMBEDDINGS_PROVIDER: 'cohere' }, /EMBEDDINGS_PROVIDER="cohere"/],
    [{ OPENAI_EMBEDDINGS_BASE_URL: 'api.openai.com' }, /OPENAI_EMBEDDINGS_BASE_URL=.*http\(s\) URL/],
    [{ EMBEDDINGS_DIMENSIONS: '0' }, /EMBEDDINGS_DIMENSIONS="0"/],
  ])('refuses %j, naming the variable', (source, reason) => {
    expect(() => loadEnv(EmbeddingsEnv, source)).toThrow(ConfigError);
    expect(() => loadEnv(EmbeddingsEnv, source)).toThrow(reason);
  });
});
