import { describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadEnv } from '@torque/platform';
import { DataSource } from 'typeorm';
import { EMBEDDER } from './embedder.js';
import { EmbeddingsEnv } from './embeddings-env.js';
import { EmbeddingsModule } from './embeddings.module.js';
import { EmbeddingsService } from './embeddings.service.js';
import { LocalEmbedder } from './local-embedder.js';
import { OpenAiEmbedder } from './openai-embedder.js';
import { SemanticRanker } from './semantic-ranker.js';

/** Stands in for the platform's global TypeORM module: nothing here touches the database at wiring time. */
@Module({ providers: [{ provide: DataSource, useValue: {} }], exports: [DataSource] })
class FakeDatabaseModule {}

const wire = (source: NodeJS.ProcessEnv) =>
  Test.createTestingModule({
    imports: [
      FakeDatabaseModule,
      { ...EmbeddingsModule.forRoot(loadEnv(EmbeddingsEnv, source)), imports: [FakeDatabaseModule] },
    ],
  }).compile();

describe('EmbeddingsModule', () => {
  it('wires the local embedder by default, and the services on it', async () => {
    const app = await wire({});
    expect(app.get(EMBEDDER)).toBeInstanceOf(LocalEmbedder);
    expect(app.get(SemanticRanker)).toBeInstanceOf(SemanticRanker);
    expect(app.get(EmbeddingsService)).toBeInstanceOf(EmbeddingsService);
    await app.close();
  });

  it('wires the OpenAI-compatible client when EMBEDDINGS_PROVIDER is openai', async () => {
    const app = await wire({ EMBEDDINGS_PROVIDER: 'openai', EMBEDDINGS_DIMENSIONS: '256' });
    expect(app.get(EMBEDDER)).toBeInstanceOf(OpenAiEmbedder);
    expect(app.get(EMBEDDER).dimensions).toBe(256);
    await app.close();
  });
});
