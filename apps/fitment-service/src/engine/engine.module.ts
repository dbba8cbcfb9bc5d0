import { Module } from '@nestjs/common';
import { FITMENT_ENV, type FitmentEnv } from '../common/fitment-env.js';
import { FitmentEngineService } from './fitment-engine.service.js';
import { FITMENT_PROVIDER } from './providers/fitment-provider.js';
import { OpenAiChatProvider } from './providers/openai-chat.provider.js';

/**
 * The local fitment engine over the vehicle catalog (built once per process and catalog), and the
 * AI provider that checks its candidates when FITMENT_PROVIDER is `openai` (null for `local`).
 */
@Module({
  providers: [
    FitmentEngineService,
    {
      provide: FITMENT_PROVIDER,
      inject: [FITMENT_ENV],
      useFactory: (env: FitmentEnv) =>
        env.FITMENT_PROVIDER === 'openai'
          ? new OpenAiChatProvider({
              baseUrl: env.OPENAI_BASE_URL,
              apiKey: env.OPENAI_API_KEY,
              model: env.OPENAI_MODEL,
              timeoutMs: env.OPENAI_TIMEOUT_MS,
            })
          : null,
    },
  ],
  exports: [FitmentEngineService, FITMENT_PROVIDER],
})
export class EngineModule {}
