import { MEDIA_TASK_TYPES } from '@torque/contracts';
import { BackgroundRemovalEngine } from './background-removal/background-removal-engine.js';
import type { EngineSettings } from './engine-settings.js';
import { FaceSwapEngine } from './face-swap/face-swap-engine.js';
import { ObjectRemovalEngine } from './object-removal/object-removal-engine.js';
import { providerSettings } from './engine-settings.js';
import type { EngineTaskType, MediaEngine } from './media-engine.js';
import { createEditProvider, createGenerationProvider } from './providers/provider-factory.js';
import { StyleTransferMediaEngine } from './style-transfer/style-transfer.media-engine.js';

type Log = (level: 'info' | 'warn', message: string) => void;

/** The local engine of each editing task type. */
function localEngines(settings: EngineSettings, log: Log): Partial<Record<EngineTaskType, MediaEngine>> {
  const maxPixels = settings.MEDIA_MAX_PIXELS;
  return {
    background_removal: new BackgroundRemovalEngine({
      maxPixels,
      model: settings.MEDIA_BG_MODEL,
      executionProvider: settings.MEDIA_EXECUTION_PROVIDER,
      log,
    }),
    face_swap: new FaceSwapEngine({ maxPixels }),
    object_removal: new ObjectRemovalEngine({ maxPixels }),
    style_transfer: new StyleTransferMediaEngine({ maxPixels }),
  };
}

/**
 * The engine of each task type these settings give: the hosted provider when one is configured for the type,
 * else the local engine; image_generation has only providers. Built once per engine thread (and once at boot in
 * the main thread, to stop on settings that cannot work, naming the variable).
 */
export function createEngines(settings: EngineSettings, log: Log): Partial<Record<EngineTaskType, MediaEngine>> {
  const providers = providerSettings(settings);
  const engines = localEngines(settings, log);
  const generation = createGenerationProvider(providers);
  if (generation) engines.image_generation = generation;
  for (const type of MEDIA_TASK_TYPES) {
    if (type === 'image_generation') continue;
    const hosted = createEditProvider(type, providers);
    if (hosted) engines[type] = hosted;
  }
  return engines;
}

/** Builds the hosted providers once, so that settings that cannot work stop the boot naming their variable. */
export function checkProviderSettings(settings: EngineSettings): void {
  const providers = providerSettings(settings);
  createGenerationProvider(providers);
  for (const type of MEDIA_TASK_TYPES) if (type !== 'image_generation') createEditProvider(type, providers);
}
