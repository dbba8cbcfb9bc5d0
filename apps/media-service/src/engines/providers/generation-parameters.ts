import { MediaEngineError } from '../media-engine.js';
import { refinePrompt, type RefinedPrompt } from './prompt-refiner.js';

export const MIN_SIDE = 64;
export const MAX_SIDE = 2048;
export const MAX_STEPS = 150;
export const MAX_GUIDANCE = 30;
export const MAX_SEED = 2 ** 32 - 1;

/** What image_generation reads from `parameters`, checked again here: an engine trusts no caller. */
export interface GenerationParameters {
  width: number;
  height: number;
  steps?: number;
  seed?: number;
  /** Classifier-free guidance scale (A1111 `cfg_scale`, ComfyUI `cfg`). */
  guidance?: number;
  prompt: RefinedPrompt;
}

/** The parameters of a generation task: width and height (64..2048, default `defaultSide`), steps, seed, guidance, style, negative_prompt. */
export function readGenerationParameters(
  prompt: unknown,
  parameters: Record<string, unknown>,
  defaultSide: number,
): GenerationParameters {
  return {
    width: integerIn(parameters, 'width', MIN_SIDE, MAX_SIDE) ?? defaultSide,
    height: integerIn(parameters, 'height', MIN_SIDE, MAX_SIDE) ?? defaultSide,
    steps: integerIn(parameters, 'steps', 1, MAX_STEPS),
    seed: integerIn(parameters, 'seed', 0, MAX_SEED),
    guidance: numberIn(parameters, 'guidance', 0, MAX_GUIDANCE),
    prompt: refinePrompt(prompt, parameters),
  };
}

function integerIn(parameters: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const value = parameters[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new MediaEngineError(
      'invalid_input',
      `${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`,
      {
        field: `parameters.${name}`,
      },
    );
  }
  return value;
}

function numberIn(parameters: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const value = parameters[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new MediaEngineError(
      'invalid_input',
      `${name} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`,
      {
        field: `parameters.${name}`,
      },
    );
  }
  return value;
}

/** Stable Diffusion works in 8-pixel latent cells: the nearest multiple of 8 within the limits. */
export function multipleOf8(side: number): number {
  return Math.min(MAX_SIDE, Math.max(MIN_SIDE, Math.round(side / 8) * 8));
}
