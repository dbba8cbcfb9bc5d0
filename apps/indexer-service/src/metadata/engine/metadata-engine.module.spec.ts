import { describe, expect, it } from '@jest/globals';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MetricsService } from '@torque/platform';
import { METADATA_ENGINE_ENV } from './metadata-engine-env.js';
import { MetadataEngineModule } from './metadata-engine.module.js';
import { METADATA_GENERATOR } from './metadata-generator.js';
import { MetadataProviderChain } from './metadata-provider-chain.js';

/** Stands in for the platform module, which provides MetricsService globally. */
@Global()
@Module({ providers: [MetricsService], exports: [MetricsService] })
class FakeMetricsModule {}

const wire = (source: NodeJS.ProcessEnv) =>
  Test.createTestingModule({ imports: [FakeMetricsModule, MetadataEngineModule.forRoot(source)] }).compile();

describe('MetadataEngineModule', () => {
  it('provides the chain of the local engine alone without keys, its metrics in the process registry', async () => {
    const app = await wire({});
    const chain = app.get<MetadataProviderChain>(METADATA_GENERATOR);
    expect(chain).toBeInstanceOf(MetadataProviderChain);
    expect(chain.providers).toEqual(['local']);
    expect(app.get(METADATA_ENGINE_ENV).METADATA_MAX_CONTENT_CHARS).toBe(4000);
    await chain.generate({
      title: 'Ceramic Brake Pads',
      content: 'Low-dust ceramic compound for quiet stops on trucks.',
    });
    const metrics = await app.get(MetricsService).registry.getMetricsAsJSON();
    expect(metrics.map((m) => m.name)).toEqual(
      expect.arrayContaining([
        'project_meta_generation_failures_total',
        'project_meta_tokens_total',
        'project_meta_estimated_cost_usd_total',
      ]),
    );
    await app.close();
  });

  it('puts the hosted providers first when their keys are set', async () => {
    const app = await wire({ OPENAI_API_KEY: 'sk-x', GEMINI_API_KEY: 'g-x' });
    expect(app.get<MetadataProviderChain>(METADATA_GENERATOR).providers).toEqual(['openai', 'gemini', 'local']);
    await app.close();
  });

  it('stops the boot when no provider is usable', async () => {
    await expect(wire({ METADATA_PROVIDERS: 'openai' })).rejects.toThrow(/METADATA_PROVIDERS.*OPENAI_API_KEY/);
  });

  it('stops the boot on a bad setting, naming it', () => {
    expect(() => MetadataEngineModule.forRoot({ METADATA_BREAKER_COOLDOWN_MS: 'x' })).toThrow(
      'METADATA_BREAKER_COOLDOWN_MS',
    );
  });
});
