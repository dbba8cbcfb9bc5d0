import { Module, type DynamicModule } from '@nestjs/common';
import { loadEnv } from '@torque/platform';
import {
  METADATA_ENGINE_ENV,
  MetadataEngineEnv,
} from '../../apps/indexer-service/src/metadata/engine/metadata-engine-env.js';
import {
  METADATA_GENERATOR,
  type GeneratedMetadata,
  type MetadataGenerator,
  type MetadataInput,
} from '../../apps/indexer-service/src/metadata/engine/metadata-generator.js';

export interface FakeCall {
  title: string;
  content: string;
  at: number;
}

/**
 * A metadata generator for tests: tags from the title's words plus `marker`, a summary naming the title, every
 * call recorded. Titles starting with `hold:` wait until released (or the job is cancelled); `fail:` throws.
 */
export class FakeMetadataGenerator implements MetadataGenerator {
  readonly calls: FakeCall[] = [];
  private readonly held = new Map<string, () => void>();

  constructor(readonly marker = 'zymurgy') {}

  async generate(input: MetadataInput, signal?: AbortSignal): Promise<GeneratedMetadata> {
    this.calls.push({ title: input.title, content: input.content, at: Date.now() });
    if (input.title.startsWith('fail:')) throw new Error('every provider failed');
    if (input.title.startsWith('hold:')) {
      await new Promise<void>((resolve, reject) => {
        this.held.set(input.title, resolve);
        signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
      });
    }
    const words = input.title.toLowerCase().match(/[a-z]+/g) ?? [];
    return {
      summary: `About ${input.title}: ${input.content.slice(0, 100)}`,
      tags: [...words.slice(0, 4), 'Generated  Tag', this.marker, this.marker.toUpperCase()],
      provider: 'local',
      model: 'fake-1',
      tokens: { prompt: 0, completion: 0 },
    };
  }

  callsFor(prefix: string): FakeCall[] {
    return this.calls.filter((c) => c.title.startsWith(prefix));
  }

  isHeld(title: string): boolean {
    return this.held.has(title);
  }

  release(title: string): void {
    this.held.get(title)?.();
    this.held.delete(title);
  }
}

/** METADATA_GENERATOR as `fake`, beside the engine's settings read from `source` (METADATA_MAX_CONTENT_CHARS). */
@Module({})
export class FakeMetadataGeneratorModule {
  static forRoot(fake: FakeMetadataGenerator, source: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: FakeMetadataGeneratorModule,
      providers: [
        { provide: METADATA_GENERATOR, useValue: fake },
        { provide: METADATA_ENGINE_ENV, useValue: loadEnv(MetadataEngineEnv, source) },
      ],
      exports: [METADATA_GENERATOR, METADATA_ENGINE_ENV],
    };
  }
}
