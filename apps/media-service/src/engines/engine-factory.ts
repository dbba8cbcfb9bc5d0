import type { EngineTaskType, MediaEngine } from './media-engine.js';
import type { EngineSettings } from './engine-settings.js';
import { StyleTransferMediaEngine } from './style-transfer/style-transfer.media-engine.js';

/**
 * The engine of each task type these settings give: the hosted provider when one is configured for the type,
 * else the local engine; image_generation has no local engine. Built once per engine thread.
 */
export function createEngines(
  settings: EngineSettings,
  log: (level: 'info' | 'warn', message: string) => void,
): Partial<Record<EngineTaskType, MediaEngine>> {
  const maxPixels = settings.MEDIA_MAX_PIXELS;
  void log;
  return {
    style_transfer: new StyleTransferMediaEngine({ maxPixels }),
  };
}
